package dev.texreport.core.build;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.tex.AuxSeed;
import dev.texreport.core.tex.CompileOutcome;
import dev.texreport.core.tex.TexCompiler;
import dev.texreport.core.tex.TexFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The second step: TeX and bibtex until the references settle, with every message TeX gave mapped back to the
 * team's files. What stops TeX, and errors TeX only reports (a refused file read, an undefined citation), fail the
 * milestone; the rest are warnings.
 */
final class CompileStep {
    /**
     * A typeset milestone: TeX's outcome and its messages, located in the team's files. Errors among them (a refused
     * \write18 or file read, an undefined citation) did not stop TeX, but the PDF is not what the team wrote.
     */
    record Compiled(CompileOutcome outcome, List<Problem> problems) { }

    private final TexCompiler compiler;
    private final BuildContext build;

    CompileStep(TexCompiler compiler, BuildContext build) {
        this.compiler = compiler;
        this.build = build;
    }

    Compiled compile(RenderedMilestone milestone) throws ReportException {
        TexDiagnostics diagnostics = milestone.diagnostics();
        AuxSeed seed = build.request().force() ? null
                : new AuxSeed(build.state().seedDir(milestone.spec().id()));
        CompileOutcome outcome;
        try {
            outcome = compiler.compile(milestone.job(), seed);
        } catch (TexFailure failure) {
            // Only what stopped TeX: warnings of the aborted pass (undefined references) are consequences.
            List<Diagnostic> problems = diagnostics.map(failure.messages().stream()
                    .filter(m -> m.kind().isError()).toList());
            if (problems.isEmpty()) {
                problems = List.of(Diagnostic.error(SourceLocation.of(milestone.job().file(".log"), 0),
                        failure.getMessage() + "; the end of the log:" + System.lineSeparator()
                                + String.join(System.lineSeparator(), failure.logTail())));
            }
            throw new SourceException(failure.getMessage(), problems);
        }
        List<Problem> warnings = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics.map(outcome.messages())) {
            Problem problem = Problem.SourceProblem.of(diagnostic, build.request().projectDir());
            (problem.isError() ? errors : warnings).add(problem);
        }
        warnings.addAll(errors);
        return new Compiled(outcome, warnings);
    }
}
