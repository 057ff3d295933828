package dev.texreport.core.template;

import java.util.Arrays;

/**
 * Maps lines of a rendered template back to lines of its source. FreeMarker keeps no source map, so the map is
 * recovered by aligning the two texts: lines that come out unchanged (plain LaTeX) anchor the alignment, and a
 * line that changed (interpolations, directives, macro output) belongs to the source line of the nearest anchor
 * before it, shifted by its distance from that anchor while that stays within the gap. No diff library is among
 * the project's dependencies and the alignment is a plain longest-common-subsequence over lines, so it is written
 * here.
 */
public final class LineMap {
    private final int[] sourceLineOf;

    private LineMap(int[] sourceLineOf) {
        this.sourceLineOf = sourceLineOf;
    }

    /** The identity map, for files copied verbatim. */
    public static LineMap identity() {
        return new LineMap(null);
    }

    /** The source line (1-based) for an output line (1-based). */
    public int sourceLine(int outputLine) {
        if (sourceLineOf == null || outputLine <= 0) {
            return outputLine;
        }
        if (outputLine > sourceLineOf.length) {
            return sourceLineOf.length == 0 ? 1 : sourceLineOf[sourceLineOf.length - 1];
        }
        return sourceLineOf[outputLine - 1];
    }

    public static LineMap align(String source, String output) {
        String[] src = split(source);
        String[] out = split(output);
        int n = src.length;
        int m = out.length;
        // lcs[i][j]: length of the longest common subsequence of src[i..] and out[j..], lines compared trimmed.
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(src[i], out[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] anchor = new int[m];
        Arrays.fill(anchor, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(src[i], out[j]) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                anchor[j] = i;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        int[] map = new int[m];
        int lastSource = 0;
        int lastOutput = -1;
        for (int k = 0; k < m; k++) {
            if (anchor[k] >= 0) {
                map[k] = anchor[k] + 1;
                lastSource = anchor[k];
                lastOutput = k;
                continue;
            }
            int nextSource = n;
            for (int look = k + 1; look < m; look++) {
                if (anchor[look] >= 0) {
                    nextSource = anchor[look];
                    break;
                }
            }
            int guess = lastOutput < 0 ? k : lastSource + (k - lastOutput);
            int upper = Math.max(lastOutput < 0 ? 0 : lastSource, nextSource - 1);
            map[k] = Math.min(Math.max(guess, 0), Math.max(upper, 0)) + 1;
            if (map[k] > Math.max(n, 1)) {
                map[k] = Math.max(n, 1);
            }
        }
        return new LineMap(map);
    }

    private static boolean same(String a, String b) {
        return !a.isBlank() && a.strip().equals(b.strip());
    }

    private static String[] split(String text) {
        return text.split("\r?\n", -1);
    }
}
