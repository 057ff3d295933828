package dev.texreport.core.numbers;

import java.math.BigDecimal;

/**
 * How one number, or every number of a table column, is printed: the power of ten factored out (0 for plain
 * digits) and the decimals of what remains. A column shares one format, so its decimal points line up and its
 * cells compare as printed.
 *
 * @param exponent the power of ten factored out: {@code 2.29 × 10^17} has 17; 0 prints plain digits
 * @param decimals the digits after the decimal point of the (mantissa) digits
 */
public record PrintFormat(int exponent, int decimals) {
    /**
     * The format for numbers like {@code reference} (for a column: its largest absolute mean): {@code decimals} when
     * given, else {@code significant} significant digits (default 3), in the notation asked for.
     */
    public static PrintFormat of(BigDecimal reference, Integer decimals, Integer significant, Notation notation) {
        BigDecimal abs = reference == null ? null : reference.abs();
        int exponent = notation.exponentFor(abs, decimals, significant);
        BigDecimal mantissa = abs == null ? null : abs.movePointLeft(exponent);
        return new PrintFormat(exponent, Rounding.decimalsFor(mantissa, decimals, significant));
    }

    /** The value as printed, in the units of the digits (divided by the power of ten). */
    public BigDecimal rounded(BigDecimal value) {
        return Rounding.round(value.movePointLeft(exponent), decimals);
    }

    /** The digits alone, e.g. {@code 2.29} or {@code 12\,345.6}; the power of ten is printed by the caller. */
    public String digits(BigDecimal value, NumberText.Grouping grouping) {
        return NumberText.latex(rounded(value), grouping);
    }

    /** The whole number: {@code 0.813} or {@code 2.29\,\texttimes\,10\textsuperscript{17}}. */
    public String number(BigDecimal value, NumberText.Grouping grouping) {
        return digits(value, grouping) + times();
    }

    /** {@code mean ± spread}, or {@code (mean ± spread) × 10^e}; no spread when it is null. */
    public String withSpread(BigDecimal mean, BigDecimal spread, NumberText.Grouping grouping) {
        if (spread == null) {
            return number(mean, grouping);
        }
        String inner = NumberText.withSpread(digits(mean, grouping), digits(spread.abs(), grouping));
        return exponent == 0 ? inner : "(" + inner + ")" + times();
    }

    /** {@code mean [low, high]}, e.g. a bootstrap interval, with the power of ten after it. */
    public String withInterval(BigDecimal mean, BigDecimal low, BigDecimal high, NumberText.Grouping grouping) {
        String inner = digits(mean, grouping) + "\\," + interval(low, high, grouping);
        return exponent == 0 ? inner : "(" + inner + ")" + times();
    }

    /** {@code [low, high]} in this format's digits. */
    public String interval(BigDecimal low, BigDecimal high, NumberText.Grouping grouping) {
        return "[" + digits(low, grouping) + ", " + digits(high, grouping) + "]";
    }

    /** {@code \,×\,10^e} in text mode (so it follows bold), empty for plain digits. */
    public String times() {
        return exponent == 0 ? "" : "\\,\\texttimes\\," + NumberText.powerOfTen(exponent);
    }
}
