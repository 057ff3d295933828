package dev.texreport.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats page figures the way the log and summary.json show them. */
public final class PageFigures {
    private PageFigures() {
    }

    /** One decimal, e.g. 7.6. */
    public static String pages(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Like {@link #pages(double)}, but a value over the limit never reads as the limit itself: 8.02 of 8 is shown
     * as 8.02, so nobody wonders why "8.0 of 8" failed.
     */
    public static String pages(double value, int limit) {
        String shown = pages(value);
        if (value > limit && new BigDecimal(shown).compareTo(BigDecimal.valueOf(limit)) <= 0) {
            return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return shown;
    }

    /** The value stored in summary.json: hundredths. */
    public static BigDecimal exact(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
