package dev.texreport.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one milestone's build produced, as summary.json and the closing log line report it. Made by the factories
 * {@link #failed}, {@link #built} and {@link #reused}.
 *
 * @param id           the milestone id
 * @param title        the milestone title from the pack
 * @param pageLimit    the pack's limit in content pages
 * @param pdf          the PDF (absolute), or null when the build failed before one existed
 * @param pages        the page figures, or null when the build stopped before they were measured
 * @param enginePasses engine runs (0 when reused)
 * @param bibRuns      bibtex/biber runs
 * @param problems     every error and warning, in the order they were found
 * @param failure      the exception that stopped this milestone, or null
 * @param resultsUsed  the results files the milestone's templates read
 * @param upToDate     whether the inputs were unchanged, so the previous PDF was reused
 * @param due          the deadline (ISO-8601 with offset), or null when the pack gives none
 * @param dueText      how long is left or how late it is, e.g. "due Fri 1 Apr 2022 23:59 EDT: 3 days 4 hours left"
 */
public record MilestoneResult(String id, String title, int pageLimit, Path pdf, Pages pages, int enginePasses,
                              int bibRuns, List<Problem> problems, ReportException failure, Set<Path> resultsUsed,
                              boolean upToDate, String due, String dueText) {
    /** How a milestone ended, as summary.json, summary.md and the staff's table name it. */
    public enum Status {
        PASSED("passed"),
        OVER_LIMIT_NOT_FAILING("over the limit (not failing)"),
        OVER_LIMIT("over the limit"),
        FAILED("failed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The page figures of a typeset milestone.
     *
     * @param content      measured content pages (7.6 = content ends 60% down page 8)
     * @param inPdf        pages in the PDF
     * @param linesPerPage text lines per page at the body's leading, to turn an overrun into lines
     */
    public record Pages(double content, int inPdf, double linesPerPage) { }

    public MilestoneResult {
        problems = List.copyOf(problems);
        resultsUsed = Set.copyOf(resultsUsed);
    }

    /** A milestone that stopped before it had a PDF: its problems and the exception that stopped it. */
    public static MilestoneResult failed(String id, String title, int pageLimit, List<Problem> problems,
                                         ReportException failure, Set<Path> resultsUsed) {
        return new MilestoneResult(id, title, pageLimit, null, null, 0, 0, problems, failure, resultsUsed, false,
                null, null);
    }

    /** A milestone that TeX typeset into {@code pdf}; its problems decide whether it passed. */
    public static MilestoneResult built(String id, String title, int pageLimit, Path pdf, Pages pages,
                                        int enginePasses, int bibRuns, List<Problem> problems,
                                        Set<Path> resultsUsed) {
        return new MilestoneResult(id, title, pageLimit, pdf, pages, enginePasses, bibRuns, problems, null,
                resultsUsed, false, null, null);
    }

    /** The outcome of an earlier build whose inputs did not change, reported again without running TeX. */
    public static MilestoneResult reused(String id, String title, int pageLimit, Path pdf, Pages pages,
                                         List<Problem> problems, Set<Path> resultsUsed) {
        return new MilestoneResult(id, title, pageLimit, pdf, pages, 0, 0, problems, null, resultsUsed, true, null,
                null);
    }

    /** The same result with its deadline filled in. */
    public MilestoneResult withDeadline(String dueIso, String text) {
        return new MilestoneResult(id, title, pageLimit, pdf, pages, enginePasses, bibRuns, problems, failure,
                resultsUsed, upToDate, dueIso, text);
    }

    /** The same outcome as a later build that finds nothing changed reports it: no engine runs, up to date. */
    public MilestoneResult asReused() {
        return new MilestoneResult(id, title, pageLimit, pdf, pages, 0, 0, problems, failure, resultsUsed, true, due,
                dueText);
    }

    /** Content pages, NaN when they were not measured. */
    public double contentPages() {
        return pages == null ? Double.NaN : pages.content();
    }

    /** Pages in the PDF, 0 when none was written. */
    public int pdfPages() {
        return pages == null ? 0 : pages.inPdf();
    }

    public double linesPerPage() {
        return pages == null ? 0 : pages.linesPerPage();
    }

    public boolean passed() {
        return failure == null && problems.stream().noneMatch(Problem::isError);
    }

    /** The messages of the problems that fail the milestone. */
    public List<String> errors() {
        return problems.stream().filter(Problem::isError).map(Problem::message).toList();
    }

    /** The messages of the problems that only warn. */
    public List<String> warnings() {
        return problems.stream().filter(p -> !p.isError()).map(Problem::message).toList();
    }

    /** The page-limit verdict, when the milestone is over its limit (failing or not). */
    public Optional<Problem.PageLimitExceeded> overLimitProblem() {
        return problems.stream().filter(Problem.PageLimitExceeded.class::isInstance)
                .map(Problem.PageLimitExceeded.class::cast).findFirst();
    }

    public boolean overLimit() {
        return overLimitProblem().isPresent();
    }

    /**
     * Passed; over the limit but not failing (report.failOnPageLimit=false); failed only for its length; or failed
     * for any other reason.
     */
    public Status status() {
        boolean over = overLimit();
        if (passed()) {
            return over ? Status.OVER_LIMIT_NOT_FAILING : Status.PASSED;
        }
        boolean otherErrors = failure != null || problems.stream()
                .anyMatch(p -> p.isError() && !(p instanceof Problem.PageLimitExceeded));
        return over && !otherErrors ? Status.OVER_LIMIT : Status.FAILED;
    }
}
