package dev.texreport.core.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.texreport.core.AtomicFile;
import dev.texreport.core.BuildDefaults;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportLog;
import dev.texreport.core.tex.CompileJob;
import dev.texreport.core.tex.CompileOutcome;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.ProcessSpec;
import dev.texreport.core.tex.TexCompiler;
import dev.texreport.core.tex.TexFailure;
import dev.texreport.core.tex.TexLogParser;
import dev.texreport.core.tex.TexMessage;
import dev.texreport.core.tex.Toolchain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * (Over the house's 250 lines on purpose: flattening, latexdiff, typesetting and the comparisons.json notes are one sequence whose
 * failures all end as a note; the flattening itself is TexFlattener.)
 *
 * The change view of a team's milestone against the one before it (midterm against proposal, final against
 * midterm), for staff feedback: latexdiff on the two generated documents (each flattened by {@link TexFlattener},
 * references included), typeset by the plugin's own {@link TexCompiler} with the same engine, search path, safety
 * settings and timeout as a milestone. latexdiff is a Perl program; it runs through the one process runner, never
 * a shell, with the build's timeout. Written to {@code target/report/compare/NEW-vs-OLD.pdf}, listed with a note
 * for every view that could not be made in {@code target/report/compare/comparisons.json}, which the staff page
 * reads. A change view never fails the build: what goes wrong is a warning and a note.
 */
public final class MilestoneComparison {
    public static final String FOLDER = "compare";
    public static final String INDEX = "comparisons.json";
    static final String MISSING_LATEXDIFF = "latexdiff is not installed, so there are no change views (on "
            + "Debian/Ubuntu: sudo apt-get install latexdiff texlive-plain-generic)";
    private static final String JOB = "diff";
    private static final double OVERFULL_THRESHOLD_PT = 5.0;
    /** latexdiff's default markup (underlined additions, struck-out deletions; needs ulem), then a plainer one. */
    private static final List<List<String>> MARKUPS = List.of(
            List.of(),
            List.of("--type=CFONT", "--math-markup=whole", "--graphics-markup=none"));

    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final String path;
    private final ReportLog log;

    /** One change view: the milestone, the one it is compared with, the PDF or why there is none. */
    public record Result(String milestone, String against, Path pdf, String note) { }

    /**
     * @param runner      runs latexdiff and TeX
     * @param environment the build's environment: the PATH to find latexdiff and the engine on, and what TeX may
     *                    see of it (as for a milestone)
     * @param log         progress and problems
     */
    public MilestoneComparison(ProcessRunner runner, Map<String, String> environment, ReportLog log) {
        this.runner = runner;
        this.environment = Map.copyOf(environment);
        this.path = environment.getOrDefault("PATH", "");
        this.log = log;
    }

    /**
     * Compares each milestone in {@code milestones} (in the course's order) with the one before it, when both have
     * generated sources in the output folder; writes comparisons.json.
     */
    public List<Result> compare(BuildRequest request, List<String> milestones) throws EnvironmentException {
        Path folder = request.outputDir().resolve(FOLDER);
        List<Result> results = new ArrayList<>();
        String note = null;
        if (milestones.size() >= 2) {
            EngineLocator locator = new EngineLocator(request.texBin(), path);
            Path latexdiff = null;
            try {
                latexdiff = locator.locate("latexdiff");
            } catch (EnvironmentException e) {
                note = MISSING_LATEXDIFF;
                log.warn("[compare] " + note + ".");
            }
            Toolchain toolchain = null;
            if (latexdiff != null) {
                try {
                    toolchain = Toolchain.locate(locator, request.engine());
                } catch (EnvironmentException e) {
                    note = e.getMessage();
                    log.warn("[compare] " + note);
                }
            }
            if (latexdiff != null && toolchain != null) {
                for (int i = 1; i < milestones.size(); i++) {
                    results.add(compare(request, latexdiff, toolchain, milestones.get(i - 1), milestones.get(i)));
                }
            }
        }
        writeIndex(request, folder.resolve(INDEX), results, note);
        return results;
    }

