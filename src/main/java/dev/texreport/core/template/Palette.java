package dev.texreport.core.template;

import dev.texreport.core.Hashes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One colour, marker and dash pattern per series name (a method, a run, a curve) for the whole report: "ViT-S" is
 * the same in every figure of every milestone.
 *
 * <p>Why the styles come from the results files: a PDF must depend only on its own milestone's inputs (the final
 * report built alone is byte-identical to the final report built with the others), so the palette cannot be
 * handed out in the order figures use names across milestones. The results folder is an input of every milestone,
 * so the names are numbered from it, the same way for every milestone: walking the results files in name order,
 * each field of each list of records (CSV rows, runs, TensorBoard steps) gives its text values in order of first
 * appearance, and a trainer state's {@code log_history} gives its curves. Values of one field (the methods of a
 * table of runs) therefore get consecutive numbers, and so different colours for up to ten of them. A name that
 * no results file holds (a series typed in the template) gets a number from a hash of its text, which depends on
 * nothing else either. The name list is part of every milestone's fingerprint ({@link #digest()}), so adding a
 * method rebuilds the milestones whose colours it may change.
 *
 * <p>Style {@code i} is colour {@code i mod 10}, marker {@code i mod 7} and, from the eleventh name on, a dash
 * pattern ({@code (i / 10) mod 3}): the first ten names differ in colour and marker, later ones in marker and dash.
 * The ten colours are colour-blind safe: the Okabe-Ito set (without its yellow, too light for lines) and three of
 * Paul Tol's muted colours (indigo, olive, wine), with black last.
 */
public final class Palette {
    private static final String[] COLOURS = {"0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "332288", "999933",
            "882255", "56B4E9", "000000"};
    private static final String[] MARKS = {"*", "square*", "triangle*", "diamond*", "pentagon*", "o", "square"};
    private static final String[] DASHES = {"solid", "dashed", "dotted"};
    /** Styles a hashed name can land on beyond the numbered names: every colour with every marker and dash. */
    private static final int HASHED = COLOURS.length * MARKS.length * DASHES.length;

    private final Map<String, Integer> numbered;

    private Palette(Map<String, Integer> numbered) {
        this.numbered = numbered;
    }

    /** A palette with no numbered names: every name gets its style from its hash. */
    public Palette() {
        this(Map.of());
    }

    /** The palette of a project: names numbered from its results (see the class comment). */
    public static Palette of(Map<String, Object> resultsModel) {
        Set<String> names = new LinkedHashSet<>();
        collect(resultsModel, names);
        Map<String, Integer> numbered = new LinkedHashMap<>();
        for (String name : names) {
            numbered.putIfAbsent(name, numbered.size());
        }
        return new Palette(numbered);
    }

    private static void collect(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("log_history") instanceof List<?> history) {
                for (Object entry : history) {
                    if (entry instanceof Map<?, ?> record) {
                        record.forEach((k, v) -> {
                            if (v instanceof Number && !CurveNames.isPosition(String.valueOf(k))) {
                                names.add(CurveNames.of(String.valueOf(k)));
                            }
                        });
                    }
                }
                return;
            }
            for (Object child : map.values()) {
                collect(child, names);
            }
        } else if (value instanceof List<?> list) {
            boolean records = !list.isEmpty() && list.stream().allMatch(v -> v instanceof Map<?, ?>);
            if (records) {
                Map<String, Set<String>> byField = new LinkedHashMap<>();
                for (Object item : list) {
                    ((Map<?, ?>) item).forEach((k, v) -> {
                        if (v instanceof String text) {
                            byField.computeIfAbsent(String.valueOf(k), f -> new LinkedHashSet<>()).add(text);
                        }
                    });
                }
                byField.values().forEach(names::addAll);
            }
            for (Object item : list) {
                if (records) {
                    // A record's own lists and objects may hold further records (a run's per-epoch history).
                    ((Map<?, ?>) item).values().forEach(v -> {
                        if (v instanceof Map<?, ?> || v instanceof List<?>) {
                            collect(v, names);
                        }
                    });
                } else if (item instanceof List<?>) {
                    collect(item, names);
                }
            }
        }
    }

    /** The style number of a series name; the same name always gets the same number. */
    public int index(String series) {
        Integer number = numbered.get(series);
        if (number != null) {
            return number;
        }
        int h = Integer.parseInt(Hashes.sha256(series).substring(0, 6), 16) % HASHED;
        return numbered.size() + h;
    }

    /** The colour name used in pgfplots options, e.g. {@code texreport3}. */
    public String colour(String series) {
        return "texreport" + (index(series) % COLOURS.length);
    }

    public String mark(String series) {
        return MARKS[index(series) % MARKS.length];
    }

    /** The pgfplots dash pattern: solid for the first ten names. */
    public String dash(String series) {
        return DASHES[(index(series) / COLOURS.length) % DASHES.length];
    }

    /** A hash of the numbered names, for the milestones' fingerprints. */
    public String digest() {
        return Hashes.sha256(String.join("\n", numbered.keySet()));
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
