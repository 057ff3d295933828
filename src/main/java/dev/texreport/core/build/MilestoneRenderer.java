package dev.texreport.core.build;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.template.LineMap;
import dev.texreport.core.template.Palette;
import dev.texreport.core.template.PdfString;
import dev.texreport.core.template.RenderContext;
import dev.texreport.core.template.ResultsModel;
import dev.texreport.core.template.TemplateRenderer.RenderedFile;
import dev.texreport.core.template.TemplateRenderer;
import dev.texreport.core.template.vocab.Vocabulary;
import dev.texreport.core.tex.CompileJob;
import java.io.File;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The first step of a milestone's build: renders every team file into a fresh working directory, writes the pack's
 * style files and the page-measure package beside them, and assembles {@code main.tex} with the pack's document
 * template. A milestone's PDF depends only on its own inputs, not on which other milestones were built with it.
 */
final class MilestoneRenderer {
    static final String JOB = "main";

    private final BuildContext build;
    /** Made on first use: a build whose milestones are all up to date never loads FreeMarker. */
    private TemplateRenderer renderer;
    private Palette palette;

    MilestoneRenderer(BuildContext build) {
        this.build = build;
    }

    private synchronized TemplateRenderer renderer() throws ReportException {
        if (renderer == null) {
            renderer = new TemplateRenderer(build.request().sourceDir());
        }
        return renderer;
    }

    /** Renders the milestone; the context collects what rendering learned even when it fails. */
    RenderedMilestone render(MilestoneSpec spec, RenderContext context) throws ReportException {
        Path workDir = build.request().outputDir().resolve(spec.id());
        MilestoneSources sources = MilestoneSources.scan(build.request().sourceDir(), spec.id());
        freshDirectory(workDir, build.standbys().held(workDir));
        Map<String, Object> model = new LinkedHashMap<>(build.baseModel());
        model.put("results", new ResultsModel(build.results().model(), build.results().entries(), context,
                renderer().objectWrapper()));
        model.putAll(Vocabulary.calls(context));
        model.put("milestone", Map.of("id", spec.id(), "title", spec.title(), "pageLimit", spec.pageLimit(),
                "pdfSubject", PdfString.hex(build.pack().course().name() + " \u2014 " + spec.title())));
        Map<String, RenderedFile> generated = new LinkedHashMap<>();
        Map<String, Object> doc = assemble(sources, workDir, model, generated);
        doc.put("pgfplots", context.usesPgfplots());
        doc.put("packages", context.packages());
        context.debugLines().forEach(line -> build.log().debug("[" + spec.id() + "] " + line));
        model.put("doc", doc);
        String templates = ProjectPaths.relative(build.request().projectDir(), build.request().sourceDir());
        List<Problem> warnings = new ArrayList<>();
        context.warnings().forEach(w -> warnings.add(new Problem.Note(Problem.Severity.WARNING, "results",
                templates + "/" + w)));
        writeSupportFiles(workDir);
        String main = renderer().renderText(build.pack().name() + "/" + TemplatePack.DOCUMENT_TEMPLATE,
                build.pack().documentTemplate(), model);
        write(workDir.resolve(JOB + ".tex"), main);
        TexDiagnostics diagnostics = new TexDiagnostics(workDir, generated,
                build.request().failOnUndefinedReferences(),
                doc.containsKey("bibliography") ? build.request().sourceDir().resolve("references.bib") : null,
                searchedFolders(spec.id()));
        CompileJob job = new CompileJob(spec.id(), build.request().engine(), workDir, JOB,
                searchPaths(build.request().sourceDir(), spec.id()),
                build.request().timeout(), build.request().shellEscape(), build.sourceDateEpoch(),
                List.of(build.request().sourceDir()), build.request().outputDir());
        return new RenderedMilestone(spec, sources, generated, context, warnings, diagnostics, job);
    }

    /**
     * A fresh context: results used, warnings, packages. The palette numbers the series names of the results files
     * (the same for every milestone, see Palette), so a milestone's PDF depends only on its own inputs.
     */
    RenderContext newContext() {
        return new RenderContext(build.results(), build.request().sourceDir().resolve("results"), palette(),
                line -> build.log().info(line));
    }

    private synchronized Palette palette() {
        if (palette == null) {
            palette = Palette.of(build.results().model());
        }
        return palette;
    }

    /** Renders every team file into the working directory; returns the document template's {@code doc} model. */
    private Map<String, Object> assemble(MilestoneSources sources, Path workDir, Map<String, Object> model,
                                         Map<String, RenderedFile> generated) throws ReportException {
        Path sourceDir = build.request().sourceDir();
        Map<String, Object> doc = new LinkedHashMap<>();
        List<String> preambles = new ArrayList<>();
        Optional<Path> common = MilestoneSources.special(sourceDir, "preamble", new ArrayList<>());
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
        if (sources.checklist().isPresent()) {
            doc.put("checklist", place(sources.checklist().get(), "checklist", workDir, model, generated));
        }
        List<String> appendix = new ArrayList<>();
        for (Path part : sources.appendix()) {
            appendix.add(place(part, "appendix/" + safeName(part), workDir, model, generated));
        }
        doc.put("appendix", appendix);
        if (Files.isRegularFile(sourceDir.resolve("references.bib"))) {
            doc.put("bibliography", "references");
        }
        doc.put("bibliographyStyle", build.pack().course().bibliographyStyle());
        doc.put("courseName", build.pack().course().name());
        SuppliedStyle.resolve(build.pack(), build.request().projectDir(), sourceDir, sources.milestone())
                .ifPresent(style -> doc.put("style", style));
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
            } catch (MalformedInputException e) {
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
        for (TemplatePack.PackFile file : build.pack().texFiles()) {
            writeBytes(workDir.resolve(file.name()), file.content());
        }
        writeBytes(workDir.resolve(MeasurePackage.FILE), MeasurePackage.bytes());
    }

    /**
     * Where TeX and bibtex look for the team's figures, data files and bibliography: the working directory first, then
     * the milestone's folder and {@code src/report/} (so a paper's own folders, {@code Images/x.png} or
     * {@code Data/y.dat}, work as they are), with the {@code figures/} folders searched below for bare names.
     */
    static Map<String, String> searchPaths(Path src, String milestone) {
        String sep = File.pathSeparator;
        String tex = "." + sep + src.resolve(milestone) + sep + src.resolve(milestone).resolve("figures") + "//" + sep
                + src.resolve("figures") + "//" + sep + src + sep;
        String bib = "." + sep + src + sep;
        return Map.of("TEXINPUTS", tex, "BIBINPUTS", bib);
    }

    /** The team's folders in {@link #searchPaths}, as messages name them. */
    private List<String> searchedFolders(String milestone) {
        String src = ProjectPaths.relative(build.request().projectDir(), build.request().sourceDir());
        return List.of(src + "/" + milestone + "/", src + "/" + milestone + "/figures/ (and below)",
                src + "/figures/ (and below)", src + "/");
    }

    /**
     * Empties the working directory. The directory itself stays, and so do the files an engine started ahead of
     * this build's first pass holds open ({@link StandbyEngines}): that engine works in this directory.
     */
    private static void freshDirectory(Path dir, Set<Path> held) throws EnvironmentException {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir) && !held.contains(p)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot prepare the working directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws EnvironmentException {
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
}
