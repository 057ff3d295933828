package dev.texreport.core.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pieces cut out of a region (or replaced); a piece cut alone on its lines takes its lines with it. */
final class Cuts {
    private final LatexText t;
    private final List<Object[]> ranges = new ArrayList<>();

    Cuts(LatexText t) {
        this.t = t;
    }

    void add(int from, int to) {
        int lineStart = t.text().lastIndexOf('\n', from - 1) + 1;
        int lineEnd = t.endOfLine(to);
        boolean aloneBefore = t.blank(lineStart, from);
        boolean aloneAfter = t.blank(to, lineEnd);
        ranges.add(aloneBefore && aloneAfter ? new Object[] {lineStart, lineEnd, ""} : new Object[] {from, to, ""});
    }

    void replace(int from, int to, String text) {
        ranges.add(new Object[] {from, to, text});
    }

    /** The text from {@code from} to {@code to} without the cut pieces. */
    String apply(int from, int to) {
        StringBuilder out = new StringBuilder();
        int at = from;
        List<Object[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(r -> (Integer) r[0]));
        for (Object[] r : sorted) {
            int start = (Integer) r[0];
            int stop = (Integer) r[1];
            if (stop <= at || start >= to) {
                continue;
            }
            out.append(t.slice(at, Math.max(at, start))).append((String) r[2]);
            at = Math.max(at, stop);
        }
        if (at < to) {
            out.append(t.slice(at, to));
        }
        return out.toString();
    }
}
