package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the engine and bibtex/biber until the files TeX reads back stop changing. Reruns are decided from content
 * hashes ({@link AuxSnapshot}), never from log phrases; bibtex runs when the citation data in the .aux changed or
 * a .bib/.bst it read last time changed ({@link CitationData}, {@link BibliographyInputs}). Passes are capped, and
 * a state seen before means the references oscillate.
 */
public final class TexCompiler {
    public static final int MAX_PASSES = 5;

    private final ProcessRunner runner;
    private final EngineLocator locator;
    private final TexLogParser parser;
    private final ReportLog log;

    public TexCompiler(ProcessRunner runner, EngineLocator locator, TexLogParser parser, ReportLog log) {
        this.runner = runner;
        this.locator = locator;
        this.parser = parser;
        this.log = log;
    }

    public CompileOutcome compile(CompileJob job) throws EnvironmentException, TexFailure {
        return compile(job, null);
    }

    /**
     * Compiles, starting from the auxiliary files of the last successful build in {@code seedDir} when there is
     * one: after a small edit the first pass then often reaches the fixed point, and bibtex does not run when the
     * citations did not change. If the seeded build fails, it is retried from scratch, so an old .aux can never
     * break a build.
     */
    public CompileOutcome compile(CompileJob job, Path seedDir) throws EnvironmentException, TexFailure {
        List<String> seeded = seed(job, seedDir);
        if (seeded.isEmpty()) {
            return run(job, List.of());
        }
        try {
            return run(job, seeded);
        } catch (TexFailure failure) {
            log.info("[" + job.label() + "] retrying without the previous build's auxiliary files");
            List<String> clean = new ArrayList<>(seeded);
            clean.add(BibliographyInputs.fileName(job.jobName()));
            for (String name : clean) {
                try {
                    Files.deleteIfExists(job.workDir().resolve(name));
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot clean " + job.workDir() + ": " + e.getMessage(), e);
                }
            }
            return run(job, List.of());
        }
    }

