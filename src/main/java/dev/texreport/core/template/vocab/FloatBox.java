package dev.texreport.core.template.vocab;

/**
 * Sets a table's tabular or a figure's drawing in a box and writes the box's size, with the text block's, to the
 * .aux, so the build can name a table or figure that is wider than the text or taller than the page
 * ({@code checks.FloatSizeCheck}). The line is {@code \@gobble{texreport-box{kind}{place}{label}{wd}{ht}{dp}
 * {linewidth}{textheight}}}, which LaTeX skips when it reads the .aux back; it needs no package.
 */
final class FloatBox {
    /** The marker the check looks for in the .aux. */
    static final String MARKER = "texreport-box";

    private FloatBox() {
    }

    static String open() {
        return "  \\setbox0=\\hbox{%\n";
    }

    /**
     * Ends the box, writes its size and puts it into the paragraph ({@code \leavevmode}, so {@code \centering}
     * applies as it did to the bare tabular).
     */
    static String close(String kind, String place, String label) {
        return "}%\n  \\immediate\\write\\csname @auxout\\endcsname{\\string\\@gobble{" + MARKER + "{" + kind + "}{"
                + safe(place) + "}{" + safe(label) + "}{\\the\\wd0}{\\the\\ht0}{\\the\\dp0}{\\the\\linewidth}"
                + "{\\the\\textheight}}}%\n  \\leavevmode\\box0\n";
    }

    /** Keeps what TeX reads literally inside \write: letters, digits and a few marks; anything else becomes '?'. */
    static String safe(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9._/:+-]", "?");
    }
}
