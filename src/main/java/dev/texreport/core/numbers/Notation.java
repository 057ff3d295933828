package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Plain digits or scientific notation. {@link #AUTO} keeps plain digits for magnitudes from 0.0001 to below a
 * billion (what fits a table cell and reads at a glance) and switches to {@code 2.29 × 10^17} outside that range, so
 * a FLOP count never prints as 18 digits running into the margin.
 */
public enum Notation {
    AUTO, PLAIN, SCIENTIFIC;

    /** From 10^9 on, numbers print as a mantissa times a power of ten. */
    public static final int LARGEST_PLAIN_MAGNITUDE = 8;
    /** Below 10^-4, too. */
    public static final int SMALLEST_PLAIN_MAGNITUDE = -4;

    public static Notation parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "plain", "fixed" -> PLAIN;
            case "scientific", "sci" -> SCIENTIFIC;
            default -> throw new IllegalArgumentException("notation must be 'auto', 'plain' or 'scientific', not '"
                    + text + "'");
        };
    }

    /**
     * The power of ten to factor out of numbers like {@code reference} (the largest of a column), 0 for plain digits.
     * The exponent follows the rounded mantissa: 9.996 × 10^9 to three digits is 1.00 × 10^10.
     */
    public int exponentFor(BigDecimal reference, Integer decimals, Integer significant) {
        if (this == PLAIN || reference == null || reference.signum() == 0) {
            return 0;
        }
        int magnitude = Rounding.magnitude(reference.abs());
        if (this == AUTO && magnitude <= LARGEST_PLAIN_MAGNITUDE && magnitude >= SMALLEST_PLAIN_MAGNITUDE) {
            return 0;
        }
        BigDecimal mantissa = reference.abs().movePointLeft(magnitude);
        int places = decimals != null ? decimals
                : Math.max(0, (significant == null ? MetricSpec.DEFAULT_SIGNIFICANT : significant) - 1);
        if (Rounding.round(mantissa, places).compareTo(BigDecimal.TEN) >= 0) {
            magnitude++;
        }
        return magnitude;
    }
}