    /** Saves the files the next build may start from (those TeX reads back), after a successful compile. */
    public static void keepSeed(CompileJob job, CompileOutcome outcome, Path seedDir) throws EnvironmentException {
        try {
            if (Files.isDirectory(seedDir)) {
                try (var old = Files.list(seedDir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(seedDir);
            List<String> names = new ArrayList<>(outcome.readBack());
            names.add(BibliographyInputs.fileName(job.jobName()));
            for (String name : names) {
                Path file = job.workDir().resolve(name);
                if (Files.isRegularFile(file) && !name.contains("/")) {
                    Files.copy(file, seedDir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot save the build state in " + seedDir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> seed(CompileJob job, Path seedDir) throws EnvironmentException {
        if (seedDir == null || !Files.isDirectory(seedDir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (var files = Files.list(seedDir)) {
            for (Path file : files.sorted().toList()) {
                Files.copy(file, job.workDir().resolve(file.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                // The record of bibtex's inputs is no file TeX reads back: it must not count in the snapshot.
                if (!file.getFileName().toString().equals(BibliographyInputs.fileName(job.jobName()))) {
                    names.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the previous build state in " + seedDir + ": "
                    + e.getMessage(), e);
        }
        return names;
    }

    private CompileOutcome run(CompileJob job, List<String> seeded) throws EnvironmentException, TexFailure {
        Path engine = locator.locate(job.engine().executable());
        Map<String, String> environment = texEnvironment(job);
        AuxSnapshot before;
        try {
            before = seeded.isEmpty() ? AuxSnapshot.empty() : AuxSnapshot.ofFiles(job.workDir(), seeded);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
        List<AuxSnapshot> seen = new ArrayList<>();
        seen.add(before);
        CitationData citationData = seeded.isEmpty() ? CitationData.NONE : citationData(job);
        String bcfData = seeded.isEmpty() ? "" : readOrEmpty(job.file(".bcf"));
        // A seeded .bbl was made from the .bib/.bst files of the previous build; any edit to them since means
        // bibtex must run again although the citations are the same.
        List<String> bibChanges = seeded.isEmpty() ? List.of() : bibliographyChanges(job, environment);
        String reason = seeded.isEmpty() ? "first pass" : "first pass, from the previous build's .aux";
        int bibRuns = 0;
        List<TexMessage> bibWarnings = new ArrayList<>();
        List<String> changed = List.of();
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            ProcessOutcome outcome = runner.run(new ProcessSpec(engine, engineArguments(job), job.workDir(),
                    environment, job.timeout()));
            String name = job.engine().executable();
            if (outcome.timedOut()) {
                throw new EnvironmentException("[" + job.label() + "] " + name + " pass " + pass + " did not finish "
                        + "within " + job.timeout().toSeconds() + " s (report.timeout) and was stopped. A macro that "
                        + "loops forever (e.g. \\loop without an end) does this; if the document is just large, "
                        + "raise report.timeout.");
            }
            log.info(String.format(Locale.ROOT, "[%s] %s pass %d (%s) %.1f s", job.label(), name, pass, reason,
                    outcome.elapsed().toMillis() / 1000.0));
            List<String> logLines = readLog(job.file(".log"));
            if (!outcome.succeeded() || !Files.isRegularFile(job.file(".pdf"))) {
                List<TexMessage> messages = fromBbl(job, environment, parser.parse(logLines, outcome.output()));
                throw new TexFailure("[" + job.label() + "] " + name + " stopped with an error in pass " + pass,
                        messages, tail(logLines.isEmpty() ? outcome.output() : logLines));
            }
            reason = "";
            CitationData newCitations = citationData(job);
            switch (newCitations.next(citationData, !bibChanges.isEmpty())) {
                case RUN -> {
                    bibWarnings = runBibliography(job, "bibtex", List.of(job.jobName()), environment,
                            why(bibChanges, pass));
                    bibRuns++;
                    bibChanges = List.of();
                }
                case SKIP_NO_CITATIONS -> {
                    // bibtex would fail with "I found no \citation commands"; the document builds without a
                    // reference list, and one left from an earlier build must not stay in it.
                    deleteIfExists(job.file(".bbl"));
                    deleteIfExists(job.workDir().resolve(BibliographyInputs.fileName(job.jobName())));
                    bibWarnings = List.of();
                }
                default -> { }
            }
            citationData = newCitations;
            String newBcf = readOrEmpty(job.file(".bcf"));
            if (!newBcf.isEmpty() && (!newBcf.equals(bcfData) || !bibChanges.isEmpty())) {
                bibWarnings = runBibliography(job, "biber", List.of(job.jobName()), environment,
                        why(bibChanges, pass));
                bibRuns++;
                bcfData = newBcf;
                bibChanges = List.of();
            }
            AuxSnapshot after;
            try {
                after = AuxSnapshot.take(job.workDir(), job.jobName());
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read TeX's auxiliary files in " + job.workDir() + ": "
                        + e.getMessage(), e);
            }
            changed = after.changedSince(before);
            if (changed.isEmpty()) {
                List<TexMessage> messages = new ArrayList<>(parser.parse(logLines, outcome.output()));
                messages.addAll(bibWarnings);
                messages.addAll(silentBblLosses(job, environment));
                return new CompileOutcome(job.file(".pdf"), messages, pass, bibRuns, after.hashes().keySet());
            }
            if (seen.subList(0, seen.size() - 1).contains(after)) {
                throw nonConvergence(job, pass, changed, "they returned to an earlier state");
            }
            seen.add(after);
            before = after;
            reason = changed.stream().map(TexCompiler::shortName).collect(Collectors.joining(", ")) + " changed";
        }
        throw nonConvergence(job, MAX_PASSES, changed, "they still changed after " + MAX_PASSES + " passes");
    }

    private TexFailure nonConvergence(CompileJob job, int pass, List<String> changed, String why) {
        String files = String.join(", ", changed);
        return new TexFailure("[" + job.label() + "] cross-references do not converge: " + files + " keep changing ("
                + why + ")", List.of(new TexMessage(TexMessage.Kind.ERROR, "", 0, "cross-references do not "
                + "converge after " + pass + " passes: " + files + " keep changing (" + why + "). Look for a "
                + "reference whose text changes the page it is on, e.g. \\pageref near a page break.", files)),
                List.of());
    }

    /** Runs bibtex or biber; returns its warnings about the .bib (missing entries surface later as citations). */
    private List<TexMessage> runBibliography(CompileJob job, String program, List<String> arguments,
                                             Map<String, String> environment, String why)
            throws EnvironmentException, TexFailure {
        Path executable = locator.locate(program);
        ProcessOutcome outcome = runner.run(new ProcessSpec(executable, arguments, job.workDir(), environment,
                job.timeout()));
        if (outcome.timedOut()) {
            throw new EnvironmentException("[" + job.label() + "] " + program + " did not finish within "
                    + job.timeout().toSeconds() + " s (report.timeout) and was stopped.");
        }
        log.info(String.format(Locale.ROOT, "[%s] %s (%s) %.1f s", job.label(), program, why,
                outcome.elapsed().toMillis() / 1000.0));
        List<String> blg = readLog(job.file(".blg"));
        BibtexLog bibtexLog = BibtexLog.forJob(job.workDir(), environment);
        List<TexMessage> messages = program.equals("biber")
                ? bibtexLog.biber(blg, outcome.output(), job.workDir())
                : bibtexLog.bibtex(blg, outcome.output());
        // bibtex exits 1 for warnings (a missing entry shows up as an undefined citation later) and 2 for errors.
        if (outcome.exitCode() >= 2) {
            throw new TexFailure("[" + job.label() + "] " + program + " failed", messages.stream()
                    .filter(m -> m.kind().isError()).toList(),
                    tail(blg.isEmpty() ? outcome.output() : BibtexLog.withoutStatistics(blg)));
        }
        try {
            BibliographyInputs inputs = program.equals("biber")
                    ? BibliographyInputs.afterBiber(blg, job.workDir())
                    : BibliographyInputs.afterBibtex(blg, BibSearchPath.forBib(job.workDir(), environment),
                    BibSearchPath.forBst(job.workDir(), environment));
            inputs.save(job.workDir().resolve(BibliographyInputs.fileName(job.jobName())));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot record the files " + program + " read in " + job.workDir() + ": "
                    + e.getMessage(), e);
        }
        return messages.stream().filter(m -> !m.kind().isError()).toList();
    }

    private static String why(List<String> bibChanges, int pass) {
        return bibChanges.isEmpty() ? "citations changed in pass " + pass : String.join(", ", bibChanges);
    }

    private static List<String> bibliographyChanges(CompileJob job, Map<String, String> environment)
            throws EnvironmentException {
        try {
            return BibliographyInputs.changesSince(job.workDir().resolve(BibliographyInputs.fileName(job.jobName())),
                    job.workDir(), environment);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the bibliography files: " + e.getMessage(), e);
        }
    }

    /** A LaTeX error inside the generated .bbl, moved to the .bib entry it came from. */
    private static List<TexMessage> fromBbl(CompileJob job, Map<String, String> environment,
                                            List<TexMessage> messages) {
        String bbl = job.jobName() + ".bbl";
        if (messages.stream().noneMatch(m -> m.file().equals(bbl))) {
            return messages;
        }
        try {
            return BblSourceMap.forJob(job.workDir(), job.jobName(), environment).relocate(messages, bbl,
                    BibSearchPath.forBib(job.workDir(), environment));
        } catch (IOException e) {
            return messages;
        }
    }

    /** Warnings for a % in a cited .bib entry, which LaTeX drops without an error. */
    private static List<TexMessage> silentBblLosses(CompileJob job, Map<String, String> environment) {
        if (!Files.isRegularFile(job.file(".bbl"))) {
            return List.of();
        }
        try {
            return BblSourceMap.forJob(job.workDir(), job.jobName(), environment)
                    .silentLosses(BibSearchPath.forBib(job.workDir(), environment));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteIfExists(Path file) throws EnvironmentException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private List<String> engineArguments(CompileJob job) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-interaction=nonstopmode");
        arguments.add("-halt-on-error");
        arguments.add("-file-line-error");
        arguments.add("-recorder");
        arguments.add(job.shellEscape() ? "-shell-escape" : "-no-shell-escape");
        arguments.add(job.jobName() + ".tex");
        return arguments;
    }

    /**
     * TeX's own safety switches: read only below the working directory and the search paths (no absolute paths,
     * no ..), write only into the working directory; log lines never wrapped so the parser sees whole messages.
     */
    static Map<String, String> texEnvironment(CompileJob job) {
        Map<String, String> environment = new HashMap<>(job.environment());
        environment.put("openin_any", "p");
        environment.put("openout_any", "p");
        environment.put("max_print_line", "100000");
        environment.put("error_line", "254");
        environment.put("half_error_line", "238");
        environment.put("shell_escape", job.shellEscape() ? "t" : "f");
        // Byte-identical output: dates, \today and the trailer ID come from this time, not from the clock.
        environment.put("SOURCE_DATE_EPOCH", Long.toString(job.sourceDateEpoch()));
        environment.put("FORCE_SOURCE_DATE", "1");
        return environment;
    }

    private static CitationData citationData(CompileJob job) throws EnvironmentException {
        try {
            return CitationData.read(job.workDir());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** TeX writes its log in the input's 8-bit form; ISO-8859-1 reads every byte without failing. */
    private static List<String> readLog(Path file) {
        String text = readOrEmpty(file);
        if (text.isEmpty()) {
            return List.of();
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    private static String shortName(String file) {
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(dot);
    }
}
