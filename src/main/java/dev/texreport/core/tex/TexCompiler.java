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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the engine and bibtex/biber until the files TeX reads back stop changing. Reruns are decided from content
 * hashes ({@link AuxSnapshot}), never from log phrases; bibtex runs only when the citation data in the .aux
 * changed. Passes are capped, and a state seen before means the references oscillate.
 */
public final class TexCompiler {
    public static final int MAX_PASSES = 5;
    private static final Pattern BIB_WARNING = Pattern.compile("^Warning--(.*)$");
    private static final Pattern BIB_WARNING_KEY = Pattern.compile(" in (\\S+)$");
    private static final Pattern BIB_ERROR_LOCATION = Pattern.compile("^-+line (\\d+) of file (\\S+)");

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
            for (String name : seeded) {
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
            for (String name : outcome.readBack()) {
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
                names.add(file.getFileName().toString());
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
        String citationData = seeded.isEmpty() ? "" : citationData(job);
        String bcfData = seeded.isEmpty() ? "" : readOrEmpty(job.file(".bcf"));
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
                List<TexMessage> messages = parser.parse(logLines, outcome.output());
                throw new TexFailure("[" + job.label() + "] " + name + " stopped with an error in pass " + pass,
                        messages, tail(logLines.isEmpty() ? outcome.output() : logLines));
            }
            reason = "";
            String newCitations = citationData(job);
            if (newCitations.contains("\\bibdata") && !newCitations.equals(citationData)) {
                bibWarnings = runBibliography(job, "bibtex", List.of(job.jobName()), environment, pass);
                bibRuns++;
                citationData = newCitations;
            }
            String newBcf = readOrEmpty(job.file(".bcf"));
            if (!newBcf.isEmpty() && !newBcf.equals(bcfData)) {
                bibWarnings = runBibliography(job, "biber", List.of(job.jobName()), environment, pass);
                bibRuns++;
                bcfData = newBcf;
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
                                             Map<String, String> environment, int afterPass)
            throws EnvironmentException, TexFailure {
        Path executable = locator.locate(program);
        ProcessOutcome outcome = runner.run(new ProcessSpec(executable, arguments, job.workDir(), environment,
                job.timeout()));
        if (outcome.timedOut()) {
            throw new EnvironmentException("[" + job.label() + "] " + program + " did not finish within "
                    + job.timeout().toSeconds() + " s (report.timeout) and was stopped.");
        }
        log.info(String.format(Locale.ROOT, "[%s] %s (citations changed in pass %d) %.1f s", job.label(), program,
                afterPass, outcome.elapsed().toMillis() / 1000.0));
        // bibtex exits 1 for warnings (a missing entry shows up as an undefined citation later) and 2 for errors.
        if (outcome.timedOut() || outcome.exitCode() >= 2) {
            List<String> blg = readLog(job.file(".blg"));
            throw new TexFailure("[" + job.label() + "] " + program + " failed", bibErrors(blg, outcome.output()),
                    tail(blg.isEmpty() ? outcome.output() : blg));
        }
        return bibWarnings(readLog(job.file(".blg")));
    }

    /** {@code Warning--can't use both volume and number fields in key}: the entry's key is the subject. */
    static List<TexMessage> bibWarnings(List<String> blg) {
        List<TexMessage> warnings = new ArrayList<>();
        for (String line : blg) {
            Matcher m = BIB_WARNING.matcher(line);
            if (m.find() && !line.contains("I didn't find a database entry")) {
                String text = m.group(1).strip();
                Matcher key = BIB_WARNING_KEY.matcher(text);
                warnings.add(new TexMessage(TexMessage.Kind.BIB_WARNING, "", 0, "bibtex: " + text,
                        key.find() ? key.group(1) : ""));
            } else if (line.startsWith("WARN - ")) {
                warnings.add(new TexMessage(TexMessage.Kind.BIB_WARNING, "", 0, "biber: " + line.substring(7).strip(),
                        ""));
            }
        }
        return warnings;
    }

    /** bibtex prints an error, then {@code ---line N of file F}; biber prints {@code ERROR - ...}. */
    static List<TexMessage> bibErrors(List<String> blg, List<String> output) {
        List<TexMessage> messages = new ArrayList<>();
        List<String> lines = blg.isEmpty() ? output : blg;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = BIB_ERROR_LOCATION.matcher(line);
            if (m.find()) {
                String what = i > 0 ? lines.get(i - 1).replaceFirst("^I was expecting", "expected") : "error";
                messages.add(new TexMessage(TexMessage.Kind.ERROR, m.group(2), Integer.parseInt(m.group(1)),
                        "bibtex: " + what.strip(), ""));
            } else if (line.startsWith("I couldn't open") || line.contains("ERROR - ")) {
                messages.add(new TexMessage(TexMessage.Kind.ERROR, "", 0, line.strip(), ""));
            }
        }
        return messages;
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

    private static String citationData(CompileJob job) throws EnvironmentException {
        StringBuilder data = new StringBuilder();
        try (var files = Files.list(job.workDir())) {
            for (Path aux : files.filter(p -> p.getFileName().toString().endsWith(".aux")).sorted().toList()) {
                for (String line : Files.readAllLines(aux, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("\\citation{") || line.startsWith("\\bibdata{")
                            || line.startsWith("\\bibstyle{")) {
                        data.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
        return data.toString();
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
