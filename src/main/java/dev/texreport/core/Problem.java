package dev.texreport.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * (Longer than the house's 250 lines on purpose: the problem types are small records that belong together, so that
 * one file shows every kind of verdict the plugin gives.)
 *
 * <p>One verdict about a milestone or a build, typed so that the reporter, summary.json and the Maven adapter can tell
 * what it is without reading its text. Every problem keeps the sentence a user reads ({@link #message()}), written
 * with paths relative to the project so that it can be stored and shown again unchanged.
 */
public sealed interface Problem permits Problem.PageLimitExceeded, Problem.ContentMissing, Problem.FormatFinding,
        Problem.SourceProblem, Problem.StrayFloat, Problem.BuildError, Problem.Note {
    /** Errors fail the milestone; warnings are reported and the build goes on. */
    enum Severity { ERROR, WARNING }

    Severity severity();

    /** A short stable name of the problem's type, as summary.json writes it ({@code page-limit}, ...). */
    String kind();

    /** What a user reads: what is wrong, where, and what to do. */
    String message();

    /** The problem's own facts beyond kind, severity and message, for summary.json (values are strings or numbers). */
    Map<String, Object> details();

    default boolean isError() {
        return severity() == Severity.ERROR;
    }

    /**
     * More content pages than the milestone allows.
     *
     * @param milestone the milestone id
     * @param limit     the content pages allowed
     * @param pages     the content pages measured
     * @param linesOver about how many lines of text must go
     * @param failing   whether it fails the build (report.failOnPageLimit)
     */
    record PageLimitExceeded(String milestone, int limit, double pages, long linesOver, boolean failing)
            implements Problem {
        /** The figures of a milestone that is {@code pages} long at {@code linesPerPage} lines of text per page. */
        public static PageLimitExceeded of(String milestone, int limit, double pages, double linesPerPage,
                                           boolean failing) {
            double over = pages - limit;
            return new PageLimitExceeded(milestone, limit, pages, Math.max(1, Math.round(over * linesPerPage)),
                    failing);
        }

        @Override
        public Severity severity() {
            return failing ? Severity.ERROR : Severity.WARNING;
        }

        @Override
        public String kind() {
            return "page-limit";
        }

        /** {@code final: 8.4 content pages, limit 8 — about 0.4 page (~24 lines) over}. */
        public String sentence() {
            return String.format(Locale.ROOT, "%s: %s content pages, limit %d \u2014 about %s page (~%d lines) over",
                    milestone, PageFigures.pages(pages, limit), limit, PageFigures.pages(Math.max(pages - limit, 0.1)),
                    linesOver);
        }

        @Override
        public String message() {
            return failing ? sentence() : sentence() + " (report.failOnPageLimit=false: not failing)";
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("milestone", milestone);
            details.put("limit", limit);
            details.put("pages", PageFigures.exact(pages));
            details.put("linesOver", linesOver);
            details.put("failing", failing);
            return details;
        }
    }

    /**
     * Something the course requires of the milestone that it lacks (a section, citations, results, a title).
     *
     * @param milestone   the milestone id
     * @param folder      the milestone's folder relative to the project, where the fix goes
     * @param requirement what is missing, e.g. {@code section:Conclusion}, {@code citations}, {@code results}
     * @param text        the sentence saying what to add and how
     */
    record ContentMissing(String milestone, String folder, String requirement, String text) implements Problem {
        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public String kind() {
            return "content-missing";
        }

        @Override
        public String message() {
            return folder + ": " + milestone + " is missing " + text;
        }

        @Override
        public Map<String, Object> details() {
            return ordered("milestone", milestone, "folder", folder, "requirement", requirement);
        }
    }

    /**
     * What a format check found in the PDF or in the team's sources.
     *
     * @param milestone the milestone id
     * @param check     the check's id, as report.failOnChecks names it
     * @param page      the PDF page, 0 when it is not about one page
     * @param text      what was found and what to do
     * @param failing   whether the check fails the build (report.failOnChecks)
     */
    record FormatFinding(String milestone, String check, int page, String text, boolean failing) implements Problem {
        @Override
        public Severity severity() {
            return failing ? Severity.ERROR : Severity.WARNING;
        }

        @Override
        public String kind() {
            return "format";
        }

        @Override
        public String message() {
            return milestone + ".pdf: " + text + " [" + check + "]";
        }

        @Override
        public Map<String, Object> details() {
            return ordered("milestone", milestone, "check", check, "page", page);
        }
    }

    /**
     * A problem at a place in the team's sources (a template, a section, the .bib, a results file), as TeX,
     * FreeMarker, bibtex or a results reader reported it.
     *
     * @param file       the file relative to the project (forward slashes), or empty when none can be named
     * @param line       1-based, 0 when unknown
     * @param column     1-based, 0 when unknown
     * @param text       what is wrong
     * @param sourceLine the offending line's text, or empty
     */
    record SourceProblem(Severity severity, String file, int line, int column, String text, String sourceLine)
            implements Problem {
        public SourceProblem {
            file = file == null ? "" : file;
            sourceLine = sourceLine == null ? "" : sourceLine;
        }

        /** The diagnostic with its path relative to {@code projectDir}. */
        public static SourceProblem of(Diagnostic diagnostic, java.nio.file.Path projectDir) {
            SourceLocation at = diagnostic.location();
            Severity severity = diagnostic.severity() == Diagnostic.Severity.ERROR ? Severity.ERROR : Severity.WARNING;
            return at == null ? new SourceProblem(severity, "", 0, 0, diagnostic.message(), diagnostic.sourceLine())
                    : new SourceProblem(severity, ProjectPaths.relative(projectDir, at.file()), at.line(), at.column(),
                    diagnostic.message(), diagnostic.sourceLine());
        }

        @Override
        public String kind() {
            return "source";
        }

        @Override
        public String message() {
            if (file.isEmpty()) {
                return text;
            }
            String where = file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
            String head = where + ": " + text;
            return sourceLine.isBlank() ? head : head + System.lineSeparator() + "    " + line + " | "
                    + sourceLine.strip();
        }

        @Override
        public Map<String, Object> details() {
            return ordered("file", file, "line", line, "column", column);
        }
    }

    /**
     * A figure or table of the body that LaTeX placed after the back matter began: content beyond the body.
     *
     * @param milestone      the milestone id
     * @param label          how the float is named, e.g. {@code Figure 3}
     * @param page           where it landed
     * @param backMatterPage where the references or appendix begin
     * @param where          the float's source location ({@code file:line}) relative to the project, or empty
     */
    record StrayFloat(String milestone, String label, int page, int backMatterPage, String where)
            implements Problem {
        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public String kind() {
            return "stray-float";
        }

        @Override
        public String message() {
            return (where.isEmpty() ? "" : where + ": ") + milestone + ": " + label + " belongs to the body but LaTeX"
                    + " placed it on page " + page + ", after the references or appendix begin on page "
                    + backMatterPage + "; it is content beyond the body. Make it smaller, place it earlier or with"
                    + " [t]/[h], or shorten the text before it.";
        }

        @Override
        public Map<String, Object> details() {
            return ordered("milestone", milestone, "float", label, "page", page, "backMatterPage", backMatterPage);
        }
    }

    /**
     * A failure without a place in the sources: the engine was missing or timed out, TeX stopped without a message
     * the plugin recognised, a file could not be written.
     *
     * @param text        what happened and what to do
     * @param userMistake whether the team's sources or settings caused it (else the machine did)
     */
    record BuildError(String text, boolean userMistake) implements Problem {
        public static BuildError of(ReportException e) {
            return new BuildError(e.getMessage(), e.isUserMistake());
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public String kind() {
            return "build";
        }

        @Override
        public String message() {
            return text;
        }

        @Override
        public Map<String, Object> details() {
            return ordered("userMistake", userMistake);
        }
    }

    /**
     * Any other remark, such as a results file that no milestone uses.
     *
     * @param severity error or warning
     * @param topic    what it is about, e.g. {@code unused-results}
     * @param text     the sentence
     */
    record Note(Severity severity, String topic, String text) implements Problem {
        @Override
        public String kind() {
            return topic;
        }

        @Override
        public String message() {
            return text;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of();
        }
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
