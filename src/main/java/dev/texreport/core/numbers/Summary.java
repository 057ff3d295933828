package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Mean, sample standard deviation (n-1) and standard error of a metric over seeds, computed in decimal arithmetic
 * so that printed values never show binary floating-point artefacts.
 *
 * @param n    number of values (seeds)
 * @param mean the mean, or null when there are no values
 * @param std  the sample standard deviation, or null for fewer than two values
 */
public record Summary(int n, BigDecimal mean, BigDecimal std) {
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public static Summary of(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
        int n = present.size();
        if (n == 0) {
            return new Summary(0, null, null);
        }
        BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), PRECISION);
        if (n == 1) {
            return new Summary(1, present.get(0), null);
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal value : present) {
            BigDecimal d = value.subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal variance = squares.divide(BigDecimal.valueOf(n - 1L), PRECISION);
        return new Summary(n, mean, variance.sqrt(PRECISION));
    }

    /** Standard error of the mean: std / sqrt(n); null when std is. */
    public BigDecimal sem() {
        return std == null ? null : std.divide(BigDecimal.valueOf(n).sqrt(PRECISION), PRECISION);
    }

    public Summary scaled(BigDecimal factor) {
        return new Summary(n, mean == null ? null : mean.multiply(factor),
                std == null ? null : std.multiply(factor).abs());
    }
}
