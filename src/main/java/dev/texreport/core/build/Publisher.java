package dev.texreport.core.build;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.incremental.MilestoneState;
import dev.texreport.core.tex.AuxSeed;
import dev.texreport.core.tex.CompileOutcome;
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

    /** Moves the typeset PDF into place, so a reader never sees half a file and a failed move leaves the old one. */
    Path place(CompileOutcome outcome, String milestone) throws EnvironmentException {
        Path target = target(milestone);
        AtomicFile.write(target, temp -> Files.copy(outcome.pdf(), temp, StandardCopyOption.REPLACE_EXISTING));
        return target;
    }

    /** Saves the auxiliary files and the state the next build compares against. */
    void remember(RenderedMilestone milestone, CompileOutcome outcome, MilestoneResult result)
            throws ReportException {
        new AuxSeed(build.state().seedDir(result.id())).keep(milestone.job(), outcome);
        List<String> used = fingerprints.relativeResults(result.resultsUsed());
        build.state().write(result.id(), new MilestoneState(fingerprints.of(milestone.spec(), used),
                Hashes.sha256(result.pdf()), result.contentPages(), result.pdfPages(), result.linesPerPage(),
                MilestoneState.encode(result.problems()), used));
    }
}
