package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs bibtex or biber when their output would differ from the last run's: when the document's citation data
 * changed (the {@code \citation}, {@code \bibdata} and {@code \bibstyle} lines of the .aux for bibtex, the .bcf for
 * biber) or the content of a .bib or .bst they read last time changed ({@link BibliographyInputs}, kept with the
 * .aux seed). A bibliography without citations yet is not run at all (bibtex would fail with "I found no \citation
 * commands"): the document builds without a reference list. Messages come from {@link BibtexLog}, placed at their
 * .bib line.
 */
final class BibliographyRunner {
    private final ProcessRunner runner;
    private final Toolchain toolchain;
    private final ReportLog log;
    private final CompileJob job;
    private final JobSandbox sandbox;
    private final Map<String, String> environment;
    private CitationData citationData;
    private String bcfData;
    /** Why the planted .bbl is stale although the citations are the same: the .bib/.bst files that changed. */
    private List<String> inputChanges;
    private int runs;
    private List<TexMessage> warnings = List.of();

    /**
     * @param seeded whether the working directory starts from the last build's files, whose citation data bibtex
     *               already saw
     */
    BibliographyRunner(ProcessRunner runner, Toolchain toolchain, ReportLog log, CompileJob job, JobSandbox sandbox,
                       boolean seeded) throws EnvironmentException {
        this.runner = runner;
        this.toolchain = toolchain;
        this.log = log;
        this.job = job;
        this.sandbox = sandbox;
        this.environment = sandbox.environment();
        this.citationData = seeded ? citationData() : CitationData.NONE;
        this.bcfData = seeded ? TexFiles.readOrEmpty(job.file(".bcf")) : "";
        try {
            this.inputChanges = seeded ? BibliographyInputs.changesSince(recordFile(), job.workDir(), environment)
                    : List.of();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the bibliography files: " + e.getMessage(), e);
        }
    }

    /** The record of the files bibtex or biber read, kept with the .aux seed: no file TeX reads back. */
    static String recordName(CompileJob job) {
        return BibliographyInputs.fileName(job.jobName());
    }

    private Path recordFile() {
        return job.workDir().resolve(recordName(job));
    }

    /** After an engine pass: runs bibtex and/or biber if their output would change. */
    void afterPass(int pass) throws EnvironmentException, TexFailure {
        CitationData newCitations = citationData();
        switch (newCitations.next(citationData, !inputChanges.isEmpty())) {
            case RUN -> {
                warnings = run("bibtex", why(pass));
                inputChanges = List.of();
            }
            case SKIP_NO_CITATIONS -> {
                // A reference list left from an earlier build must not stay in the document.
                delete(job.file(".bbl"));
                delete(recordFile());
                warnings = List.of();
            }
            default -> { }
        }
        citationData = newCitations;
        String newBcf = TexFiles.readOrEmpty(job.file(".bcf"));
        if (!newBcf.isEmpty() && (!newBcf.equals(bcfData) || !inputChanges.isEmpty())) {
            sandbox.beforeBiber();
            warnings = run("biber", why(pass));
            bcfData = newBcf;
            inputChanges = List.of();
        }
    }

    int runs() {
        return runs;
    }

    /** The warnings of the last run, about the .bib (missing entries surface later as undefined citations). */
    List<TexMessage> warnings() {
        return warnings;
    }

    private String why(int pass) {
        return inputChanges.isEmpty() ? "citations changed in pass " + pass : String.join(", ", inputChanges);
    }

    private List<TexMessage> run(String program, String why) throws EnvironmentException, TexFailure {
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.program(program), List.of(job.jobName()),
                job.workDir(), environment, job.timeout()));
        runs++;
        if (outcome.timedOut()) {
            throw new EnvironmentException(program + " did not finish within " + job.timeout().toSeconds()
                    + " s (report.timeout) and was stopped.");
        }
        log.info(String.format(Locale.ROOT, "[%s] %s (%s) %.1f s", job.label(), program, why,
                outcome.elapsed().toMillis() / 1000.0));
        List<String> blg = TexFiles.readLog(job.file(".blg"));
        BibtexLog bibtexLog = BibtexLog.forJob(job.workDir(), environment);
        List<TexMessage> messages = program.equals("biber") ? bibtexLog.biber(blg, outcome.output(), job.workDir())
                : bibtexLog.bibtex(blg, outcome.output());
        // bibtex exits 1 for warnings (a missing entry shows up as an undefined citation later) and 2 for errors.
        if (outcome.exitCode() >= 2) {
            throw new TexFailure(program + " failed", messages.stream().filter(m -> m.kind().isError()).toList(),
                    TexFiles.tail(blg.isEmpty() ? outcome.output() : BibtexLog.withoutStatistics(blg)));
        }
        try {
            BibliographyInputs inputs = program.equals("biber") ? BibliographyInputs.afterBiber(blg, job.workDir())
                    : BibliographyInputs.afterBibtex(blg, BibSearchPath.forBib(job.workDir(), environment),
                    BibSearchPath.forBst(job.workDir(), environment));
            inputs.save(recordFile());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot record the files " + program + " read in " + job.workDir() + ": "
                    + e.getMessage(), e);
        }
        return messages.stream().filter(m -> !m.kind().isError()).toList();
    }

    /** A LaTeX error inside the generated .bbl, moved to the .bib entry it came from. */
    List<TexMessage> fromBbl(List<TexMessage> messages) {
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
    List<TexMessage> silentLosses() {
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

    private CitationData citationData() throws EnvironmentException {
        try {
            return CitationData.read(job.workDir());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) throws EnvironmentException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
