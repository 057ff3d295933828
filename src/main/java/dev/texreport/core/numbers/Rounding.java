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
     * significant digits of the value, never rounding away digits before the decimal point.
     */
    public static int decimalsFor(BigDecimal value, Integer decimals, Integer significant) {
        if (decimals != null) {
            return decimals;
        }
        int digits = significant == null ? MetricSpec.DEFAULT_SIGNIFICANT : Math.max(1, significant);
        if (value == null || value.signum() == 0) {
            return Math.max(0, digits - 1);
        }
        int magnitude = value.precision() - value.scale() - 1; // floor(log10|value|)
        return Math.max(0, digits - 1 - magnitude);
    }

    public static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
