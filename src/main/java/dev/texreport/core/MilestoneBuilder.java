package dev.texreport.core;

import dev.texreport.core.pack.MilestoneSpec;
import dev.texreport.core.pack.TemplatePack;
import dev.texreport.core.pages.Finding;
import dev.texreport.core.pages.FloatPlacement;
import dev.texreport.core.pages.PageAccounting;
import dev.texreport.core.pages.PageMeasure;
import dev.texreport.core.pages.PdfFormatChecker;
import dev.texreport.core.pages.PdfInspector;
import dev.texreport.core.tex.CompileJob;
import dev.texreport.core.tex.CompileOutcome;
import dev.texreport.core.tex.TexCompiler;
import dev.texreport.core.tex.TexFailure;
import dev.texreport.core.results.Palette;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.template.LineMap;
import dev.texreport.core.template.RenderContext;
import dev.texreport.core.template.ResultsModel;
import dev.texreport.core.template.TemplateRenderer;
import dev.texreport.core.template.TemplateRenderer.RenderedFile;
import dev.texreport.core.template.vocab.Vocabulary;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds one milestone: renders the team's files into a fresh working directory, assembles them with the pack's
 * document template, compiles, counts content pages and moves the PDF into place.
 */
final class MilestoneBuilder {
    static final String JOB = "main";
    private static final String MEASURE_STY = "texreport-measure.sty";

    private final BuildRequest request;
    private final TemplatePack pack;
    /** Made on first use: a build whose milestones are all up to date never loads FreeMarker. */
    private TemplateRenderer renderer;
    private final TexCompiler compiler;
    private final Map<String, Object> baseModel;
    private final ResultsLoader.LoadedResults results;
    private final long sourceDateEpoch;
    private final String configuration;
    private final ReportLog log;

    MilestoneBuilder(BuildRequest request, TemplatePack pack, TexCompiler compiler,
                     Map<String, Object> baseModel, ResultsLoader.LoadedResults results, long sourceDateEpoch, String configuration, ReportLog log) {
        this.request = request;
        this.pack = pack;
        this.compiler = compiler;
        this.baseModel = baseModel;
        this.results = results;
        this.sourceDateEpoch = sourceDateEpoch;
        this.configuration = configuration;
        this.log = log;
    }

    private synchronized TemplateRenderer renderer() throws ReportException {
        if (renderer == null) {
            renderer = new TemplateRenderer(request.sourceDir());
        }
        return renderer;
    }

    /** The previous build's result when nothing the milestone depends on changed (and no rebuild is forced). */
    Optional<MilestoneResult> upToDate(MilestoneSpec spec) {
        if (request.force()) {
            return Optional.empty();
        }
        try {
            Optional<BuildState> previous = BuildState.read(request.outputDir(), spec.id());
            if (previous.isPresent()) {
                Optional<MilestoneResult> reused = reuse(spec, previous.get(),
                        request.outputDir().resolve(spec.id() + ".pdf"));
                if (reused.isPresent()) {
                    log.info("[" + spec.id() + "] up to date");
                }
                return reused;
            }
        } catch (ReportException e) {
            // An unreadable state or input: the full build below reports it where it matters.
        }
        return Optional.empty();
    }

