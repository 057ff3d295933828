package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of the plugin: round half away from zero on the exact decimal value, so 0.05 to one decimal
 * is 0.1 and -0.05 is -0.1 (what a reader computing by hand expects; binary floating point would give 0.0 for
 * some such values). The spread is rounded to the same decimal place as the mean.
 */
public final class Rounding {
    private Rounding() {
    }

    /**
     * The decimal places for {@code value}: {@code decimals} when given, else enough for {@code significant}
     * significant digits of the value, never rounding away digits before the decimal point. When rounding carries
     * into the next power of ten (0.9996 to three digits), one decimal fewer keeps the number of digits: 1.00, not
     * 1.000.
     */
    public static int decimalsFor(BigDecimal value, Integer decimals, Integer significant) {
        if (decimals != null) {
            return decimals;
        }
        int digits = significant == null ? MetricSpec.DEFAULT_SIGNIFICANT : Math.max(1, significant);
        if (value == null || value.signum() == 0) {
            return Math.max(0, digits - 1);
        }
        int magnitude = magnitude(value);
        int places = Math.max(0, digits - 1 - magnitude);
        if (places > 0 && magnitude(round(value, places)) > magnitude) {
            places--;
        }
        return places;
    }

    /** floor(log10 |value|) of a non-zero value: 0 for 1.5, -1 for 0.25, 2 for 123. */
    public static int magnitude(BigDecimal value) {
        return value.precision() - value.scale() - 1;
    }

    public static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
