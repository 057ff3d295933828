package dev.texreport.core.results;

import java.math.BigDecimal;
import java.util.List;

/**
 * A metric's values over some runs: the finite numbers, and how many were NaN or infinite. Runs without the key
 * count in neither.
 *
 * @param finite    the numbers
 * @param notFinite how many values were NaN or an infinity
 */
public record MetricValues(List<BigDecimal> finite, int notFinite) {
    public MetricValues {
        finite = List.copyOf(finite);
    }

    /** Whether any value was NaN or infinite: a mean over them is not a number either. */
    public boolean hasNotFinite() {
        return notFinite > 0;
    }

    public boolean isEmpty() {
        return finite.isEmpty() && notFinite == 0;
    }
}