    /**
     * The first half of a milestone's build: rendering every template into a fresh working directory. Each
     * milestone has its own palette, so its PDF depends only on its own inputs, not on which other milestones were
     * built with it. Returns either a failed result or the job to compile.
     */
    Step prepare(MilestoneSpec spec) {
        Path workDir = request.outputDir().resolve(spec.id());
        Path pdf = request.outputDir().resolve(spec.id() + ".pdf");
        List<String> warnings = new ArrayList<>();
        RenderContext context = new RenderContext(results.owners(), request.sourceDir().resolve("results"),
                new Palette());
        try {
            BuildState.forget(request.outputDir(), spec.id());
            MilestoneSources sources = MilestoneSources.scan(request.sourceDir(), spec.id());
            freshDirectory(workDir);
            Map<String, Object> model = new LinkedHashMap<>(baseModel);
            model.put("results", new ResultsModel(results.model(), results.entries(), context,
                    renderer().objectWrapper()));
            model.putAll(Vocabulary.calls(context));
            model.put("milestone", Map.of("id", spec.id(), "title", spec.title(), "pageLimit", spec.pageLimit(),
                    "pdfSubject", PdfString.hex(pack.course().name() + " \u2014 " + spec.title())));
            Map<String, RenderedFile> generated = new LinkedHashMap<>();
            Map<String, Object> doc = assemble(sources, workDir, model, generated);
            doc.put("pgfplots", context.usesPgfplots());
            model.put("doc", doc);
            String templates = request.projectDir().relativize(request.sourceDir()).toString().replace('\\', '/');
            context.warnings().forEach(w -> warnings.add(templates + "/" + w));
            writeSupportFiles(workDir);
            String main = renderer().renderText(pack.name() + "/" + TemplatePack.DOCUMENT_TEMPLATE,
                    pack.documentTemplate(), model);
            write(workDir.resolve(JOB + ".tex"), main);

            TexDiagnostics diagnostics = new TexDiagnostics(workDir, generated,
                    request.failOnUndefinedReferences(),
                    doc.containsKey("bibliography") ? request.sourceDir().resolve("references.bib") : null);
            CompileJob job = new CompileJob(spec.id(), request.engine(), workDir, JOB, searchPaths(spec.id()),
                    request.timeout(), request.shellEscape(), sourceDateEpoch);
            return new Step(null, new Prepared(spec, workDir, pdf, warnings, context, sources, generated, diagnostics,
                    job));
        } catch (ReportException e) {
            return new Step(failed(spec, warnings, context, e), null);
        }
    }

    /** A milestone after {@link #prepare}: its result when that already decided it, else what to compile. */
    record Step(MilestoneResult done, Prepared prepared) { }

    /** A rendered milestone, ready for TeX. */
    record Prepared(MilestoneSpec spec, Path workDir, Path pdf, List<String> warnings, RenderContext context,
                    MilestoneSources sources, Map<String, RenderedFile> generated, TexDiagnostics diagnostics,
                    CompileJob job) { }

    /** Adds the deadline to a result and logs the time left. */
    MilestoneResult withDeadline(MilestoneSpec spec, MilestoneResult result) {
        try {
            Optional<java.time.ZonedDateTime> due = pack.due(spec);
            if (due.isPresent()) {
                String text = Deadlines.describe(due.get(), java.time.ZonedDateTime.now(request.clock())
                        .withZoneSameInstant(due.get().getZone()));
                log.info("[" + spec.id() + "] " + text);
                return result.withDeadline(due.get().toOffsetDateTime().toString(), text);
            }
        } catch (ConfigurationException e) {
            log.warn(e.getMessage());
        }
        return result;
    }

    private MilestoneResult failed(MilestoneSpec spec, List<String> warnings, RenderContext context,
                                   ReportException e) {
        List<String> errors = e instanceof SourceException source
                ? source.diagnostics().stream().map(d -> d.format(request.projectDir())).toList()
                : List.of(e.getMessage());
        return new MilestoneResult(spec.id(), spec.title(), null, spec.pageLimit(), Double.NaN, 0, 0, 0, 0,
                warnings, errors, e, context.usedFiles(), false, null, null);
    }

