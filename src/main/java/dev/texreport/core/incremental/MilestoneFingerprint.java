package dev.texreport.core.incremental;

import dev.texreport.core.EnvironmentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a milestone's PDF depends on, as one hash: the effective configuration, the course and the template
 * pack, the plugin's page-measure package, the milestone's own folder, the shared report files (preamble,
 * bibliography, figures, shared/), the names of all results files and the content of those its templates read.
 * Results files count by content only when the templates read them last time, so changing one results file
 * rebuilds only the milestones that use it; adding or removing one changes every milestone's fingerprint.
 */
public final class MilestoneFingerprint {
    /** A file the template pack hands to TeX. */
    public record PackFile(String name, byte[] content) { }

    private final String configuration;
    private final String course;
    private final String documentTemplate;
    private final List<PackFile> packFiles;
    private final byte[] measurePackage;
    private final Path sourceDir;
    private final List<String> milestoneIds;
    private final List<String> resultsFiles;

    /**
     * @param configuration    the settings and versions that change the output (engine, switches, date, plugin)
     * @param course           the course description
     * @param milestoneIds     every milestone of the course: their folders belong to them alone
     * @param resultsFiles     every results file, relative to the results folder
     */
    public MilestoneFingerprint(String configuration, String course, String documentTemplate,
                                List<PackFile> packFiles, byte[] measurePackage, Path sourceDir,
                                List<String> milestoneIds, List<String> resultsFiles) {
        this.configuration = configuration;
        this.course = course;
        this.documentTemplate = documentTemplate;
        this.packFiles = List.copyOf(packFiles);
        this.measurePackage = measurePackage.clone();
        this.sourceDir = sourceDir;
        this.milestoneIds = List.copyOf(milestoneIds);
        this.resultsFiles = List.copyOf(resultsFiles);
    }

    /**
     * @param milestoneText the milestone as the pack declares it (limit, rules, dates)
     * @param resultsUsed   the results files (relative to the results folder) its templates read last time
     */
    public String of(String milestoneId, String milestoneText, List<String> resultsUsed) throws EnvironmentException {
        Path resultsDir = sourceDir.resolve("results");
        InputFingerprint fp = new InputFingerprint()
                .text("configuration", configuration)
                .text("milestone", milestoneText)
                .text("course", course)
                .text("document", documentTemplate);
        for (PackFile file : packFiles) {
            fp.bytes("pack:" + file.name(), file.content());
        }
        fp.bytes("measure", measurePackage);
        fp.tree(sourceDir, sourceDir.resolve(milestoneId), List.of());
        List<Path> excluded = new ArrayList<>();
        milestoneIds.forEach(id -> excluded.add(sourceDir.resolve(id)));
        excluded.add(resultsDir);
        fp.tree(sourceDir, sourceDir, excluded);
        fp.text("results files", String.join("\n", resultsFiles));
        for (String used : resultsUsed) {
            fp.file(sourceDir, resultsDir.resolve(used));
        }
        return fp.hex();
    }
}
