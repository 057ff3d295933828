package dev.texreport.core.numbers;

import java.math.BigDecimal;

/**
 * Prints rounded numbers as LaTeX: a real minus sign (in text mode, so it follows bold), digits grouped with thin spaces when the
 * integer part has five or more digits (the SI convention; 1234 stays 1234, 12345 becomes 12\,345), never a
 * locale's grouping comma, and an en dash for a missing value.
 */
public final class NumberText {
    public static final String MISSING = "--";
    /** A value that is not finite (NaN, an infinity): an em dash, so it reads apart from a missing value. */
    public static final String NOT_FINITE = "---";

    /** How digits before the decimal point are grouped. */
    public enum Grouping {
        /** Thin spaces from five integer digits on (default). */
        SI,
        /** Never group. */
        NONE,
        /** Thin spaces from four digits on. */
        ALWAYS;

        public static Grouping parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "si", "auto" -> SI;
                case "none", "off", "false" -> NONE;
                case "always", "on", "true" -> ALWAYS;
                default -> throw new IllegalArgumentException("group must be 'si', 'none' or 'always', not '" + text
                        + "'");
            };
        }
    }

    private NumberText() {
    }

    /** The digits of an already rounded value, e.g. {@code 12\,345.6} or {@code \(-\)0.3}. */
    public static String latex(BigDecimal rounded, Grouping grouping) {
        if (rounded == null) {
            return MISSING;
        }
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        int threshold = grouping == Grouping.ALWAYS ? 4 : grouping == Grouping.SI ? 5 : Integer.MAX_VALUE;
        if (integer.length() >= threshold) {
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < integer.length(); i++) {
                if (i > 0 && (integer.length() - i) % 3 == 0) {
                    grouped.append("\\,");
                }
                grouped.append(integer.charAt(i));
            }
            integer = grouped.toString();
        }
        boolean negative = rounded.signum() < 0;
        return (negative ? "\\textminus{}" : "") + integer + fraction;
    }

    /** {@code 10^e} in text mode: {@code 10\textsuperscript{17}}, {@code 10\textsuperscript{\textminus{}5}}. */
    public static String powerOfTen(int exponent) {
        return "10\\textsuperscript{" + (exponent < 0 ? "\\textminus{}" : "") + Math.abs(exponent) + "}";
    }

    /** {@code mean ± spread} (spread omitted when null). */
    public static String withSpread(String mean, String spread) {
        return spread == null ? mean : mean + "\\,\\textpm\\," + spread;
    }
}
