package dev.texreport.core.build;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.Hashes;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.checks.CheckInput;
import dev.texreport.core.checks.CheckedPdf;
import dev.texreport.core.checks.MilestoneChecks;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.incremental.MilestoneState;
import dev.texreport.core.pages.PageAccounting;
import dev.texreport.core.pages.PageMeasure;
import dev.texreport.core.template.RenderContext;
import dev.texreport.core.template.TemplateRenderer.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One milestone's build, step by step: reuse (nothing changed) or render, then compile, measure, check and publish.
 * Rendering happens one milestone at a time (FreeMarker and the results are shared); the steps after it share
 * nothing, so several milestones may run them at once.
 */
final class MilestonePipeline {
    /** A milestone after rendering: ready for TeX, or already decided (rendering failed). */
    sealed interface Rendering permits Ready, Stopped { }

    record Ready(RenderedMilestone milestone) implements Rendering { }

    record Stopped(MilestoneResult result) implements Rendering { }

    private final BuildContext build;
    private final MilestoneRenderer renderer;
    private final CompileStep compiler;
    private final MilestoneChecks checks;
    private final Fingerprints fingerprints;
    private final Publisher publisher;

    MilestonePipeline(BuildContext build, MilestoneRenderer renderer, CompileStep compiler, MilestoneChecks checks,
                      Fingerprints fingerprints) {
        this.build = build;
        this.renderer = renderer;
        this.compiler = compiler;
        this.checks = checks;
        this.fingerprints = fingerprints;
        this.publisher = new Publisher(build, fingerprints);
    }

    /** The previous build's result when nothing the milestone depends on changed (and no rebuild is forced). */
    Optional<MilestoneResult> reuse(MilestoneSpec spec) {
        if (build.request().force()) {
            return Optional.empty();
        }
        try {
            Optional<MilestoneState> previous = build.state().read(spec.id());
            if (previous.isEmpty() || previous.get().pdf() == null) {
                return Optional.empty();
            }
            MilestoneState state = previous.get();
            Path pdf = build.request().outputDir().resolve(state.pdf());
            if (!Files.isRegularFile(pdf)) {
                return Optional.empty();
            }
            if (!state.fingerprint().equals(fingerprints.of(spec, state.resultsUsed()))
                    || !state.pdfSha256().equals(Hashes.sha256(pdf))) {
                return Optional.empty();
            }
            Set<Path> used = new HashSet<>();
            state.resultsUsed().forEach(r -> used.add(build.request().sourceDir().resolve("results").resolve(r)));
            build.log().info("[" + spec.id() + "] up to date");
            return Optional.of(MilestoneResult.reused(spec.id(), spec.title(), spec.pageLimit(), pdf,
                    new MilestoneResult.Pages(state.contentPages(), state.pdfPages(), state.linesPerPage()),
                    state.decodedProblems(), used));
        } catch (ReportException | IllegalArgumentException e) {
            // An unreadable state or input: the full build reports what matters.
            return Optional.empty();
        }
    }

    /** Renders the milestone's templates into its working directory. */
    Rendering render(MilestoneSpec spec) {
        build.state().forget(spec.id());
        RenderContext context = renderer.newContext();
        try {
            return new Ready(renderer.render(spec, context));
        } catch (ReportException e) {
            return new Stopped(failed(spec, List.of(), context, e));
        }
    }

    /** Compiles, measures, checks and publishes a rendered milestone. */
    MilestoneResult finish(RenderedMilestone milestone) {
        MilestoneSpec spec = milestone.spec();
        List<Problem> problems = new ArrayList<>(milestone.warnings());
        try {
            CompileStep.Compiled compiled;
            try {
                compiled = compiler.compile(milestone);
            } catch (ReportException e) {
                publisher.dropFailed(spec.id());
                throw e;
            }
            problems.addAll(compiled.problems());
            // TeX finished. Errors it reported without stopping (a refused read, an undefined citation) fail the
            // milestone like the checks' errors: the PDF goes next to the last good one, as <m>.failed.pdf.
            Path built = compiled.outcome().pdf();
            Path aux = milestone.job().file(".aux");
            PageMeasure measure = new PageAccounting().measure(aux);
            CheckedPdf checked = new CheckedPdf(built);
            int pdfPages = checked.pageCount();
            problems.addAll(checks.run(new CheckInput(spec, build.request(), aux, measure, checked,
                    !milestone.context().usedFiles().isEmpty(), teamFiles(milestone.sources()),
                    (file, line) -> where(milestone, file, line))));
            boolean passed = problems.stream().noneMatch(Problem::isError);
            Path pdf = publisher.place(built, spec.id(), passed);
            MilestoneResult result = MilestoneResult.built(spec.id(), spec.title(), spec.pageLimit(), pdf,
                    new MilestoneResult.Pages(measure.contentPages(), pdfPages, measure.linesPerPage()),
                    compiled.outcome().enginePasses(), compiled.outcome().bibRuns(), problems,
                    milestone.context().usedFiles());
            publisher.remember(milestone, compiled.outcome(), result);
            return result;
        } catch (ReportException e) {
            return failed(spec, problems, milestone.context(), e);
        }
    }

    /** A failed milestone: the problems so far, then what stopped it. */
    private MilestoneResult failed(MilestoneSpec spec, List<Problem> problems, RenderContext context,
                                   ReportException e) {
        List<Problem> all = new ArrayList<>(problems);
        if (e instanceof SourceException source) {
            for (Diagnostic diagnostic : source.diagnostics()) {
                all.add(Problem.SourceProblem.of(diagnostic, build.request().projectDir()));
            }
        } else {
            all.add(Problem.BuildError.of(e));
        }
        return failedWith(spec, all, context, e);
    }

    private static MilestoneResult failedWith(MilestoneSpec spec, List<Problem> problems, RenderContext context,
                                              ReportException e) {
        return MilestoneResult.failed(spec.id(), spec.title(), spec.pageLimit(), problems, e, context.usedFiles());
    }

    /** {@code src/report/final/02-method.tex.ftl:5} for a line of a file in the working directory, or empty. */
    private String where(RenderedMilestone milestone, String generatedFile, int line) {
        RenderedFile source = milestone.generated().get(generatedFile);
        return source == null ? "" : SourceLocation.of(source.source(), source.lines().sourceLine(line))
                .describe(build.request().projectDir());
    }

    /** Every file of the team's that goes into this milestone: its own folder and the shared preamble. */
    private List<Path> teamFiles(MilestoneSources sources) {
        List<Path> files = new ArrayList<>();
        MilestoneSources.special(build.request().sourceDir(), "preamble", new ArrayList<>()).ifPresent(files::add);
        sources.preamble().ifPresent(files::add);
        sources.abstractFile().ifPresent(files::add);
        files.addAll(sources.sections());
        sources.acknowledgements().ifPresent(files::add);
        sources.checklist().ifPresent(files::add);
        files.addAll(sources.appendix());
        return files;
    }
}
