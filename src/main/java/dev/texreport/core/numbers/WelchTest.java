package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's unequal-variances t-test of two groups of runs (two-sided): is a method's mean different from the
 * baseline's? t = (m1 - m2) / sqrt(v1/n1 + v2/n2) with the Welch-Satterthwaite degrees of freedom; the p-value comes
 * from Student's t distribution (Commons Statistics).
 */
public final class WelchTest {
    private WelchTest() {
    }

    /** The two-sided p-value, or NaN when the test is undefined (fewer than two runs in a group, or no variance). */
    public static double pValue(List<BigDecimal> first, List<BigDecimal> second) {
        int n1 = first.size();
        int n2 = second.size();
        if (n1 < 2 || n2 < 2) {
            return Double.NaN;
        }
        double m1 = mean(first);
        double m2 = mean(second);
        double a = variance(first, m1) / n1;
        double b = variance(second, m2) / n2;
        if (a + b == 0) {
            return Double.NaN;
        }
        double t = (m1 - m2) / Math.sqrt(a + b);
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    private static double mean(List<BigDecimal> values) {
        return values.stream().mapToDouble(BigDecimal::doubleValue).sum() / values.size();
    }

    private static double variance(List<BigDecimal> values, double mean) {
        double squares = 0;
        for (BigDecimal value : values) {
            double d = value.doubleValue() - mean;
            squares += d * d;
        }
        return squares / (values.size() - 1);
    }
}
