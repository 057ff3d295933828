package dev.texreport.core.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour and marker per method (or other series name) for a whole report, so "ViT-S" looks the same in every
 * figure. Colours are the Okabe-Ito set, which stays distinguishable for colour-blind readers and in greyscale
 * print; they are handed out in order of first use.
 */
public final class Palette {
    private static final String[] COLOURS = {"0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "000000"};
    private static final String[] MARKS = {"*", "square*", "triangle*", "diamond*", "pentagon*", "o", "square"};

    private final Map<String, Integer> assigned = new LinkedHashMap<>();

    /** The style index of a series; the same name always gets the same index. */
    public synchronized int index(String series) {
        return assigned.computeIfAbsent(series, k -> assigned.size());
    }

    /** The colour name used in pgfplots options, e.g. {@code texreport3}. */
    public String colour(String series) {
        return "texreport" + (index(series) % COLOURS.length);
    }

    public String mark(String series) {
        return MARKS[index(series) % MARKS.length];
    }

    /** {@code \definecolor} lines for every colour, for the figure's preamble. */
    public static String definitions() {
        StringBuilder tex = new StringBuilder();
        for (int i = 0; i < COLOURS.length; i++) {
            tex.append("\\definecolor{texreport").append(i).append("}{HTML}{").append(COLOURS[i]).append("}%\n");
        }
        return tex.toString();
    }
}
