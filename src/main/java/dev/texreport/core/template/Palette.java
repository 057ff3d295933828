package dev.texreport.core.template;

import dev.texreport.core.Hashes;
import java.util.ArrayList;
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
 * <p>Each name gets the colour used least so far among those its field's other values do not have, so the first
 * ten values of a field differ in colour, and names of different fields share a colour only when the project has
 * more than ten; they then differ in marker. From a field's eleventh value on, lines are dashed, then dotted. Fields
 * with a single value (an experiment's name, a status) or more than 40 (run ids) are not numbered.
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
    /** Fields with more distinct values than this are ids, not series. */
    private static final int MAX_SERIES = 40;

    /**
     * For each numbered name: its style number (colour = index mod 10, marker = index mod 7) and its place among its
     * field's values (the dash pattern).
     */
    private record Number(int index, int inField) { }

    private final Map<String, Number> numbered;

    private Palette(Map<String, Number> numbered) {
        this.numbered = numbered;
    }

    /** A palette with no numbered names: every name gets its style from its hash. */
    public Palette() {
        this(Map.of());
    }

    /** The palette of a project: names numbered from its results (see the class comment). */
    public static Palette of(Map<String, Object> resultsModel) {
        List<Set<String>> fields = new ArrayList<>();
        collect(resultsModel, fields);
        Map<String, Number> numbered = new LinkedHashMap<>();
        int[] uses = new int[COLOURS.length];
        for (Set<String> field : fields) {
            // A field with one value is a constant (one experiment, one status), never a legend of several lines;
            // one with very many is an id. Neither takes colours from the names a figure shows side by side.
            if (field.size() < 2 || field.size() > MAX_SERIES) {
                continue;
            }
            Set<Integer> inField = new java.util.HashSet<>();
            int k = 0;
            for (String name : field) {
                Number known = numbered.get(name);
                if (known != null) {
                    inField.add(known.index() % COLOURS.length);
                    continue;
                }
                // The least used colour not yet in this field (the lowest on a tie): a field's first ten values
                // differ, and fields share colours as little as the count of names allows.
                int best = -1;
                for (int c = 0; c < COLOURS.length; c++) {
                    boolean free = !inField.contains(c) || inField.size() >= COLOURS.length;
                    if (free && (best < 0 || uses[c] < uses[best])) {
                        best = c;
                    }
                }
                uses[best]++;
                inField.add(best);
                numbered.put(name, new Number(best + COLOURS.length * numbered.size(), k++));
            }
        }
        return new Palette(numbered);
    }

    private static void collect(Object value, List<Set<String>> names) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("log_history") instanceof List<?> history) {
                Set<String> curves = new LinkedHashSet<>();
                names.add(curves);
                for (Object entry : history) {
                    if (entry instanceof Map<?, ?> record) {
                        record.forEach((k, v) -> {
                            if (v instanceof java.lang.Number && !CurveNames.isPosition(String.valueOf(k))) {
                                curves.add(CurveNames.of(String.valueOf(k)));
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
                names.addAll(byField.values());
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
    private Number number(String series) {
        Number number = numbered.get(series);
        if (number != null) {
            return number;
        }
        int h = Integer.parseInt(Hashes.sha256(series).substring(0, 6), 16) % HASHED;
        return new Number(h, h % COLOURS.length);
    }

    /** The colour name used in pgfplots options, e.g. {@code texreport3}. */
    public String colour(String series) {
        return "texreport" + (number(series).index() % COLOURS.length);
    }

    public String mark(String series) {
        return MARKS[(number(series).index() / COLOURS.length + number(series).index()) % MARKS.length];
    }

    /** The pgfplots dash pattern: solid for the first ten values of a field. */
    public String dash(String series) {
        return DASHES[(number(series).inField() / COLOURS.length) % DASHES.length];
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
