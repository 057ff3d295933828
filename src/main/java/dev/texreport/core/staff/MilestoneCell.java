package dev.texreport.core.staff;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One team's milestone as the staff page shows it, read from the team's summary.json (or from an earlier staff
 * summary). Files are absolute paths where they were found; the aggregator copies them into the staff folder.
 *
 * @param id           the milestone id
 * @param title        its title, or the id when the summary has none
 * @param pageLimit    the limit in content pages (0: unknown)
 * @param contentPages measured content pages, null when the build stopped before measuring
 * @param pdfPages     pages in the PDF (0: none)
 * @param status       passed, over the limit (failing or not), failed
 * @param firstError   the first line of the first error, null when there is none
 * @param errors       how many errors
 * @param warnings     how many warnings
 * @param due          the deadline the team's build knew, or null
 * @param committedAt  when git last changed the milestone's sources, or null when not known
 * @param upToDate     whether the team's last build reused this milestone
 * @param pdf          this build's PDF (a failed milestone's {@code .failed.pdf}), or null
 * @param lastGoodPdf  for a failed milestone, the previous good PDF when one is kept, else null
 * @param log          TeX's log of the milestone, or null
 * @param compare      the change view against {@code compareAgainst} (a latexdiff PDF), or null
 * @param compareAgainst the earlier milestone the change view compares with, or null
 * @param thumbnail    an already rendered thumbnail of the PDF's first page (from an earlier staff folder), or null
 * @param origin       the summary it came from, as the staff log names it
 * @param modified     the summary file's modification time (milliseconds), the last tie-breaker between duplicates
 */
public record MilestoneCell(String id, String title, int pageLimit, Double contentPages, int pdfPages,
                            StaffStatus status, String firstError, int errors, int warnings, OffsetDateTime due,
                            Instant committedAt, boolean upToDate, Path pdf, Path lastGoodPdf, Path log, Path compare,
                            String compareAgainst, Path thumbnail, String origin, long modified) {

    /** Whether the sources were last changed after the deadline. */
    public boolean late() {
        return due != null && committedAt != null && committedAt.isAfter(due.toInstant());
    }

    /** Whether both times are known, so the page can say late or on time. */
    public boolean timed() {
        return due != null && committedAt != null;
    }

    /** The same cell with another deadline (the pack's, when staff give one). */
    public MilestoneCell withDue(OffsetDateTime newDue) {
        return new MilestoneCell(id, title, pageLimit, contentPages, pdfPages, status, firstError, errors, warnings,
                newDue, committedAt, upToDate, pdf, lastGoodPdf, log, compare, compareAgainst, thumbnail, origin,
                modified);
    }
}
