package dev.texreport.core.staff;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportLog;
import dev.texreport.core.build.TeamProject;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A course at the midterm deadline for tests of the staff page: team projects built with the real TeX install,
 * each a git repository whose commits carry the dates the lateness is judged by.
 *
 * <ul>
 *   <li>alpaca: proposal and midterm passed, on time, with a change view of the midterm;</li>
 *   <li>badger: proposal passed, midterm over its 6 pages (failing);</li>
 *   <li>cormorant: proposal passed but committed after its deadline, midterm failed (a LaTeX error);</li>
 *   <li>dingo: proposal over its 2 pages, not failing (report.failOnPageLimit=false), no midterm yet;</li>
 *   <li>eland: expected, never built (missing);</li>
 *   <li>ferret: proposal passed with a warning (a results file no milestone uses).</li>
 * </ul>
 */
final class StaffCourse {
    static final List<String> TEAMS = List.of("alpaca", "badger", "cormorant", "dingo", "eland", "ferret");
    static final String PACK = "{\"name\": \"Deep Learning 2026\", \"extends\": \"builtin\", \"timeZone\": "
            + "\"America/Toronto\", \"milestones\": [{\"id\": \"proposal\", \"due\": \"2026-03-06T23:59\", "
            + "\"requires\": {}}, {\"id\": \"midterm\", \"due\": \"2026-04-10T23:59\", \"requires\": {}}, "
            + "{\"id\": \"final\", \"due\": \"2026-05-15T23:59\", \"requires\": {}}], \"events\": [{\"title\": "
            + "\"Proposal feedback\", \"date\": \"2026-03-13T23:59\"}]}";
    private static final String BIB = "@inproceedings{dosovitskiy2021vit, author = {Alexey Dosovitskiy and others},"
            + " title = {An Image is Worth 16x16 Words}, booktitle = {ICLR}, year = {2021}}\n"
            + "@inproceedings{he2016resnet, author = {Kaiming He and others}, title = {Deep Residual Learning},"
            + " booktitle = {CVPR}, year = {2016}}\n";

    final Path root;
    final List<String> log = new ArrayList<>();

    StaffCourse(Path root) {
        this.root = root;
    }

    Path team(String name) {
        return root.resolve(name);
    }

    /** Writes, commits and builds every team but eland. */
    StaffCourse build(boolean compare) throws Exception {
        TeamProject alpaca = project("alpaca")
                .file("src/report/proposal/01-idea.tex", "\\section{Key idea}\nSmall vision transformers "
                        + "\\citep{dosovitskiy2021vit} against residual networks \\citep{he2016resnet}.\n"
                        + TeamProject.paragraphs(3))
                .file("src/report/midterm/01-idea.tex", "\\section{Key idea}\nSmall vision transformers "
                        + "\\citep{dosovitskiy2021vit} against residual networks \\citep{he2016resnet}, now with "
                        + "heavy augmentation.\n" + TeamProject.paragraphs(3))
                .file("src/report/midterm/02-results.tex", "\\section{Results so far}\n" + TeamProject.paragraphs(14));
        commit(alpaca, "proposal", "2026-03-05T18:00:00-05:00");
        commit(alpaca, "midterm", "2026-04-09T12:00:00-04:00");
        build(alpaca, true, compare);

        TeamProject badger = project("badger")
                .file("src/report/proposal/01-idea.tex", "\\section{Key idea}\nLabel smoothing for keyword "
                        + "spotting \\citep{he2016resnet}.\n" + TeamProject.paragraphs(4))
                .file("src/report/midterm/01-idea.tex", "\\section{Method}\n" + TeamProject.paragraphs(80));
        commit(badger, "proposal", "2026-03-06T20:00:00-05:00");
        commit(badger, "midterm", "2026-04-10T22:00:00-04:00");
        build(badger, true, compare);

        TeamProject cormorant = project("cormorant")
                .file("src/report/proposal/01-idea.tex", "\\section{Key idea}\nCurriculum learning for "
                        + "fine-tuning \\citep{dosovitskiy2021vit}.\n" + TeamProject.paragraphs(5))
                .file("src/report/midterm/01-method.tex", "\\section{Method}\nWe make this \\bfx bold.\n"
                        + TeamProject.paragraphs(2));
        commit(cormorant, "proposal", "2026-03-08T09:30:00-05:00");
        commit(cormorant, "midterm", "2026-04-10T21:00:00-04:00");
        build(cormorant, true, compare);

        TeamProject dingo = project("dingo")
                .file("src/report/proposal/01-idea.tex", "\\section{Key idea}\nPruning at initialisation.\n"
                        + TeamProject.paragraphs(24));
        commit(dingo, "proposal", "2026-03-06T23:00:00-05:00");
        build(dingo, false, compare);

        TeamProject ferret = project("ferret")
                .file("src/report/proposal/01-idea.tex", "\\section{Key idea}\nMixed precision for small "
                        + "models \\citep{he2016resnet}.\n" + TeamProject.paragraphs(6))
                .file("src/report/results/unused.json", "{\"top1\": 0.5}\n");
        commit(ferret, "proposal", "2026-03-04T10:00:00-05:00");
        build(ferret, true, compare);
        return this;
    }

    private TeamProject project(String name) throws IOException {
        return new TeamProject(team(name)).file("staff-pack/course.json", PACK)
                .file("src/report/references.bib", BIB);
    }

    private void build(TeamProject project, boolean failOnPageLimit, boolean compare) throws Exception {
        String name = project.root().getFileName().toString();
        BuildRequest request = project.request().template("staff-pack").failOnPageLimit(failOnPageLimit)
                .title("The report of team " + name).build();
        BuildResult result = project.build(request);
        log.addAll(project.log);
        if (compare) {
            new MilestoneComparison(new CommonsExecProcessRunner(), System.getenv(), collecting())
                    .compare(request, result.milestones().stream().map(m -> m.id()).toList());
        }
    }

    private ReportLog collecting() {
        return new ReportLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { log.add("INFO " + message); }
            @Override public void warn(String message) { log.add("WARN " + message); }
            @Override public void error(String message) { log.add("ERROR " + message); }
        };
    }

    /** Commits the milestone's folder and the shared files at the given time. */
    private static void commit(TeamProject project, String milestone, String when) throws Exception {
        Path dir = project.root();
        if (!dir.resolve(".git").toFile().exists()) {
            git(dir, null, "init", "-q");
        }
        for (String path : List.of("staff-pack", "src/report/references.bib", "src/report/results",
                "src/report/" + milestone)) {
            if (dir.resolve(path).toFile().exists()) {
                git(dir, null, "add", path);
            }
        }
        git(dir, when, "-c", "user.name=Test", "-c", "user.email=test@example.edu", "commit", "-q", "-m",
                milestone);
    }

    private static void git(Path dir, String when, String... arguments) throws Exception {
        Map<String, String> environment = when == null ? Map.of()
                : Map.of("GIT_AUTHOR_DATE", when, "GIT_COMMITTER_DATE", when);
        ProcessOutcome outcome = new CommonsExecProcessRunner().run(new ProcessSpec(Path.of("/usr/bin/git"),
                List.of(arguments), dir, environment, Duration.ofSeconds(30)));
        if (!outcome.succeeded()) {
            throw new IOException("git " + String.join(" ", arguments) + ": " + outcome.output());
        }
    }
}
