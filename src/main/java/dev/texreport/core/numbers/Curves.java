package dev.texreport.core.numbers;

/**
 * Helpers for drawn curves, on plain doubles (they only place points on a plot; printed numbers stay decimal):
 * TensorBoard's smoothing and a downsampling that keeps a long curve's shape.
 */
public final class Curves {
    private Curves() {
    }

    /**
     * The exponential moving average TensorBoard draws for a smoothing weight {@code weight} in [0, 1): each point
     * is {@code last = last * weight + (1 - weight) * y}, divided by {@code 1 - weight^k} after k points so the curve
     * does not start at zero (the debiasing TensorBoard applies). A constant series stays as it is.
     */
    public static double[] ema(double[] y, double weight) {
        double[] smoothed = new double[y.length];
        boolean constant = true;
        for (double v : y) {
            constant &= v == y[0];
        }
        double last = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (constant || !Double.isFinite(y[i])) {
                smoothed[i] = y[i];
                continue;
            }
            last = last * weight + (1 - weight) * y[i];
            count++;
            double debias = weight == 1 ? 1 : 1 - Math.pow(weight, count);
            smoothed[i] = last / debias;
        }
        return smoothed;
    }

    /**
     * The indices of at most {@code target} points that keep the curve's shape: largest-triangle-three-buckets
     * (Steinarsson, 2013) keeps the first and last point and, from each bucket of the points between, the one that
     * spans the largest triangle with the point kept before it and the mean of the next bucket. Peaks survive,
     * which a plain "every k-th point" would drop.
     */
    public static int[] largestTriangleThreeBuckets(double[] x, double[] y, int target) {
        int n = x.length;
        if (target >= n || target < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[target];
        double every = (double) (n - 2) / (target - 2);
        int a = 0;
        kept[0] = 0;
        for (int bucket = 0; bucket < target - 2; bucket++) {
            int nextStart = (int) Math.floor((bucket + 1) * every) + 1;
            int nextEnd = Math.min((int) Math.floor((bucket + 2) * every) + 1, n);
            double meanX = 0;
            double meanY = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                meanX += x[i];
                meanY += y[i];
            }
            int count = Math.max(1, nextEnd - nextStart);
            meanX /= count;
            meanY /= count;
            int start = (int) Math.floor(bucket * every) + 1;
            int end = (int) Math.floor((bucket + 1) * every) + 1;
            double best = -1;
            int chosen = start;
            for (int i = start; i < end; i++) {
                double area = Math.abs((x[a] - meanX) * (y[i] - y[a]) - (x[a] - x[i]) * (meanY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            kept[bucket + 1] = chosen;
            a = chosen;
        }
        kept[target - 1] = n - 1;
        return kept;
    }
}
