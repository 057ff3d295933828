package dev.texreport.core.staff;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.PageFigures;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * (Over the house's 250 lines on purpose: finding summaries in modules and artifact folders, merging duplicates,
 * missing teams and the milestone columns share one team/milestone key; StaffFiles copies the files, StaffPage
 * writes the page.)
 *
 * report:aggregate: the staff's view of every team. Reads the teams' summary.json files (of an aggregator's modules,
 * or anywhere below folders of downloaded CI artifacts, including the staff folders of earlier shards), keeps the
 * newer of two summaries of the same team and milestone and says so, lists every expected team that has none as
 * missing, and writes one self-contained folder: {@code index.html} (the dashboard), {@code summary.json},
 * {@code summary.md}, thumbnails of each PDF's first page, and a copy (hard link where possible) of each team's
 * PDFs, logs and change views, so the folder can be uploaded or opened anywhere. Needs neither TeX nor the teams'
 * sources.
 */
public final class StaffAggregator {
    /** A team of an aggregator: its name, where its summary.json should be, its last build time if measured. */
    public record ProjectSummary(String team, Path summaryFile, Double buildSeconds) { }

    /**
     * What to aggregate.
     *
     * @param staffDir the folder to write
     * @param projects the aggregator's team modules (empty when reading folders)
     * @param folders  folders to search for summaries (CI artifacts, earlier staff folders)
     * @param expected teams that must be listed, with the reason to give when one has no summary
     * @param course   the course as the staff's pack describes it, or {@link CourseView#UNKNOWN}
     * @param shard    the share this aggregate covers (a CI shard's own aggregate), or null
     * @param plan     the plan the shard belongs to, or null
     */
    public record Request(Path staffDir, List<ProjectSummary> projects, List<Path> folders,
                          Map<String, String> expected, CourseView course, Shard shard, ShardPlan plan) {
        public Request {
            projects = List.copyOf(projects);
            folders = List.copyOf(folders);
            expected = new LinkedHashMap<>(expected);
        }
    }

    /** What was written: the page, one text line per team for the log, and the notes. */
    public record Outcome(Path index, List<String> table, int teams, List<String> missing, List<String> notes) { }

    private final ReportLog log;
    private final int threads;
    private final SummaryReader reader = new SummaryReader();

    public StaffAggregator(ReportLog log, int threads) {
        this.log = log;
        this.threads = Math.max(1, threads);
    }

