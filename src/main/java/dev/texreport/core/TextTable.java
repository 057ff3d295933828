package dev.texreport.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table for the build log: a header line and one line per row, each column as wide as its widest cell. */
public final class TextTable {
    private TextTable() {
    }

    /** The lines of the table; every row has as many cells as the header. */
    public static List<String> lines(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format(Locale.ROOT, "%-" + (widths[c] + 2) + "s", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }
}