    private Result compare(BuildRequest request, Path latexdiff, Toolchain toolchain, String old, String current)
            throws EnvironmentException {
        String name = current + "-vs-" + old;
        Path pdf = request.outputDir().resolve(FOLDER).resolve(name + ".pdf");
        Path oldDir = request.outputDir().resolve(old);
        Path newDir = request.outputDir().resolve(current);
        for (Path dir : List.of(oldDir, newDir)) {
            if (!Files.isRegularFile(dir.resolve("main.tex"))) {
                return note(current, old, "no generated sources of " + dir.getFileName() + " in "
                        + ProjectPaths.relative(request.projectDir(), dir) + " (build it first)");
            }
        }
        Path work = request.outputDir().resolve(FOLDER).resolve(name);
        String oldText;
        String newText;
        String key;
        try {
            oldText = new TexFlattener(oldDir, searchDirs(request, old)).flatten("main.tex");
            newText = new TexFlattener(newDir, searchDirs(request, current)).flatten("main.tex");
            Path stamp = request.outputDir().resolve(FOLDER).resolve(name + ".inputs");
            key = Hashes.sha256(String.join("\n\u0000", oldText, newText, request.engine().executable(),
                    Long.toString(sourceDate(request)), supportKey(newDir), supportKey(oldDir), latexdiff.toString()));
            if (Files.isRegularFile(pdf) && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(key)) {
                log.info("[compare] " + current + " against " + old + ": up to date -> "
                        + ProjectPaths.relative(request.projectDir(), pdf));
                return new Result(current, old, pdf, null);
            }
            fresh(work);
            Files.writeString(work.resolve("old.tex"), oldText, StandardCharsets.UTF_8);
            Files.writeString(work.resolve("new.tex"), newText, StandardCharsets.UTF_8);
            copySupport(newDir, work);
            copySupport(oldDir, work);
        } catch (IOException e) {
            return note(current, old, "cannot prepare the change view: " + e.getMessage());
        }
        TexCompiler compiler = new TexCompiler(runner, toolchain, new TexLogParser(OVERFULL_THRESHOLD_PT), log,
                environment);
        String failure = null;
        for (List<String> markup : MARKUPS) {
            List<String> arguments = new ArrayList<>(List.of("--encoding=utf8", "--no-label"));
            arguments.addAll(markup);
            arguments.addAll(List.of("old.tex", "new.tex"));
            // Like TeX, latexdiff gets no more of the build's environment than it needs (never a CI's secrets).
            ProcessOutcome diff = runner.run(new ProcessSpec(latexdiff, arguments, work, Map.of("PATH", path),
                    request.timeout(), false, work.resolve(JOB + ".tex")));
            if (diff.timedOut()) {
                return note(current, old, "latexdiff did not finish within " + request.timeout().toSeconds()
                        + " s (report.timeout) and was stopped");
            }
            if (!diff.succeeded()) {
                return note(current, old, "latexdiff failed: " + String.join(" ", diff.output().stream()
                        .filter(l -> !l.isBlank()).limit(3).toList()));
            }
            try {
                CompileOutcome outcome = compiler.compile(new CompileJob(name, request.engine(), work, JOB,
                        texPaths(request, old, current), request.timeout(), request.shellEscape(),
                        sourceDate(request), List.of(request.sourceDir()), request.outputDir()));
                Files.createDirectories(pdf.getParent());
                Files.move(outcome.pdf(), pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(request.outputDir().resolve(FOLDER).resolve(name + ".inputs"), key,
                        StandardCharsets.UTF_8);
                log.info("[compare] " + current + " against " + old + " -> "
                        + ProjectPaths.relative(request.projectDir(), pdf));
                return new Result(current, old, pdf, null);
            } catch (TexFailure e) {
                failure = e.messages().stream().filter(m -> m.kind().isError()).map(TexMessage::text).findFirst()
                        .orElse(e.getMessage());
                log.debug("[compare] " + name + ": latexdiff's output " + (markup.isEmpty() ? "with underlines"
                        : "with " + String.join(" ", markup)) + " did not compile: " + failure);
            } catch (EnvironmentException e) {
                return note(current, old, e.getMessage());
            } catch (IOException e) {
                return note(current, old, "cannot move the change view into place: " + e.getMessage());
            }
        }
        return note(current, old, "latexdiff's output does not compile: " + failure + " (see "
                + ProjectPaths.relative(request.projectDir(), work.resolve(JOB + ".log")) + ")");
    }

    private Result note(String current, String old, String why) {
        log.warn("[compare] " + current + " against " + old + ": no change view: " + why);
        return new Result(current, old, null, why);
    }

    private static long sourceDate(BuildRequest request) {
        return request.sourceDateEpoch() != null ? request.sourceDateEpoch() : BuildDefaults.FIXED_SOURCE_DATE;
    }

    /** Where TeX finds a milestone's inputs besides its working directory (as the milestone build sets it). */
    private static List<Path> searchDirs(BuildRequest request, String milestone) {
        Path src = request.sourceDir();
        return List.of(src.resolve(milestone).resolve("figures"), src.resolve("figures"), src);
    }

    /** TEXINPUTS and BIBINPUTS of the change view: both milestones' figures, the shared ones, the sources. */
    private static Map<String, String> texPaths(BuildRequest request, String old, String current) {
        String sep = File.pathSeparator;
        Path src = request.sourceDir();
        String tex = "." + sep + src.resolve(current).resolve("figures") + "//" + sep
                + src.resolve(old).resolve("figures") + "//" + sep + src.resolve("figures") + "//" + sep + src + sep;
        return Map.of("TEXINPUTS", tex, "BIBINPUTS", "." + sep + src + sep);
    }

    /** The style files and other support files TeX needs beside the document (not the document's own files). */
    private static List<Path> support(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("main."))
                    .filter(f -> !f.getFileName().toString().endsWith(".tex")).sorted().toList();
        }
    }

    private static String supportKey(Path dir) throws IOException {
        StringBuilder key = new StringBuilder();
        for (Path file : support(dir)) {
            key.append(file.getFileName()).append('=').append(Hashes.sha256(Files.readAllBytes(file))).append('\n');
        }
        return key.toString();
    }

    private static void copySupport(Path from, Path work) throws IOException {
        for (Path file : support(from)) {
            Path target = work.resolve(file.getFileName());
            if (!Files.exists(target)) {
                Files.copy(file, target);
            }
        }
    }

    private static void fresh(Path dir) throws IOException {
        StaffFiles.deleteTree(dir);
        Files.createDirectories(dir);
    }

    private void writeIndex(BuildRequest request, Path file, List<Result> results, String note)
            throws EnvironmentException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        if (note == null) {
            root.putNull("note");
        } else {
            root.put("note", note);
        }
        ArrayNode array = root.putArray("comparisons");
        for (Result result : results) {
            ObjectNode node = array.addObject().put("milestone", result.milestone()).put("against", result.against());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("pdf", result.pdf() == null ? null : ProjectPaths.relative(request.projectDir(), result.pdf()));
            values.put("note", result.note());
            values.forEach((k, v) -> {
                if (v == null) {
                    node.putNull(k);
                } else {
                    node.put(k, v);
                }
            });
        }
        AtomicFile.write(file, temp -> mapper.writeValue(temp.toFile(), root));
    }
}
