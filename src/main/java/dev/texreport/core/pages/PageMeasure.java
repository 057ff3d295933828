package dev.texreport.core.pages;

import java.util.List;

/**
 * The page accounting of one typeset document.
 *
 * @param contentEnd   where the counted content ends (the end of the body, or a body float placed after it)
 * @param backMatter   where typeset back matter (references, acknowledgements, appendix) begins, or null if none
 * @param linesPerPage text lines a page holds at the body's leading (to say "about 22 lines over")
 * @param strayFloats  body floats that LaTeX placed on a page after the back matter began: content beyond the body
 * @param textLeftPt   the text block's left edge from the paper's left edge, in TeX points (negative: unknown)
 * @param textWidthPt  the text block's width in TeX points (negative: unknown)
 * @param references   where the typeset reference list begins and ends (its first entry's heading to the end of its
 *                     last entry), or null when the document has none
 * @param geometry     the text block's top (below the paper's top edge) and height in TeX points, to place text
 *                     read from the PDF; null when unknown
 */
public record PageMeasure(PagePosition contentEnd, PagePosition backMatter, double linesPerPage,
                          List<FloatPlacement> strayFloats, double textLeftPt, double textWidthPt,
                          Span references, TextBlock geometry) {
    public PageMeasure {
        strayFloats = List.copyOf(strayFloats);
    }

    /** A stretch of the typeset document, from one point to another. */
    public record Span(PagePosition start, PagePosition end) {
        public boolean contains(PagePosition point) {
            return point.compareTo(start) >= 0 && point.compareTo(end) <= 0;
        }
    }

    /** The text block: its top below the paper's top edge and its height, in TeX points. */
    public record TextBlock(double topPt, double heightPt) {
        /** Where a point {@code pt} below the paper's top edge on {@code page} lies, as a page position. */
        public PagePosition at(int page, double belowTopPt) {
            return new PagePosition(page, (belowTopPt - topPt) / heightPt);
        }
    }

    /** Content pages, rounded to hundredths: 7.6 means the content ends 60% down page 8. */
    public double contentPages() {
        return Math.round(contentEnd.asPages() * 100) / 100.0;
    }
}
