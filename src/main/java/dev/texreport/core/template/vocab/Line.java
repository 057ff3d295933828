package dev.texreport.core.template.vocab;

/**
 * One drawn line of a figure, ready for pgfplots.
 *
 * @param name  the legend's name for it, or null for an unnamed single line
 * @param key   the name its colour belongs to: the series value or curve as the results hold it, whatever the
 *              legend calls it
 * @param x     the x values, increasing
 * @param y     the y values (the mean over runs at each x)
 * @param low   the lower edge of its band at each x, or null for no band
 * @param high  the upper edge of its band at each x, or null
 * @param raw   the unsmoothed y values drawn faint behind a smoothed line, or null
 * @param right whether it belongs to the second (right) y axis
 */
record Line(String name, String key, double[] x, double[] y, double[] low, double[] high, double[] raw,
            boolean right) {
    int size() {
        return x.length;
    }

    /** The line with only the points at {@code kept}. */
    Line keep(int[] kept) {
        return new Line(name, key, pick(x, kept), pick(y, kept), pick(low, kept), pick(high, kept), pick(raw, kept), right);
    }

    private static double[] pick(double[] values, int[] kept) {
        if (values == null) {
            return null;
        }
        double[] picked = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            picked[i] = values[kept[i]];
        }
        return picked;
    }
}
