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
 */
public record PageMeasure(PagePosition contentEnd, PagePosition backMatter, double linesPerPage,
                          List<FloatPlacement> strayFloats, double textLeftPt, double textWidthPt) {
    public PageMeasure {
        strayFloats = List.copyOf(strayFloats);
    }

    /** Content pages, rounded to hundredths: 7.6 means the content ends 60% down page 8. */
    public double contentPages() {
        return Math.round(contentEnd.asPages() * 100) / 100.0;
    }
}
