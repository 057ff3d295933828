package dev.texreport.core.build;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.incremental.MilestoneState;
import dev.texreport.core.tex.AuxSeed;
import dev.texreport.core.tex.CompileOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The last step: puts the milestone's PDF where the team and CI find it ({@code target/report/<milestone>.pdf}),
 * replacing the old one in one step, and saves what the next build starts from (its auxiliary files, its state).
 */
final class Publisher {
    private final BuildContext build;
    private final Fingerprints fingerprints;

    Publisher(BuildContext build, Fingerprints fingerprints) {
        this.build = build;
        this.fingerprints = fingerprints;
    }

    /** Where a milestone's PDF goes. */
    Path target(String milestone) {
        return build.request().outputDir().resolve(milestone + ".pdf");
    }

    /** Where the PDF of a failed build goes, so that the previous good PDF stays where it is. */
    Path failedTarget(String milestone) {
        return build.request().outputDir().resolve(milestone + ".failed.pdf");
    }

    /**
     * Puts the typeset PDF where the team finds it: a passing build replaces {@code <m>.pdf} in one step (a reader
     * never sees half a file) and removes an older {@code <m>.failed.pdf}; a failing build writes
     * {@code <m>.failed.pdf} and leaves the last good {@code <m>.pdf} as it was.
     */
    Path place(Path built, String milestone, boolean passed) throws EnvironmentException {
        Path target = passed ? target(milestone) : failedTarget(milestone);
        AtomicFile.write(target, temp -> Files.copy(built, temp, StandardCopyOption.REPLACE_EXISTING));
        if (passed) {
            dropFailed(milestone);
        }
        return target;
    }

    /** Removes the PDF of an earlier failed build, which no longer says anything about the sources. */
    void dropFailed(String milestone) throws EnvironmentException {
        try {
            Files.deleteIfExists(failedTarget(milestone));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot remove " + failedTarget(milestone) + ": " + e.getMessage(), e);
        }
    }

    /** Saves the auxiliary files and the state the next build compares against. */
    void remember(RenderedMilestone milestone, CompileOutcome outcome, MilestoneResult result)
            throws ReportException {
        new AuxSeed(build.state().seedDir(result.id())).keep(milestone.job(), outcome);
        List<String> used = fingerprints.relativeResults(result.resultsUsed());
        build.state().write(result.id(), new MilestoneState(fingerprints.of(milestone.spec(), used),
                result.pdf().getFileName().toString(), Hashes.sha256(result.pdf()), result.contentPages(),
                result.pdfPages(), result.linesPerPage(), MilestoneState.encode(result.problems()), used));
    }
}
