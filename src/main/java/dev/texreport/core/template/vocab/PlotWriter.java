package dev.texreport.core.template.vocab;

import dev.texreport.core.template.LatexOutputFormat;
import dev.texreport.core.template.Palette;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * (Over the house's 250 lines on purpose: the line plot and the bar chart share axis, legend, colour and size code, and their
 * pgfplots text must stay consistent with each other.)
 *
 * Writes figures as native pgfplots code, so the fonts are the paper's and nothing is rasterised: line plots of a
 * metric over steps or epochs (mean line, with a shaded band, a faint raw curve behind a smoothed one, and a second
 * y axis on the right when asked for) and bar charts with error bars.
 */
public final class PlotWriter {
    /**
     * Every plot picture is named for tikz's external library, so the built-in pack makes it a PDF of its own, once
     * (\texreportNextFigure, see document.tex.ftl); in a document without it the picture is typeset inline.
     */
    static final String PICTURE_START = "  \\ifdefined\\texreportNextFigure\\texreportNextFigure\\fi\n"
            + "  \\begin{tikzpicture}\n";

    private static final MathContext DIGITS = new MathContext(8);

    private final Palette palette;

    public PlotWriter(Palette palette) {
        this.palette = palette;
    }

    /** One bar: its category (tick label and colour), mean and error. */
    record Bar(String name, String key, double mean, double error) { }

    /** A legend entry: the name shown and the name its style belongs to. */
    record Entry(String name, String key) { }

    /** The tikzpicture of a line plot; {@code legend} is false in a panel, whose figure draws one shared legend. */
    String lineAxes(List<Line> lines, AxisOptions o, boolean legend) {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        java.util.Set<Double> xs = new java.util.TreeSet<>();
        for (Line line : lines) {
            for (double x : line.x()) {
                xmin = Math.min(xmin, x);
                xmax = Math.max(xmax, x);
                if (xs.size() <= 13) {
                    xs.add(x);
                }
            }
        }
        StringBuilder axis = new StringBuilder();
        // The x axis spans the data (steps start at 0, not below), unless the call sets limits.
        String from = o.xmin() != null ? plain(o.xmin()) : xmin < xmax ? number(xmin) : null;
        String to = o.xmax() != null ? plain(o.xmax()) : xmin < xmax ? number(xmax) : null;
        if (from != null) {
            axis.append("      xmin=").append(from).append(", ");
        }
        if (to != null) {
            axis.append("xmax=").append(to).append(", ");
        }
        axis.append("enlarge x limits=false, scaled x ticks=false,\n");
        if (o.xLog()) {
            axis.append("      xmode=log, log basis x=10,\n");
        } else if (xs.size() <= 12 && xs.stream().allMatch(x -> x == Math.rint(x))) {
            // A few whole-number x values (epochs) get a tick each instead of fractional ticks.
            axis.append("      xtick=data,\n");
        }
        axis.append(yLimits(o));
        boolean second = lines.stream().anyMatch(Line::right);
        if (second) {
            axis.append("      axis y line*=left,\n");
        }
        StringBuilder plots = new StringBuilder();
        for (Line line : lines) {
            if (!line.right()) {
                plots.append(line(line, legend));
            }
        }
        if (second && legend) {
            for (Line line : lines) {
                if (line.right() && line.name() != null) {
                    plots.append("    \\addlegendimage{").append(style(line)).append("}\n");
                    plots.append("    \\addlegendentry{").append(LatexOutputFormat.escape(line.name())).append("}\n");
                }
            }
        }
        StringBuilder tex = new StringBuilder(PICTURE_START);
        tex.append(axisStart(o, o.yLabel(), axis.toString()));
        tex.append(plots);
        tex.append("    \\end{axis}\n");
        if (second) {
            StringBuilder right = new StringBuilder("      axis y line*=right, axis x line=none,\n");
            if (from != null) {
                right.append("      xmin=").append(from).append(", ");
            }
            if (to != null) {
                right.append("xmax=").append(to).append(", ");
            }
            right.append("enlarge x limits=false,\n");
            tex.append(axisStart(o, o.y2Label(), right.toString()));
            for (Line line : lines) {
                if (line.right()) {
                    tex.append(line(line, false));
                }
            }
            tex.append("    \\end{axis}\n");
        }
        tex.append("  \\end{tikzpicture}");
        return tex.toString();
    }

