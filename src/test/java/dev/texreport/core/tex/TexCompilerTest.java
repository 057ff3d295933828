package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pass planner against a fake engine whose .aux output is scripted per pass. */
class TexCompilerTest {
    @TempDir
    Path work;
    @TempDir
    Path bin;

    private final List<String> ran = new ArrayList<>();
    private final List<ProcessSpec> specs = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void fakeBinaries() throws IOException {
        for (String program : List.of("pdflatex", "bibtex", "kpsewhich")) {
            Path file = bin.resolve(program);
            Files.writeString(file, "#!/bin/sh\n");
            file.toFile().setExecutable(true);
        }
    }

    /** A fake engine: pass n writes the .aux that {@code auxForPass} gives, a PDF, a log and a recorder file. */
    private TexCompiler compiler(IntFunction<String> auxForPass) {
        ProcessRunner runner = spec -> {
            String program = spec.executable().getFileName().toString();
            if (program.equals("kpsewhich")) {
                return new ProcessOutcome(0, false, List.of("/usr/share"), Duration.ofMillis(10));
            }
            specs.add(spec);
            ran.add(program);
            try {
                if (program.equals("pdflatex")) {
                    long pass = ran.stream().filter("pdflatex"::equals).count();
                    Files.writeString(work.resolve("main.aux"), auxForPass.apply((int) pass));
                    Files.writeString(work.resolve("main.pdf"), "%PDF");
                    Files.writeString(work.resolve("main.log"), "This is a fake log\n");
                    Files.writeString(work.resolve("main.fls"), "PWD " + work + "\nOUTPUT main.aux\nOUTPUT main.log\n");
                } else {
                    Files.writeString(work.resolve("main.bbl"), "\\begin{thebibliography}{1}\\end{thebibliography}");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ProcessOutcome(0, false, List.of(), Duration.ofMillis(100));
        };
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { log.add(message); }
            @Override public void warn(String message) { log.add(message); }
            @Override public void error(String message) { log.add(message); }
        };
        return new TexCompiler(runner, toolchain(), new TexLogParser(5), collecting, PARENT);
    }

    private Toolchain toolchain() {
        try {
            return Toolchain.locate(new EngineLocator(bin, null), Engine.PDFLATEX);
        } catch (EnvironmentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build's environment: what TeX needs, and a CI secret it must never see. */
    private static final Map<String, String> PARENT = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/ci",
            "GITHUB_TOKEN", "ghp_secret", "openin_any", "a");

    private CompileJob job() {
        return new CompileJob("final", Engine.PDFLATEX, work, "main", Map.of(), Duration.ofSeconds(10), false, 0L,
                List.of(work.resolveSibling("src")), work.resolveSibling("out"));
    }

    @Test
    void aDocumentWithoutCrossReferencesNeedsOnePass() throws Exception {
        CompileOutcome outcome = compiler(pass -> "\\relax\n\\gdef \\@abspage@last{1}\n"
                + "\\texreport@pos{bodyend}{1}{" + (4000 + pass) + "}\n").compile(job());
        assertEquals(1, outcome.enginePasses());
        assertEquals(List.of("pdflatex"), ran);
        assertEquals(List.of("[final] pdflatex pass 1 (first pass) 0.1 s"), log);
    }

    @Test
    void labelsNeedTwoPasses() throws Exception {
        CompileOutcome outcome = compiler(pass -> "\\relax\n\\newlabel{a}{{1}{1}}\n").compile(job());
        assertEquals(2, outcome.enginePasses());
        assertEquals("[final] pdflatex pass 2 (.aux changed) 0.1 s", log.get(1));
    }

    @Test
    void citationsRunBibtexOnceAndThreePasses() throws Exception {
        CompileOutcome outcome = compiler(pass -> "\\relax\n\\citation{a}\n\\bibstyle{plainnat}\n\\bibdata{references}\n"
                + (pass >= 2 ? "\\bibcite{a}{{1}{2020}{{A}}{{}}}\n" : "")).compile(job());
        assertEquals(List.of("pdflatex", "bibtex", "pdflatex", "pdflatex"), ran);
        assertEquals(3, outcome.enginePasses());
        assertEquals(1, outcome.bibRuns());
        assertEquals("[final] pdflatex pass 2 (.aux, .bbl changed) 0.1 s", log.get(2));
    }

    @Test
    void referencesThatNeverSettleStopAtTheCapNamingTheFiles() {
        TexFailure failure = assertThrows(TexFailure.class,
                () -> compiler(pass -> "\\newlabel{a}{{" + pass + "}{1}}\n").compile(job()));
        assertEquals(TexCompiler.MAX_PASSES, ran.size());
        assertTrue(failure.getMessage().contains("cross-references do not converge: main.aux keep changing"),
                failure.getMessage());
    }

    @Test
    void anOscillatingDocumentIsStoppedAsSoonAsAStateRepeats() {
        TexFailure failure = assertThrows(TexFailure.class,
                () -> compiler(pass -> "\\newlabel{a}{{" + (pass % 2) + "}{1}}\n").compile(job()));
        assertEquals(3, ran.size());
        assertTrue(failure.getMessage().contains("returned to an earlier state"), failure.getMessage());
    }

    @Test
    void aTimeoutNamesTheMilestoneAndPass() {
        ProcessRunner hanging = spec -> new ProcessOutcome(-1, true, List.of(), Duration.ofSeconds(10));
        ProcessRunner hangingTex = spec -> spec.executable().getFileName().toString().equals("kpsewhich")
                ? new ProcessOutcome(0, false, List.of("/usr/share"), Duration.ofMillis(10)) : hanging.run(spec);
        TexCompiler compiler = new TexCompiler(hangingTex, toolchain(), new TexLogParser(5), ReportLog.SILENT,
                PARENT);
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> compiler.compile(job()));
        assertTrue(e.getMessage().startsWith("pdflatex pass 1 did not finish within 10 s (report.timeout)"),
                e.getMessage());
    }

    @Test
    void theEngineRunsWithoutShellEscapeWithParanoidFileAccessAndOnlyTheEnvironmentTexNeeds() throws Exception {
        compiler(pass -> "\\relax\n").compile(job());
        ProcessSpec spec = specs.get(0);
        assertFalse(spec.inherit(), "TeX must not start from the build's environment");
        Map<String, String> environment = spec.environment();
        assertEquals("p", environment.get("openin_any"), "the CI's own value never weakens the sandbox");
        assertEquals("p", environment.get("openout_any"));
        assertEquals("f", environment.get("shell_escape"));
        assertEquals("/usr/bin:/bin", environment.get("PATH"));
        assertFalse(environment.containsKey("GITHUB_TOKEN"), "no CI secret reaches TeX");
        assertTrue(spec.arguments().containsAll(List.of("-no-shell-escape", "-no-parse-first-line", "-recorder")),
                spec.arguments().toString());
    }
}