    public Outcome aggregate(Request request) throws ReportException {
        Path staffDir = request.staffDir().toAbsolutePath().normalize();
        for (Path folder : request.folders()) {
            Path input = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(input)) {
                throw new ConfigurationException("report.aggregateFrom: " + folder + " is not a folder. Name the "
                        + "folder the CI artifacts were downloaded into (one subfolder per team or per shard).");
            }
            if (input.startsWith(staffDir)) {
                throw new ConfigurationException("report.aggregateFrom: " + folder + " is inside the staff folder "
                        + staffDir + ", which report:aggregate rewrites; download the artifacts somewhere else.");
            }
        }
        List<TeamReport> found = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>(request.expected());
        List<String> notes = new ArrayList<>();
        Map<String, Integer> noteCounts = new LinkedHashMap<>();
        Set<CourseView.Event> eventsSeen = new LinkedHashSet<>();
        for (ProjectSummary project : request.projects()) {
            found.add(readProject(project, eventsSeen));
        }
        for (Path folder : request.folders()) {
            readFolder(folder.toAbsolutePath().normalize(), staffDir, found, expected, eventsSeen);
        }
        List<String> duplicates = new ArrayList<>();
        Map<String, TeamReport> teams = merge(found, duplicates);
        expected.forEach((team, reason) -> teams.putIfAbsent(team, TeamReport.missing(team, reason)));
        CourseView course = request.course() == null ? CourseView.UNKNOWN : request.course();
        List<CourseView.Milestone> columns = columns(course, teams.values());
        List<TeamReport> rows = applyDeadlines(columns, teams.values());
        rows.forEach(t -> t.notes().forEach(n -> noteCounts.merge(n, 1, Integer::sum)));
        noteCounts.forEach((note, count) -> notes.add(count > 1 ? note + " (" + count + " teams)" : note));
        boolean anyPair = rows.stream().anyMatch(t -> t.milestones().size() > 1);
        boolean anyComparison = rows.stream().flatMap(t -> t.milestones().stream()).anyMatch(c -> c.compare() != null);
        if (anyPair && !anyComparison && noteCounts.isEmpty()) {
            notes.add("No change views: build the teams with -Dreport.compare=true to compare each milestone with "
                    + "the one before it (latexdiff).");
        }
        Map<String, Map<String, StaffFiles.Placed>> placed = new StaffFiles(staffDir, log, threads).place(rows);
        List<CourseView.Event> events = course.events().isEmpty() ? eventsSeen.stream()
                .sorted(Comparator.comparing(CourseView.Event::date).thenComparing(CourseView.Event::title)).toList()
                : course.events();
        StaffPage page = new StaffPage(course.name(), columns, events, rows, placed, duplicates, notes,
                request.shard(), request.plan(), course.zone());
        page.write(staffDir);
        List<String> missing = rows.stream().filter(TeamReport::isMissing)
                .map(t -> t.team() + ": " + t.missingReason()).toList();
        return new Outcome(staffDir.resolve(StaffPage.INDEX), StaffSummaryMarkdown.table(page), rows.size(), missing, page.allNotes());
    }

    private TeamReport readProject(ProjectSummary project, Set<CourseView.Event> events) {
        Path file = project.summaryFile();
        if (!Files.isRegularFile(file)) {
            return TeamReport.missing(project.team(), "no summary.json: its report was not built yet "
                    + "(run report:build)");
        }
        SummaryReader.Parsed parsed = reader.parse(file);
        if (parsed.root() == null) {
            return TeamReport.missing(project.team(), parsed.error());
        }
        if (parsed.kind() != SummaryReader.Kind.TEAM) {
            return TeamReport.missing(project.team(), file + " is not a team's summary.json");
        }
        events.addAll(SummaryReader.events(parsed.root()));
        return reader.team(project.team(), file, parsed.root(), project.buildSeconds());
    }

    /**
     * Every summary below {@code root}: a staff summary (an earlier aggregate, e.g. one CI shard's) stands for its
     * whole folder; a team summary for its team, named after the team's project folder.
     */
    private void readFolder(Path root, Path staffDir, List<TeamReport> found, Map<String, String> expected,
                            Set<CourseView.Event> events) throws EnvironmentException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.startsWith(staffDir) || (!dir.equals(root) && dir.getFileName().toString().startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path file = dir.resolve("summary.json");
                    if (!Files.isRegularFile(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    SummaryReader.Parsed parsed = reader.parse(file);
                    switch (parsed.kind()) {
                        case STAFF -> {
                            StaffSummaryJson.Input input = StaffSummaryJson.read(file, parsed.root());
                            found.addAll(input.teams());
                            events.addAll(SummaryReader.events(parsed.root()));
                            input.expected().forEach(expected::putIfAbsent);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        case TEAM -> {
                            String team = name(SummaryReader.teamFolder(file, parsed.root()));
                            found.add(reader.team(team, file, parsed.root(), null));
                            events.addAll(SummaryReader.events(parsed.root()));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        case OTHER -> {
                            if (parsed.root() == null) {
                                Path team = dir.endsWith(Path.of(SummaryReader.DEFAULT_OUTPUT))
                                        ? dir.getParent().getParent() : dir;
                                found.add(TeamReport.missing(name(team), parsed.error() + " (" + file + ")"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }
                        default -> {
                            return FileVisitResult.CONTINUE;
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    private static String name(Path folder) {
        Path name = folder.getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /**
     * One report per team. Of two summaries of the same team and milestone the one whose sources were committed
     * later wins; without commit times (no git), the summary written last; the note says which and why.
     */
    static Map<String, TeamReport> merge(List<TeamReport> found, List<String> duplicates) {
        Map<String, List<TeamReport>> byTeam = new TreeMap<>();
        found.forEach(t -> byTeam.computeIfAbsent(t.team(), k -> new ArrayList<>()).add(t));
        Map<String, TeamReport> teams = new TreeMap<>();
        byTeam.forEach((team, reports) -> {
            List<TeamReport> present = reports.stream().filter(r -> !r.isMissing()).toList();
            if (present.isEmpty()) {
                teams.put(team, reports.get(0));
                return;
            }
            if (present.size() == 1) {
                teams.put(team, present.get(0));
                return;
            }
            Set<String> ids = new LinkedHashSet<>();
            present.forEach(r -> r.milestones().forEach(m -> ids.add(m.id())));
            List<MilestoneCell> cells = new ArrayList<>();
            for (String id : ids) {
                List<MilestoneCell> candidates = new ArrayList<>();
                present.forEach(r -> {
                    MilestoneCell cell = r.milestone(id);
                    if (cell != null) {
                        candidates.add(cell);
                    }
                });
                MilestoneCell kept = candidates.stream().max(NEWER).orElseThrow();
                cells.add(kept);
                if (candidates.size() > 1) {
                    duplicates.add(duplicateNote(team, id, candidates, kept));
                }
            }
            TeamReport newest = present.stream().max(Comparator.comparing(StaffAggregator::newestCell, NEWER))
                    .orElseThrow();
            Double seconds = newest.buildSeconds() != null ? newest.buildSeconds()
                    : present.stream().map(TeamReport::buildSeconds).filter(s -> s != null).findFirst().orElse(null);
            teams.put(team, new TeamReport(team, cells, newest.buildErrors(), newest.buildWarnings(), seconds, null,
                    newest.origin(), newest.notes()));
        });
        return teams;
    }

    /** Committed later; then written later; then named later (so the choice never depends on the file system). */
    private static final Comparator<MilestoneCell> NEWER = Comparator
            .comparing(MilestoneCell::committedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(MilestoneCell::modified)
            .thenComparing(c -> c.origin() == null ? "" : c.origin());

    private static MilestoneCell newestCell(TeamReport report) {
        return report.milestones().stream().max(NEWER).orElse(new MilestoneCell("", "", 0, null, 0,
                StaffStatus.MISSING, null, 0, 0, null, null, false, null, null, null, null, null, null,
                report.origin(), 0));
    }

    private static String duplicateNote(String team, String id, List<MilestoneCell> candidates, MilestoneCell kept) {
        List<String> origins = candidates.stream().map(MilestoneCell::origin).sorted().toList();
        long sameTime = candidates.stream().filter(c -> java.util.Objects.equals(c.committedAt(), kept.committedAt()))
                .count();
        String why = kept.committedAt() == null ? "no commit times known; kept the summary written last"
                : sameTime > 1 ? "same commit time; kept the summary written last"
                : "kept the one committed last, " + kept.committedAt();
        return team + " " + id + ": " + candidates.size() + " summaries (" + String.join("; ", origins) + "); "
                + why + ": " + kept.origin();
    }

    /** The milestones some team has, in the course's order, then any the course does not know. */
    static List<CourseView.Milestone> columns(CourseView course, java.util.Collection<TeamReport> teams) {
        Map<String, MilestoneCell> seen = new LinkedHashMap<>();
        Map<String, Map<OffsetDateTime, Integer>> dues = new HashMap<>();
        for (TeamReport team : teams) {
            for (MilestoneCell cell : team.milestones()) {
                seen.putIfAbsent(cell.id(), cell);
                if (cell.due() != null) {
                    dues.computeIfAbsent(cell.id(), k -> new TreeMap<>()).merge(cell.due(), 1, Integer::sum);
                }
            }
        }
        List<CourseView.Milestone> columns = new ArrayList<>();
        for (CourseView.Milestone m : course.milestones()) {
            if (seen.containsKey(m.id())) {
                columns.add(m.due() != null ? m : new CourseView.Milestone(m.id(), m.title(), m.pageLimit(),
                        commonest(dues.get(m.id()))));
            }
        }
        seen.forEach((id, cell) -> {
            if (course.milestone(id).isEmpty()) {
                columns.add(new CourseView.Milestone(id, cell.title(), cell.pageLimit(), commonest(dues.get(id))));
            }
        });
        return columns;
    }

    /** The date most teams' summaries give (the earliest of equally common ones), or null. */
    private static OffsetDateTime commonest(Map<OffsetDateTime, Integer> counts) {
        if (counts == null) {
            return null;
        }
        return counts.entrySet().stream().max(Map.Entry.<OffsetDateTime, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The course's deadline for each milestone where the course has one, the teams' own otherwise. */
    private static List<TeamReport> applyDeadlines(List<CourseView.Milestone> columns,
                                                   java.util.Collection<TeamReport> teams) {
        Map<String, OffsetDateTime> due = new HashMap<>();
        columns.forEach(c -> {
            if (c.due() != null) {
                due.put(c.id(), c.due());
            }
        });
        List<TeamReport> rows = new ArrayList<>();
        for (TeamReport team : teams) {
            List<MilestoneCell> cells = team.milestones().stream()
                    .map(c -> due.containsKey(c.id()) ? c.withDue(due.get(c.id())) : c).toList();
            rows.add(team.withMilestones(cells));
        }
        return rows;
    }

    /** One text cell of the log's table: {@code 0.7/2 ok}, {@code 8.4/8 OVER late}, {@code FAILED}, {@code missing}. */
    static String cell(TeamReport team, String id) {
        if (team.isMissing()) {
            return "missing";
        }
        MilestoneCell cell = team.milestone(id);
        if (cell == null) {
            return team.buildErrors().isEmpty() ? "missing" : "FAILED";
        }
        String text = cell.contentPages() == null ? cell.status().word()
                : PageFigures.pages(cell.contentPages(), cell.pageLimit()) + "/" + cell.pageLimit() + " "
                + cell.status().word();
        return cell.late() ? text + " late" : text;
    }
}