    /** The tikzpicture of a bar chart: one bar per category, with a visible error bar on every bar. */
    String barAxes(List<Bar> bars, AxisOptions o) {
        StringBuilder names = new StringBuilder();
        StringBuilder ticks = new StringBuilder();
        StringBuilder plots = new StringBuilder();
        // A unitless bar width would be read in axis units, which symbolic x coordinates do not have.
        long barWidth = Math.min(28, Math.round(0.5 * 330 / Math.max(1, bars.size())));
        boolean negative = false;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            String symbol = symbol(i);
            names.append(names.length() == 0 ? "" : ",").append(symbol);
            ticks.append(ticks.length() == 0 ? "" : ",").append('{').append(LatexOutputFormat.escape(bar.name()))
                    .append('}');
            if (Double.isNaN(bar.mean())) {
                continue;
            }
            negative |= bar.mean() < 0;
            String colour = palette.colour(bar.key());
            // The error bar is black over a white halo, so it shows on a dark bar as on a light one. Bars are given
            // as a one-row table: pgfplots parses coordinate-form error offsets as symbolic x values.
            plots.append("    \\addplot[ybar, bar width=").append(barWidth).append("pt, bar shift=0pt, fill=")
                    .append(colour).append(", draw=").append(colour).append("!70!black")
                    .append(", error bars/.cd, y dir=both, y explicit, error bar style={black, line width=0.7pt,")
                    .append(" preaction={draw=white, line width=2.2pt}}, error mark options={black, line width=0.7pt,")
                    .append(" mark size=3pt, rotate=90, preaction={draw=white, line width=2.2pt}}]")
                    .append(" table[x=x, y=y, y error=e, row sep=\\\\] {x y e\\\\ ").append(symbol).append(' ')
                    .append(number(bar.mean())).append(' ').append(number(bar.error())).append("\\\\};\n");
        }
        String axis = "      symbolic x coords={" + names + "}, xtick={" + names + "}, xticklabels={" + ticks + "},\n"
                + "      enlarge x limits=0.15, x tick label style={font=\\small},\n"
                + (o.ymin() == null && !negative && !o.yLog() ? "      ymin=0,\n" : "") + yLimits(o);
        return PICTURE_START + axisStart(o, o.yLabel(), axis) + plots + "    \\end{axis}\n"
                + "  \\end{tikzpicture}";
    }

    private String axisStart(AxisOptions o, String yLabel, String extra) {
        StringBuilder tex = new StringBuilder("    \\begin{axis}[\n");
        tex.append("      width=").append(o.width()).append(", height=").append(o.height()).append(",\n");
        tex.append("      xlabel={").append(o.xLabel() == null ? "" : o.xLabel()).append("}, ylabel={")
                .append(yLabel == null ? "" : yLabel).append("},\n");
        tex.append("      label style={font=\\small}, tick label style={font=\\footnotesize},\n");
        // Tick labels follow the text's digit grouping: thin spaces from five digits on, never a comma.
        tex.append("      /pgf/number format/.cd, 1000 sep={\\,}, min exponent for 1000 sep=4, /pgfplots/.cd,\n");
        tex.append("      legend style={font=\\footnotesize, draw=none, fill=none, at={(0.5,1.02)}, anchor=south,\n");
        tex.append("        legend columns=-1, /tikz/every even column/.append style={column sep=0.6em}},\n");
        tex.append("      legend cell align=left, grid=major, grid style={gray!25},\n");
        tex.append(extra);
        tex.append("    ]\n");
        return tex.toString();
    }

    private static String yLimits(AxisOptions o) {
        StringBuilder y = new StringBuilder();
        if (o.yLog()) {
            y.append("      ymode=log, log basis y=10,\n");
        }
        if (o.ymin() != null || o.ymax() != null) {
            y.append("      ");
            if (o.ymin() != null) {
                y.append("ymin=").append(plain(o.ymin())).append(", ");
            }
            if (o.ymax() != null) {
                y.append("ymax=").append(plain(o.ymax())).append(", ");
            }
            y.append('\n');
        }
        return y.toString();
    }

    private String line(Line line, boolean legend) {
        StringBuilder tex = new StringBuilder();
        String colour = palette.colour(key(line));
        if (line.low() != null) {
            StringBuilder band = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                band.append('(').append(number(line.x()[i])).append(',').append(number(line.high()[i])).append(") ");
            }
            for (int i = line.size() - 1; i >= 0; i--) {
                band.append('(').append(number(line.x()[i])).append(',').append(number(line.low()[i])).append(')')
                        .append(i == 0 ? "" : " ");
            }
            tex.append("    \\addplot[forget plot, draw=none, fill=").append(colour)
                    .append(", fill opacity=0.2] coordinates {").append(band).append("} --cycle;\n");
        }
        if (line.raw() != null) {
            tex.append("    \\addplot[forget plot, color=").append(colour).append(", opacity=0.3, no marks,")
                    .append(" line width=0.5pt] coordinates {").append(points(line.x(), line.raw())).append("};\n");
        }
        tex.append("    \\addplot[").append(style(line)).append(", mark repeat=").append(Math.max(1, line.size() / 10))
                .append("] coordinates {").append(points(line.x(), line.y())).append("};\n");
        if (legend && line.name() != null) {
            tex.append("    \\addlegendentry{").append(LatexOutputFormat.escape(line.name())).append("}\n");
        } else if (line.name() != null) {
            tex.append("    % ").append(line.name().replaceAll("[\\r\\n]", " ")).append('\n');
        }
        return tex.toString();
    }

    /** The pgfplots style of a named line: colour, marker and dash pattern from the palette. */
    String style(Line line) {
        String key = key(line);
        return "color=" + palette.colour(key) + ", mark=" + palette.mark(key) + ", mark size=1.2pt, thick, "
                + palette.dash(key);
    }

    private static String key(Line line) {
        return line.key() != null ? line.key() : line.name() == null ? "" : line.name();
    }

    /** A legend for a figure of panels, as a line of text: a short line with the marker, then the name. */
    String sharedLegend(List<Entry> entries) {
        StringBuilder tex = new StringBuilder("  {\\footnotesize");
        for (Entry entry : entries) {
            String key = entry.key();
            tex.append("\n  \\mbox{\\tikz[baseline=-0.6ex]\\draw[color=").append(palette.colour(key))
                    .append(", thick, ").append(palette.dash(key)).append("] plot[mark=").append(palette.mark(key))
                    .append(", mark size=1.2pt, mark indices={2}] coordinates {(0,0) (0.9em,0) (1.8em,0)};\\,")
                    .append(LatexOutputFormat.escape(entry.name())).append("}\\quad");
        }
        return tex.append("\\par}\n  \\smallskip\n").toString();
    }

    private static String points(double[] x, double[] y) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            points.append('(').append(number(x[i])).append(',').append(number(y[i])).append(") ");
        }
        return points.toString();
    }

    /**
     * pgfplots symbolic coordinates must be plain letters (no TeX specials, no digits); categories get names by
     * position (catA, catB, ...) and their real names are printed as tick labels.
     */
    private static String symbol(int index) {
        StringBuilder name = new StringBuilder();
        int i = index;
        do {
            name.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return "cat" + name;
    }

    /** A coordinate with eight significant digits, plain where that is short, else with an exponent. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return plain(new BigDecimal(Double.toString(value)));
    }

    private static String plain(BigDecimal value) {
        BigDecimal rounded = value.round(DIGITS).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return magnitude >= -6 && magnitude < 15 ? rounded.toPlainString()
                : rounded.toString().replace('E', 'e');
    }
}
