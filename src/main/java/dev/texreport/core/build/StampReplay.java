package dev.texreport.core.build;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.CourseDate;
import dev.texreport.core.course.Deadlines;
import dev.texreport.core.course.PackTrail;
import dev.texreport.core.incremental.BuildStamp;
import dev.texreport.core.incremental.StateStore;
import dev.texreport.core.report.SummaryMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A build where nothing changed: reports the stamped outcome again (log lines, summary.json, summary.md) exactly as
 * the full up-to-date check would, with deadlines measured from now, without loading the pack, the results, the JSON
 * library or TeX.
 */
final class StampReplay {
    private StampReplay() {
    }

    static Optional<BuildResult> replay(BuildRequest request, StateStore state, String key, ClassLoader loader,
                                        ReportLog log) {
        Optional<BuildStamp.Stamped> read = new BuildStamp(state).read(key);
        if (read.isEmpty() || read.get().packSteps().isEmpty()
                || !PackTrail.replays(read.get().packSteps(), loader)) {
            return Optional.empty();
        }
        BuildStamp.Stamped stamped = read.get();
        ZonedDateTime now = ZonedDateTime.now(request.clock());
        List<MilestoneResult> milestones = new ArrayList<>();
        for (BuildStamp.Milestone m : stamped.milestones()) {
            MilestoneResult result = m.result();
            if (m.due() != null) {
                result = result.withDeadline(m.due().toOffsetDateTime().toString(),
                        Deadlines.describe(m.due(), now.withZoneSameInstant(m.due().getZone())));
            }
            milestones.add(result);
        }
        log.debug("Nothing changed since the last build (" + state.dir().resolve("build-stamp.properties")
                + "): reporting its outcome again");
        milestones.forEach(m -> log.info("[" + m.id() + "] up to date"));
        milestones.stream().filter(m -> m.dueText() != null).forEach(m -> log.info("[" + m.id() + "] " + m.dueText()));
        List<String> events = new ArrayList<>();
        for (BuildStamp.Event event : stamped.events()) {
            String text = new CourseDate(event.title(), event.date()).describe(now);
            log.info("[course] " + text);
            events.add(text);
        }
        Path summary = request.outputDir().resolve("summary.json");
        try {
            AtomicFile.write(summary, temp -> Files.copy(state.upToDateSummary(), temp,
                    StandardCopyOption.REPLACE_EXISTING));
            SummaryMarkdown.write(summary.resolveSibling("summary.md"),
                    SummaryMarkdown.render(request.projectDir(), milestones, stamped.problems(), events));
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
        return Optional.of(new BuildResult(milestones, stamped.problems(), summary));
    }
}
