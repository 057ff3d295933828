package dev.texreport.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What one milestone's build produced, as summary.json and the closing log line report it.
 *
 * @param id            the milestone id
 * @param title         the milestone title from the pack
 * @param pdf           the PDF (absolute), or null when the build failed before one existed
 * @param pageLimit     the pack's limit in content pages
 * @param contentPages  measured content pages (7.6 = content ends 60% down page 8); NaN when not measured
 * @param pdfPages      pages in the PDF, 0 when none was written
 * @param linesPerPage  text lines per page at the body's leading, to turn an overrun into lines
 * @param enginePasses  engine runs
 * @param bibRuns       bibtex/biber runs
 * @param warnings      user-facing warnings
 * @param errors        user-facing errors (compile errors, stray floats, page limit when it fails the build)
 * @param failure       the exception that stopped this milestone, or null
 * @param resultsUsed   the results files the milestone's templates read
 * @param upToDate      whether the inputs were unchanged, so the previous PDF and figures were reused
 * @param due           the deadline (ISO-8601 with zone), or null when the pack gives none
 * @param dueText       how long is left or how late it is, e.g. "due Fri 1 Apr 2022 23:59 EDT: 3 days 4 hours left"
 */
public record MilestoneResult(String id, String title, Path pdf, int pageLimit, double contentPages, int pdfPages,
                              double linesPerPage, int enginePasses, int bibRuns, List<String> warnings,
                              List<String> errors, ReportException failure, java.util.Set<Path> resultsUsed,
                              boolean upToDate, String due, String dueText) {
    public MilestoneResult {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        resultsUsed = java.util.Set.copyOf(resultsUsed);
    }

    /** The same result with its deadline filled in. */
    public MilestoneResult withDeadline(String dueIso, String text) {
        return new MilestoneResult(id, title, pdf, pageLimit, contentPages, pdfPages, linesPerPage, enginePasses,
                bibRuns, warnings, errors, failure, resultsUsed, upToDate, dueIso, text);
    }

    /** The same outcome as a later build that finds nothing changed reports it: no engine runs, up to date. */
    public MilestoneResult asReused() {
        return new MilestoneResult(id, title, pdf, pageLimit, contentPages, pdfPages, linesPerPage, 0, 0, warnings,
                errors, failure, resultsUsed, true, due, dueText);
    }

    public boolean passed() {
        return errors.isEmpty() && failure == null;
    }

    public boolean overLimit() {
        return !Double.isNaN(contentPages) && contentPages > pageLimit + 1e-9;
    }

    /** {@code final: 8.4 content pages, limit 8 — about 0.4 page (~24 lines) over}. */
    public String overLimitMessage() {
        double over = contentPages - pageLimit;
        long lines = Math.max(1, Math.round(over * linesPerPage));
        return String.format(java.util.Locale.ROOT, "%s: %s content pages, limit %d \u2014 about %s page (~%d lines)"
                + " over", id, PageFigures.pages(contentPages, pageLimit), pageLimit, PageFigures.pages(Math.max(over, 0.1)), lines);
    }
}
