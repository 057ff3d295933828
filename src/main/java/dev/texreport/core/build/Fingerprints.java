package dev.texreport.core.build;

import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.incremental.MilestoneFingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The input fingerprints of this build's milestones, from the build's pack, results and configuration. */
final class Fingerprints {
    private final MilestoneFingerprint fingerprint;
    private final Path resultsDir;

    Fingerprints(BuildContext build) throws ReportException {
        Path sourceDir = build.request().sourceDir();
        this.resultsDir = sourceDir.resolve("results");
        List<MilestoneFingerprint.PackFile> packFiles = new ArrayList<>();
        for (TemplatePack.PackFile file : build.pack().texFiles()) {
            packFiles.add(new MilestoneFingerprint.PackFile(file.name(), file.content()));
        }
        this.fingerprint = new MilestoneFingerprint(build.configuration(), build.pack().course().toString(),
                build.pack().documentTemplate(), packFiles, MeasurePackage.bytes(), sourceDir,
                build.pack().course().milestones().stream().map(MilestoneSpec::id).toList(),
                relativeResults(build.results().files()));
    }

    String of(MilestoneSpec spec, List<String> resultsUsed) throws ReportException {
        return fingerprint.of(spec.id(), spec.toString(), resultsUsed);
    }

    /** Results files as the fingerprint names them: relative to the results folder, sorted. */
    List<String> relativeResults(Collection<Path> files) {
        return files.stream().map(f -> ProjectPaths.slashes(resultsDir.relativize(f))).sorted().toList();
    }
}