    /**
     * The second half: TeX, page accounting, content rules and PDF checks. Milestones share nothing here, so several
     * may compile at once.
     */
    MilestoneResult compile(Prepared prepared) {
        MilestoneSpec spec = prepared.spec();
        Path workDir = prepared.workDir();
        Path pdf = prepared.pdf();
        List<String> warnings = prepared.warnings();
        RenderContext context = prepared.context();
        MilestoneSources sources = prepared.sources();
        Map<String, RenderedFile> generated = prepared.generated();
        TexDiagnostics diagnostics = prepared.diagnostics();
        CompileJob job = prepared.job();
        try {
            Path seedDir = BuildState.seedDir(request.outputDir(), spec.id());
            CompileOutcome outcome;
            try {
                outcome = compiler.compile(job, request.force() ? null : seedDir);
            } catch (TexFailure failure) {
                // Only what stopped TeX: warnings of the aborted pass (undefined references) are consequences.
                List<Diagnostic> problems = diagnostics.map(failure.messages().stream()
                        .filter(m -> m.kind().isError()).toList());
                if (problems.isEmpty()) {
                    problems = List.of(Diagnostic.error(SourceLocation.of(workDir.resolve(JOB + ".log"), 0),
                            failure.getMessage() + "; the end of the log:" + System.lineSeparator()
                                    + String.join(System.lineSeparator(), failure.logTail())));
                }
                throw new SourceException(failure.getMessage(), problems);
            }
            List<Diagnostic> texErrors = new ArrayList<>();
            for (Diagnostic diagnostic : diagnostics.map(outcome.messages())) {
                if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                    texErrors.add(diagnostic);
                } else {
                    warnings.add(diagnostic.format(request.projectDir()));
                }
            }
            if (!texErrors.isEmpty()) {
                // A refused \write18 or file read, or an undefined citation, does not stop TeX, but the PDF is not
                // what the team wrote; the previous good PDF stays.
                throw new SourceException("the document has errors after the last pass", texErrors);
            }
            List<String> errors = new ArrayList<>();
            PageMeasure measure = new PageAccounting().measure(workDir.resolve(JOB + ".aux"));
            for (FloatPlacement stray : measure.strayFloats()) {
                errors.add(strayFloatMessage(spec, stray, measure, workDir, generated));
            }
            moveIntoPlace(outcome.pdf(), pdf);
            int pdfPages = new PdfInspector().pageCount(pdf);
            String folder = request.projectDir().relativize(sources.dir()).toString().replace('\\', '/');
            for (String item : new ContentRules().missing(spec, workDir.resolve(JOB + ".aux"),
                    !context.usedFiles().isEmpty(), request.title(), request.authors().size(), request.sourceDir(),
                    request.projectDir())) {
                errors.add(folder + ": " + spec.id() + " is missing " + item);
            }
            List<Finding> findings = new ArrayList<>(StyleTweaks.scan(teamFiles(sources), request.projectDir()));
            findings.addAll(new PdfFormatChecker().check(pdf, measure.contentPages(), measure.textLeftPt(),
                    measure.textWidthPt(), request.mode() == Mode.ANONYMOUS, anonymityWords()));
            for (Finding finding : findings) {
                (request.failingChecks().contains(finding.check().id()) ? errors : warnings)
                        .add(spec.id() + ".pdf: " + finding.message() + " [" + finding.check().id() + "]");
            }
            MilestoneResult result = new MilestoneResult(spec.id(), spec.title(), pdf, spec.pageLimit(),
                    measure.contentPages(), pdfPages, measure.linesPerPage(), outcome.enginePasses(),
                    outcome.bibRuns(), warnings, errors, null, context.usedFiles(), false, null, null);
            if (result.overLimit()) {
                if (request.failOnPageLimit()) {
                    errors.add(result.overLimitMessage());
                } else {
                    warnings.add(result.overLimitMessage() + " (report.failOnPageLimit=false: not failing)");
                }
                result = new MilestoneResult(spec.id(), spec.title(), pdf, spec.pageLimit(), measure.contentPages(),
                        pdfPages, measure.linesPerPage(), outcome.enginePasses(), outcome.bibRuns(), warnings, errors,
                        null, context.usedFiles(), false, null, null);
            }
            TexCompiler.keepSeed(job, outcome, seedDir);
            new BuildState(fingerprint(spec, relativeResults(context.usedFiles())), Provenance.sha256(pdf),
                    result.contentPages(), pdfPages, result.linesPerPage(), result.enginePasses(), result.bibRuns(),
                    warnings, errors, relativeResults(context.usedFiles())).write(request.outputDir(), spec.id());
            return result;
        } catch (ReportException e) {
            return failed(spec, warnings, context, e);
        }
    }

    /** Every file of the team's that goes into this milestone: its own folder and the shared preamble. */
    private List<Path> teamFiles(MilestoneSources sources) throws ReportException {
        List<Path> files = new ArrayList<>();
        MilestoneSources.special(request.sourceDir(), "preamble", new ArrayList<>()).ifPresent(files::add);
        sources.preamble().ifPresent(files::add);
        sources.abstractFile().ifPresent(files::add);
        files.addAll(sources.sections());
        sources.acknowledgements().ifPresent(files::add);
        files.addAll(sources.appendix());
        return files;
    }

    /** In anonymous builds: every name and e-mail of the team, which must not appear in the PDF. */
    private List<String> anonymityWords() {
        if (request.mode() != Mode.ANONYMOUS) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (Author author : request.authors()) {
            if (!author.name().isBlank()) {
                words.add(author.name());
                String[] parts = author.name().split("\\s+");
                String last = parts[parts.length - 1];
                if (parts.length > 1 && last.length() >= 4) {
                    words.add(last);
                }
            }
            if (!author.email().isBlank()) {
                words.add(author.email());
            }
        }
        return words;
    }

    /** The previous result, when the inputs and the PDF are exactly as that build left them. */
    private Optional<MilestoneResult> reuse(MilestoneSpec spec, BuildState state, Path pdf) throws ReportException {
        if (!Files.isRegularFile(pdf) || !state.fingerprint().equals(fingerprint(spec, state.resultsUsed()))
                || !state.pdfSha256().equals(Provenance.sha256(pdf))) {
            return Optional.empty();
        }
        java.util.Set<Path> used = new java.util.HashSet<>();
        state.resultsUsed().forEach(r -> used.add(request.sourceDir().resolve("results").resolve(r)));
        return Optional.of(new MilestoneResult(spec.id(), spec.title(), pdf, spec.pageLimit(), state.contentPages(),
                state.pdfPages(), state.linesPerPage(), 0, 0, state.warnings(), state.errors(), null, used, true, null,
                null));
    }

    /**
     * Everything the milestone's PDF depends on. Results files count by content only when the templates read them
     * last time; adding or removing any results file changes the fingerprint of every milestone.
     */
    private String fingerprint(MilestoneSpec spec, List<String> resultsUsed) throws ReportException {
        Path src = request.sourceDir();
        Path resultsDir = src.resolve("results");
        InputFingerprint fp = new InputFingerprint()
                .text("configuration", configuration)
                .text("milestone", spec.toString())
                .text("course", pack.course().toString())
                .text("document", pack.documentTemplate());
        for (TemplatePack.PackFile file : pack.texFiles()) {
            fp.bytes("pack:" + file.name(), file.content());
        }
        fp.bytes("measure", measurePackage());
        fp.tree(src, src.resolve(spec.id()), List.of());
        List<Path> otherMilestones = pack.course().milestones().stream().map(m -> src.resolve(m.id())).toList();
        List<Path> excluded = new ArrayList<>(otherMilestones);
        excluded.add(resultsDir);
        fp.tree(src, src, excluded);
        fp.text("results files", String.join("\n", relativeResults(results.files())));
        for (String used : resultsUsed) {
            fp.file(src, resultsDir.resolve(used));
        }
        return fp.hex();
    }

    private List<String> relativeResults(java.util.Collection<Path> files) {
        Path resultsDir = request.sourceDir().resolve("results");
        return files.stream().map(f -> resultsDir.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }

    private String strayFloatMessage(MilestoneSpec spec, FloatPlacement stray, PageMeasure measure, Path workDir,
                                     Map<String, RenderedFile> generated) {
        String where = "";
        RenderedFile source = generated.get(stray.file().replaceFirst("^\\./", ""));
        if (source != null) {
            where = SourceLocation.of(source.source(), source.lines().sourceLine(stray.line()))
                    .describe(request.projectDir()) + ": ";
        }
        return where + spec.id() + ": " + stray.label() + " belongs to the body but LaTeX placed it on page "
                + stray.position().page() + ", after the references or appendix begin on page "
                + measure.backMatter().page() + "; it is content beyond the body. Make it smaller, place it"
                + " earlier or with [t]/[h], or shorten the text before it.";
    }

    /** Renders every team file into the working directory; returns the document template's {@code doc} model. */
    private Map<String, Object> assemble(MilestoneSources sources, Path workDir, Map<String, Object> model,
                                         Map<String, RenderedFile> generated) throws ReportException {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<String> preambles = new ArrayList<>();
        Optional<Path> common = MilestoneSources.special(request.sourceDir(), "preamble", new ArrayList<>());
        if (common.isPresent()) {
            preambles.add(place(common.get(), "preamble-common", workDir, model, generated));
        }
        if (sources.preamble().isPresent()) {
            preambles.add(place(sources.preamble().get(), "preamble-" + sources.milestone(), workDir, model,
                    generated));
        }
        doc.put("preambles", preambles);
        if (sources.abstractFile().isPresent()) {
            doc.put("abstract", place(sources.abstractFile().get(), "abstract", workDir, model, generated));
        }
        List<String> sections = new ArrayList<>();
        for (Path section : sources.sections()) {
            sections.add(place(section, "sections/" + safeName(section), workDir, model, generated));
        }
        doc.put("sections", sections);
        if (sources.acknowledgements().isPresent()) {
            doc.put("acknowledgements", place(sources.acknowledgements().get(), "acknowledgements", workDir, model,
                    generated));
        }
        List<String> appendix = new ArrayList<>();
        for (Path part : sources.appendix()) {
            appendix.add(place(part, "appendix/" + safeName(part), workDir, model, generated));
        }
        doc.put("appendix", appendix);
        if (Files.isRegularFile(request.sourceDir().resolve("references.bib"))) {
            doc.put("bibliography", "references");
        }
        doc.put("bibliographyStyle", pack.course().bibliographyStyle());
        doc.put("courseName", pack.course().name());
        return doc;
    }

    /** Renders or copies {@code source} to {@code <target>.tex}; returns the name for \input. */
    private String place(Path source, String target, Path workDir, Map<String, Object> model,
                         Map<String, RenderedFile> generated) throws ReportException {
        RenderedFile file;
        if (MilestoneSources.isTemplate(source)) {
            file = renderer().render(source, model);
        } else {
            try {
                file = new RenderedFile(source, Files.readString(source, StandardCharsets.UTF_8), LineMap.identity());
            } catch (java.nio.charset.MalformedInputException e) {
                throw new SourceException(Diagnostic.error(SourceLocation.of(source, 0),
                        "is not valid UTF-8; save it with UTF-8 encoding"));
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        write(workDir.resolve(target + ".tex"), file.text());
        generated.put(target + ".tex", file);
        return target;
    }

    /** File names TeX's \input takes without quoting: letters, digits, '-' and '.'. */
    static String safeName(Path file) {
        return MilestoneSources.baseName(file).replaceAll("[^A-Za-z0-9.-]", "-");
    }

    private void writeSupportFiles(Path workDir) throws ReportException {
        for (TemplatePack.PackFile file : pack.texFiles()) {
            writeBytes(workDir.resolve(file.name()), file.content());
        }
        writeBytes(workDir.resolve(MEASURE_STY), measurePackage());
    }

    private static byte[] measurePackage() throws EnvironmentException {
        try (InputStream in = MilestoneBuilder.class.getResourceAsStream("/dev/texreport/tex/" + MEASURE_STY)) {
            if (in == null) {
                throw new EnvironmentException(MEASURE_STY + " is missing from the plugin jar; reinstall the plugin.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + MEASURE_STY + ": " + e.getMessage(), e);
        }
    }

    /** Where TeX and bibtex look for the team's figures and bibliography; the working directory comes first. */
    private Map<String, String> searchPaths(String milestone) {
        String sep = File.pathSeparator;
        Path src = request.sourceDir();
        String tex = "." + sep + src.resolve(milestone).resolve("figures") + "//" + sep + src.resolve("figures")
                + "//" + sep + src + sep;
        String bib = "." + sep + src + sep;
        return Map.of("TEXINPUTS", tex, "BIBINPUTS", bib);
    }

    private static void freshDirectory(Path dir) throws EnvironmentException {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot prepare the working directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, String text) throws EnvironmentException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(Path file, byte[] content) throws EnvironmentException {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the PDF in one step, so a reader never sees half a file and a failed build never removes it. */
    private static void moveIntoPlace(Path built, Path target) throws EnvironmentException {
        AtomicFile.write(target, temp -> Files.copy(built, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    }
}
