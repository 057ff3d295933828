package dev.texreport.core.pages;

/**
 * A point in the typeset document: the absolute page (1-based) and how far down the text block it is, from 0 (top
 * of the text block) to 1 (bottom).
 */
public record PagePosition(int page, double fraction) implements Comparable<PagePosition> {
    /** Pages before this point plus the part of this page above it: 7.6 means 60% down page 8. */
    public double asPages() {
        return page - 1 + fraction;
    }

    @Override
    public int compareTo(PagePosition other) {
        return page != other.page ? Integer.compare(page, other.page) : Double.compare(fraction, other.fraction);
    }
}
