package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs bibtex or biber when the document's citation data changed since their last run: the {@code \citation},
 * {@code \bibdata} and {@code \bibstyle} lines of the .aux files for bibtex, the .bcf for biber. Reads their
 * warnings and errors back from the .blg.
 */
final class BibliographyRunner {
    private static final Pattern BIB_WARNING = Pattern.compile("^Warning--(.*)$");
    private static final Pattern BIB_WARNING_KEY = Pattern.compile(" in (\\S+)$");
    private static final Pattern BIB_ERROR_LOCATION = Pattern.compile("^-+line (\\d+) of file (\\S+)");

    private final ProcessRunner runner;
    private final Toolchain toolchain;
    private final ReportLog log;
    private String citationData;
    private String bcfData;
    private int runs;
    private List<TexMessage> warnings = List.of();

    /**
     * @param seeded whether the working directory starts from the last build's files, whose citation data bibtex
     *               already saw
     */
    BibliographyRunner(ProcessRunner runner, Toolchain toolchain, ReportLog log, CompileJob job, boolean seeded)
            throws EnvironmentException {
        this.runner = runner;
        this.toolchain = toolchain;
        this.log = log;
        this.citationData = seeded ? citationData(job) : "";
        this.bcfData = seeded ? readOrEmpty(job.file(".bcf")) : "";
    }

    /** After an engine pass: runs bibtex and/or biber if the citation data changed. */
    void afterPass(CompileJob job, Map<String, String> environment, int pass)
            throws EnvironmentException, TexFailure {
        String newCitations = citationData(job);
        if (newCitations.contains("\\bibdata") && !newCitations.equals(citationData)) {
            warnings = run(job, "bibtex", environment, pass);
            citationData = newCitations;
        }
        String newBcf = readOrEmpty(job.file(".bcf"));
        if (!newBcf.isEmpty() && !newBcf.equals(bcfData)) {
            warnings = run(job, "biber", environment, pass);
            bcfData = newBcf;
        }
    }

    int runs() {
        return runs;
    }

    /** The warnings of the last run, about the .bib (missing entries surface later as undefined citations). */
    List<TexMessage> warnings() {
        return warnings;
    }

    private List<TexMessage> run(CompileJob job, String program, Map<String, String> environment, int afterPass)
            throws EnvironmentException, TexFailure {
        ProcessOutcome outcome = runner.run(new ProcessSpec(toolchain.program(program), List.of(job.jobName()),
                job.workDir(), environment, job.timeout()));
        runs++;
        if (outcome.timedOut()) {
            throw new EnvironmentException("[" + job.label() + "] " + program + " did not finish within "
                    + job.timeout().toSeconds() + " s (report.timeout) and was stopped.");
        }
        log.info(String.format(Locale.ROOT, "[%s] %s (citations changed in pass %d) %.1f s", job.label(), program,
                afterPass, outcome.elapsed().toMillis() / 1000.0));
        // bibtex exits 1 for warnings (a missing entry shows up as an undefined citation later) and 2 for errors.
        if (outcome.exitCode() >= 2) {
            List<String> blg = TexFiles.readLog(job.file(".blg"));
            throw new TexFailure("[" + job.label() + "] " + program + " failed", bibErrors(blg, outcome.output()),
                    TexFiles.tail(blg.isEmpty() ? outcome.output() : blg));
        }
        return bibWarnings(TexFiles.readLog(job.file(".blg")));
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
        return TexFiles.readOrEmpty(file);
    }
}
