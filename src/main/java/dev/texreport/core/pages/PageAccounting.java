package dev.texreport.core.pages;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts content pages from the lines texreport-measure.sty writes into the .aux during the last pass: the text
 * block geometry, the top edge of each page, the end-of-body and appendix marks, and every float's landing place.
 */
public final class PageAccounting {
    private static final double SP_PER_PT = 65536.0;
    private static final Pattern GEOMETRY = Pattern.compile(
            "^\\\\texreport@geometry\\{([\\d.]+)pt}\\{([\\d.]+)pt}\\{([\\d.]+)pt}");
    private static final Pattern HGEOMETRY = Pattern.compile(
            "^\\\\texreport@hgeometry\\{(-?[\\d.]+)pt}\\{([\\d.]+)pt}");
    private static final Pattern PAGE = Pattern.compile("^\\\\texreport@page\\{(\\d+)}\\{(-?\\d+)}");
    private static final Pattern MARK = Pattern.compile("^\\\\texreport@pos\\{([\\w-]+)}\\{(\\d+)}\\{(-?\\d+)}");
    private static final Pattern FLOAT = Pattern.compile(
            "^\\\\texreport@float\\{([^}]*)}\\{([^}]*)}\\{(body|back)}\\{([^}]*)}\\{(\\d+)}\\{(\\d+)}\\{(-?\\d+)}");

    /**
     * Reads the measurements from {@code aux}. Fails when the document never marked the end of its body: the
     * pack's document template must call {@code \texreportBodyEnd}.
     */
    public PageMeasure measure(Path aux) throws EnvironmentException {
        List<String> lines;
        try {
            lines = Files.readAllLines(aux, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + aux + " to count pages: " + e.getMessage(), e);
        }
        return measure(lines, aux.toString());
    }

    PageMeasure measure(List<String> lines, String source) throws EnvironmentException {
        double textTop = -1;
        double textHeight = -1;
        double leading = -1;
        double textLeft = -1;
        double textWidth = -1;
        Map<Integer, Double> pageTop = new HashMap<>();
        Map<String, PagePosition> marks = new HashMap<>();
        List<String[]> floats = new ArrayList<>();
        List<String[]> rawMarks = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if ((m = GEOMETRY.matcher(line)).find()) {
                textTop = Double.parseDouble(m.group(1));
                textHeight = Double.parseDouble(m.group(2));
                leading = Double.parseDouble(m.group(3));
            } else if ((m = HGEOMETRY.matcher(line)).find()) {
                textLeft = Double.parseDouble(m.group(1));
                textWidth = Double.parseDouble(m.group(2));
            } else if ((m = PAGE.matcher(line)).find()) {
                pageTop.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)) / SP_PER_PT);
            } else if ((m = MARK.matcher(line)).find()) {
                rawMarks.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else if ((m = FLOAT.matcher(line)).find()) {
                floats.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                    m.group(7)});
            }
        }
        if (textHeight <= 0) {
            throw new EnvironmentException(source + " has no page geometry from texreport-measure.sty; the template"
                    + " pack's document template must load it with \\usepackage{texreport-measure}.");
        }
        Geometry geometry = new Geometry(textTop, textHeight, pageTop);
        for (String[] mark : rawMarks) {
            marks.putIfAbsent(mark[0], geometry.position(Integer.parseInt(mark[1]), Long.parseLong(mark[2])));
        }
        PagePosition bodyEnd = earliest(marks.get("bodyend"), marks.get("appendix"));
        if (bodyEnd == null) {
            throw new EnvironmentException(source + " has no end-of-body mark; the template pack's document template"
                    + " must call \\texreportBodyEnd where the counted body ends.");
        }
        // Back matter that is really typeset: references, acknowledgements or an appendix.
        PagePosition backMatter = earliest(earliest(marks.get("references"), marks.get("acknowledgements")),
                marks.get("appendix"));
        PagePosition contentEnd = bodyEnd;
        List<FloatPlacement> stray = new ArrayList<>();
        for (String[] f : floats) {
            if (!f[2].equals("body")) {
                continue;
            }
            FloatPlacement placement = new FloatPlacement(f[0], f[1], true, f[3], Integer.parseInt(f[4]),
                    geometry.position(Integer.parseInt(f[5]), Long.parseLong(f[6])));
            if (backMatter != null && placement.position().page() > backMatter.page()) {
                stray.add(placement);
            }
            if (placement.position().compareTo(contentEnd) > 0) {
                contentEnd = placement.position();
            }
        }
        double linesPerPage = leading > 0 ? textHeight / leading : 0;
        PageMeasure.Span references = marks.containsKey("references") && marks.containsKey("referencesend")
                ? new PageMeasure.Span(marks.get("references"), rawPosition(rawMarks, "referencesend", geometry))
                : null;
        return new PageMeasure(contentEnd, backMatter, linesPerPage, stray, textLeft, textWidth, references,
                new PageMeasure.TextBlock(textTop, textHeight));
    }

    /**
     * A mark's position without the clamp to the text block, so that the end of the reference list, which lies on
     * its last line's baseline, can be told from the text after it.
     */
    private static PagePosition rawPosition(List<String[]> rawMarks, String name, Geometry geometry) {
        for (String[] mark : rawMarks) {
            if (mark[0].equals(name)) {
                return geometry.unclamped(Integer.parseInt(mark[1]), Long.parseLong(mark[2]));
            }
        }
        return null;
    }

    private static PagePosition earliest(PagePosition a, PagePosition b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /** Turns engine coordinates into a fraction of the text block. */
    private record Geometry(double textTopBelowEdge, double textHeight, Map<Integer, Double> pageTop) {
        PagePosition position(int page, long ySp) {
            double y = ySp / SP_PER_PT;
            double edge = Optional.ofNullable(pageTop.get(page)).orElseGet(() -> anyTop(y));
            double depth = edge - textTopBelowEdge - y;
            double fraction = Math.max(0, Math.min(1, depth / textHeight));
            return new PagePosition(page, fraction);
        }

        PagePosition unclamped(int page, long ySp) {
            double y = ySp / SP_PER_PT;
            double edge = Optional.ofNullable(pageTop.get(page)).orElseGet(() -> anyTop(y));
            return new PagePosition(page, (edge - textTopBelowEdge - y) / textHeight);
        }

        private double anyTop(double y) {
            return pageTop.values().stream().findFirst().orElse(y + textTopBelowEdge);
        }
    }
}
