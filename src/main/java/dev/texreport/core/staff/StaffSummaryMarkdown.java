package dev.texreport.core.staff;

import dev.texreport.core.PageFigures;
import dev.texreport.core.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's rows as text: {@code summary.md}, a Markdown table for a CI run's summary page, and the plain table
 * {@code report:aggregate} prints. Team text is escaped so that it can neither break a row nor add markup.
 */
final class StaffSummaryMarkdown {
    private StaffSummaryMarkdown() {
    }

    /** The log's table: one line per team, one column per milestone. */
    static List<String> table(StaffPage page) {
        List<String> header = new ArrayList<>(List.of("team"));
        page.columns().forEach(c -> header.add(c.id()));
        List<List<String>> lines = new ArrayList<>();
        for (TeamReport team : page.rows()) {
            List<String> line = new ArrayList<>(List.of(team.team()));
            page.columns().forEach(c -> line.add(StaffAggregator.cell(team, c.id())));
            lines.add(line);
        }
        return TextTable.lines(header, lines);
    }

    /** {@code summary.md}: the course, one row per team with a cell per milestone, the missing teams and the notes. */
    static String markdown(StaffPage page) {
        StringBuilder md = new StringBuilder("### Reports of all teams\n\n");
        md.append(page.rows().size()).append(page.rows().size() == 1 ? " team" : " teams");
        if (page.course() != null) {
            md.append(", ").append(page.course());
        }
        md.append(".\n\n| team |");
        page.columns().forEach(c -> md.append(' ').append(escape(c.title())).append(" (").append(c.pageLimit())
                .append(" pages").append(c.due() == null ? "" : ", due " + page.shown(c.due())).append(") |"));
        md.append("\n|---|");
        page.columns().forEach(c -> md.append("---|"));
        md.append('\n');
        for (TeamReport team : page.rows()) {
            md.append("| ").append(escape(team.team())).append(" |");
            for (CourseView.Milestone column : page.columns()) {
                md.append(' ').append(markdownCell(team, column.id())).append(" |");
            }
            md.append('\n');
        }
        List<String> missing = page.rows().stream().filter(TeamReport::isMissing)
                .map(t -> "- **" + escape(t.team()) + "** is missing: " + escape(t.missingReason())).toList();
        if (!missing.isEmpty()) {
            md.append('\n').append(String.join("\n", missing)).append('\n');
        }
        if (!page.duplicates().isEmpty()) {
            md.append("\nDuplicate summaries:\n\n");
            page.duplicates().forEach(d -> md.append("- ").append(escape(d)).append('\n'));
        }
        if (!page.notes().isEmpty()) {
            md.append("\nNotes:\n\n");
            page.notes().forEach(n -> md.append("- ").append(escape(n)).append('\n'));
        }
        return md.toString();
    }

    private static String markdownCell(TeamReport team, String id) {
        if (team.isMissing()) {
            return "missing";
        }
        MilestoneCell cell = team.milestone(id);
        if (cell == null) {
            return team.buildErrors().isEmpty() ? "missing" : "**failed**: " + escape(team.buildErrors().get(0));
        }
        StringBuilder text = new StringBuilder();
        if (cell.contentPages() != null) {
            text.append(PageFigures.pages(cell.contentPages(), cell.pageLimit())).append('/').append(cell.pageLimit())
                    .append(' ');
        }
        text.append(cell.status() == StaffStatus.PASSED ? cell.status().text() : "**" + cell.status().text() + "**");
        if (cell.late()) {
            text.append(", **").append(StaffPage.lateness(cell)).append("**");
        }
        if (cell.firstError() != null && cell.status() == StaffStatus.FAILED) {
            text.append(": ").append(escape(cell.firstError()));
        }
        return text.toString();
    }

    /** Markdown table text: no line breaks, no cell separators, no inline markup from team text. */
    private static String escape(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("\\", "\\\\").replace("|", "\\|")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("<", "&lt;");
    }
}
