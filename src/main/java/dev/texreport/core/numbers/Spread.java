package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * What follows a mean: the sample standard deviation, the standard error, a 95% confidence interval of the mean
 * (Student's t, or a percentile bootstrap), or nothing.
 */
public enum Spread {
    STD("std"), SEM("sem"), CI95("ci95"), BOOTSTRAP("bootstrap"), NONE("none");

    /** Resamples of the bootstrap: enough for the 2.5% and 97.5% percentiles to settle to three digits. */
    static final int RESAMPLES = 10_000;
    /**
     * The bootstrap's random numbers come from a fixed seed: the same runs give the same interval in every build, so
     * a PDF depends on its inputs only.
     */
    private static final long SEED = 0x7e57_5eedL;

    private final String id;

    Spread(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Spread parse(String text) {
        for (Spread spread : values()) {
            if (spread.id.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return spread;
            }
        }
        throw new IllegalArgumentException("spread must be 'std', 'sem', 'ci95', 'bootstrap' or 'none', not '" + text
                + "'");
    }

    /** Whether the spread is an interval [low, high] rather than a ± half-width. */
    public boolean isInterval() {
        return this == BOOTSTRAP;
    }

    /** How a caption names what the cells show: "Mean \textpm{} std", "Mean [95\% bootstrap CI]", ... */
    public String captionWords() {
        return switch (this) {
            case STD -> "Mean \\textpm{} std";
            case SEM -> "Mean \\textpm{} standard error";
            case CI95 -> "Mean \\textpm{} 95\\% confidence interval (Student's t)";
            case BOOTSTRAP -> "Mean [95\\% percentile bootstrap interval, " + RESAMPLES / 1000 + "k resamples]";
            case NONE -> "Mean";
        };
    }

    /**
     * The ± half-width for {@code values} (already scaled) with the summary {@code s} of them; null for an interval
     * spread, for NONE, and for fewer than two values.
     */
    public BigDecimal halfWidth(Summary s) {
        return switch (this) {
            case STD -> s.std();
            case SEM -> s.sem();
            case CI95 -> s.n() < 2 ? null : s.sem().multiply(BigDecimal.valueOf(
                    TDistribution.of(s.n() - 1).inverseSurvivalProbability(0.025)), MathContext.DECIMAL64);
            case BOOTSTRAP, NONE -> null;
        };
    }

    /** The 95% percentile bootstrap interval of the mean of {@code values}; null for fewer than two values. */
    public static BigDecimal[] bootstrap(List<BigDecimal> values) {
        int n = values.size();
        if (n < 2) {
            return null;
        }
        double[] x = values.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double[] means = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        int low = (int) Math.floor(0.025 * RESAMPLES);
        int high = (int) Math.ceil(0.975 * RESAMPLES) - 1;
        return new BigDecimal[] {BigDecimal.valueOf(means[low]), BigDecimal.valueOf(means[high])};
    }
}
