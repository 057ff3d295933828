package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preamble format's key, reuse and fallback, against a fake engine: its {@code -ini} run writes a format file,
 * a log with the {@code \showlists} listing and a recorder file naming one file of the working directory and one
 * of the "installation"; its passes write a PDF and an .aux without cross-references (one pass).
 */
class FormatCacheTest {
    private static final String PREAMBLE = "\\documentclass{article}\n\\usepackage{texreport-neurips}\n"
            + FormatCache.MARKER + "\n";

    @TempDir
    Path root;
    private Path bin;
    private Path out;
    private Path installation;
    private final List<List<String>> dumps = new ArrayList<>();
    private final List<List<String>> passes = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();
    /** What the fake -ini run does: null = a good dump; else the error line it logs (and no format). */
    private String dumpError;
    /** What the fake -ini run's \showlists shows on the page. */
    private List<String> pageNodes = List.of();
    /** Whether passes started from a format fail (a format the engine cannot use). */
    private boolean formatPassesFail;
    /** Whether every pass writes another .aux (references that never settle). */
    private boolean drifting;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectories(root.resolve("bin"));
        for (String program : List.of("pdflatex", "kpsewhich")) {
            Path file = bin.resolve(program);
            Files.writeString(file, "#!/bin/sh\n");
            file.toFile().setExecutable(true);
        }
        out = Files.createDirectories(root.resolve("project/target/report"));
        installation = Files.createDirectories(root.resolve("texlive"));
        Files.writeString(installation.resolve("article.cls"), "% the class\n");
    }

    private Path milestone(String id, String style) throws IOException {
        Path work = Files.createDirectories(out.resolve(id));
        Files.writeString(work.resolve("main.tex"), PREAMBLE + "\\texreportNotice{" + id + "}\n\\begin{document}\n"
                + id + "\n\\end{document}\n");
        Files.writeString(work.resolve("texreport-neurips.sty"), style);
        return work;
    }

    private CompileJob job(Path work, boolean shellEscape) {
        return new CompileJob(work.getFileName().toString(), Engine.PDFLATEX, work, "main",
                Map.of("TEXINPUTS", ".:" + work.resolveSibling("src-" + work.getFileName()) + "//:"),
                Duration.ofSeconds(10), shellEscape, 0L, List.of(root.resolve("project/src")), out);
    }

    private ProcessOutcome fakeEngine(ProcessSpec spec) {
        String program = spec.executable().getFileName().toString();
        if (program.equals("kpsewhich")) {
            return new ProcessOutcome(0, false, List.of(installation.toString()), Duration.ofMillis(1));
        }
        Path work = spec.workingDir();
        try {
            if (spec.arguments().contains("-ini")) {
                dumps.add(spec.arguments());
                List<String> log = new ArrayList<>(List.of("This is a fake pdfTeX (INITEX)",
                        "LaTeX Font Warning: Font shape `OT1/fakefont/m/n' undefined"));
                String fls = "PWD " + work + "\nINPUT " + installation.resolve("article.cls") + "\nINPUT "
                        + "./texreport-neurips.sty\nINPUT ./main.tex\nOUTPUT texreport-format.log\n";
                if (dumpError != null) {
                    log.add(dumpError);
                } else {
                    log.addAll(List.of("### vertical mode entered at line 0", "### current page:"));
                    log.addAll(pageNodes);
                    log.addAll(List.of("", "prevdepth 0.0", "", "! OK.", "Beginning to dump on file x.fmt"));
                    Files.writeString(work.resolve("texreport-format.fmt"), "a format of " + work);
                    fls += "OUTPUT texreport-format.fmt\n";
                }
                Files.write(work.resolve("texreport-format.log"), log);
                Files.writeString(work.resolve("texreport-format.fls"), fls);
                return new ProcessOutcome(1, false, List.of(), Duration.ofMillis(500));
            }
            passes.add(spec.arguments());
            boolean fromFormat = spec.arguments().stream().anyMatch(a -> a.startsWith("-fmt="));
            Files.writeString(work.resolve("main.log"), "This is a fake log\n");
            Files.writeString(work.resolve("main.fls"), "PWD " + work + "\nOUTPUT main.aux\nOUTPUT main.log\n");
            Files.writeString(work.resolve("main.aux"), drifting ? "\\newlabel{a}{{" + passes.size() + "}{1}}\n"
                    : "\\relax\n");
            if (fromFormat && formatPassesFail) {
                Files.deleteIfExists(work.resolve("main.pdf"));
                return new ProcessOutcome(1, false, List.of("! Undefined control sequence."), Duration.ofMillis(1));
            }
            Files.writeString(work.resolve("main.pdf"), "%PDF");
            return new ProcessOutcome(0, false, List.of(), Duration.ofMillis(100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TexCompiler compiler(String engineVersion) throws EnvironmentException {
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { debug.add(message); }
            @Override public void info(String message) { }
            @Override public void warn(String message) { }
            @Override public void error(String message) { }
        };
        return new TexCompiler(this::fakeEngine, Toolchain.locate(new EngineLocator(bin, null), Engine.PDFLATEX),
                new TexLogParser(5), collecting, Map.of("PATH", "/usr/bin"),
                new FormatCache(out, engineVersion, collecting), 1, null);
    }

    private static Optional<String> formatArgument(List<String> arguments) {
        return arguments.stream().filter(a -> a.startsWith("-fmt=")).findFirst();
    }

    @Test
    void milestonesWithTheSamePreambleShareOneDumpAndEveryPassStartsFromIt() throws Exception {
        TexCompiler compiler = compiler("pdfTeX 3.141592653-2.6-1.40.24");
        compiler.compile(job(milestone("proposal", "% style v1\n"), false));
        compiler.compile(job(milestone("final", "% style v1\n"), false));
        assertEquals(1, dumps.size());
        assertTrue(dumps.get(0).containsAll(List.of("-ini", "&pdflatex", "texreport-dump.ltx", "mylatexformat.ltx",
                "main.tex")), dumps.get(0).toString());
        assertTrue(dumps.get(0).contains("-no-shell-escape"), "the dump runs under the same switches as a pass");
        assertEquals(2, passes.size());
        String format = formatArgument(passes.get(0)).orElseThrow();
        assertEquals(Optional.of(format), formatArgument(passes.get(1)));
        assertTrue(format.startsWith("-fmt=" + out.resolve(".texreport/formats/pdflatex-")), format);
        assertTrue(Files.isRegularFile(Path.of(format.substring("-fmt=".length()) + ".fmt")));
        assertFalse(Files.exists(out.resolve("final/texreport-format.fmt")), "the dump's files are cleaned up");
        assertFalse(Files.exists(out.resolve("final/texreport-dump.ltx")));
        // A later build (a new FormatCache) finds the format on disk and dumps nothing.
        compiler("pdfTeX 3.141592653-2.6-1.40.24").compile(job(out.resolve("final"), false));
        assertEquals(1, dumps.size());
        assertEquals(Optional.of(format), formatArgument(passes.get(2)));
    }

    @Test
    void aChangedFileThePreambleReadMakesANewFormat() throws Exception {
        compiler("v1").compile(job(milestone("final", "% style v1\n"), false));
        String first = formatArgument(passes.get(0)).orElseThrow();
        Files.writeString(out.resolve("final/texreport-neurips.sty"), "% style v2: \\RequirePackage{xcolor}\n");
        compiler("v1").compile(job(out.resolve("final"), false));
        assertEquals(2, dumps.size());
        String second = formatArgument(passes.get(1)).orElseThrow();
        assertNotEquals(first, second);
        assertFalse(Files.exists(Path.of(first.substring("-fmt=".length()) + ".fmt")), "the old format is removed");
    }

    @Test
    void anUpdatedFileOfTheInstallationMakesANewFormat() throws Exception {
        compiler("v1").compile(job(milestone("final", "% style\n"), false));
        compiler("v1").compile(job(out.resolve("final"), false));
        assertEquals(1, dumps.size(), "unchanged: its size and time are checked, not its content again");
        Files.writeString(installation.resolve("article.cls"), "% the class, updated by tlmgr\n");
        compiler("v1").compile(job(out.resolve("final"), false));
        assertEquals(2, dumps.size());
        assertTrue(debug.stream().anyMatch(l -> l.contains("article.cls changed")), debug.toString());
    }

    @Test
    void anotherEngineVersionNeverUsesTheFormat() throws Exception {
        compiler("pdfTeX 1.40.24").compile(job(milestone("final", "% style\n"), false));
        compiler("pdfTeX 1.40.25").compile(job(out.resolve("final"), false));
        assertEquals(2, dumps.size());
        assertNotEquals(formatArgument(passes.get(0)), formatArgument(passes.get(1)));
        assertNotEquals(FormatKey.key(Engine.PDFLATEX, "pdfTeX 1.40.24", Map.of(), PREAMBLE),
                FormatKey.key(Engine.PDFLATEX, "pdfTeX 1.40.25", Map.of(), PREAMBLE));
        assertNotEquals(FormatKey.key(Engine.PDFLATEX, "v", Map.of(), PREAMBLE),
                FormatKey.key(Engine.LUALATEX, "v", Map.of(), PREAMBLE));
    }

    @Test
    void aPreambleThatCannotBeDumpedFallsBackOnceWithOneDebugLine() throws Exception {
        dumpError = "! LaTeX Error: This package cannot be used in a format.";
        TexCompiler build = compiler("v1");
        build.compile(job(milestone("proposal", "% style\n"), false));
        build.compile(job(milestone("final", "% style\n"), false));
        assertEquals(List.of("[proposal] no preamble format, plain passes: the dump stopped: ! LaTeX Error: This"
                + " package cannot be used in a format."), reasons(), "one line per build, not per milestone");
        compiler("v1").compile(job(out.resolve("final"), false));
        assertEquals(1, dumps.size(), "the refusal is kept: the next build does not dump the same preamble again");
        assertEquals(2, reasons().size());
        assertEquals(3, passes.size());
        assertTrue(passes.stream().allMatch(p -> formatArgument(p).isEmpty()), "plain passes");
    }

    private List<String> reasons() {
        return debug.stream().filter(l -> l.contains("no preamble format")).toList();
    }

    @Test
    void materialLeftOnThePageIsGivenBackOrRefused() throws Exception {
        pageNodes = List.of("\\write-{}", "\\pdfcolorstack 0 push {0 g 0 G}");
        compiler("v1").compile(job(milestone("final", "% style\n"), false));
        assertEquals("\\write-1{}\n\\pdfcolorstack 0 push {0 g 0 G}\n",
                Files.readString(out.resolve("final/" + FormatDump.PAGE_FILE)));

        FormatDump.Page boxed = FormatDump.page(List.of("### vertical mode entered at line 0", "### current page:",
                "\\hbox(6.94444+0.0)x345.0", "", "prevdepth 0.0"));
        assertEquals("the preamble leaves material on the page (\\hbox(6.94444+0.0)x345.0)", boxed.refused());
        FormatDump.Page paragraph = FormatDump.page(List.of("### horizontal mode entered at line 3"));
        assertTrue(paragraph.refused().startsWith("the preamble is not in vertical mode"), paragraph.refused());
        FormatDump.Page empty = FormatDump.page(List.of("(./main.tex", "### vertical mode entered at line 0",
                "### current page:", "", "prevdepth 0.0"));
        assertNull(empty.refused());
        assertEquals("", empty.replay());
        assertEquals(1, empty.listingStart(), "the preamble's own log ends where the listing starts");
    }

    @Test
    void withoutTheMarkerOrWithShellEscapeEveryPassIsPlain() throws Exception {
        Path work = milestone("final", "% style\n");
        compiler("v1").compile(job(work, true));
        Files.writeString(work.resolve("main.tex"), "\\documentclass{article}\n\\begin{document}\nx\n\\end{document}\n");
        compiler("v1").compile(job(work, false));
        assertEquals(List.of(), dumps);
        assertTrue(passes.stream().allMatch(p -> formatArgument(p).isEmpty()));
        assertTrue(debug.stream().anyMatch(l -> l.endsWith("shell escape is on, and a preamble may run commands while"
                + " it loads")), debug.toString());
        assertTrue(debug.stream().anyMatch(l -> l.contains("main.tex has no line")), debug.toString());
    }

    @Test
    void aFormatWhosePassesFailWherePlainPassesSucceedIsNotUsedAgain() throws Exception {
        formatPassesFail = true;
        CompileOutcome outcome = compiler("v1").compile(job(milestone("final", "% style\n"), false));
        assertEquals(1, outcome.enginePasses());
        assertEquals(2, passes.size());
        assertTrue(formatArgument(passes.get(0)).isPresent());
        assertTrue(formatArgument(passes.get(1)).isEmpty(), "retried plainly");
        compiler("v1").compile(job(out.resolve("final"), false));
        assertEquals(1, dumps.size());
        assertTrue(formatArgument(passes.get(2)).isEmpty(), "the format is distrusted until the preamble changes");
    }

    @Test
    void aDocumentThatFailsAfterAPassFromTheFormatIsNotRetriedPlainly() {
        drifting = true;
        TexFailure failure = org.junit.jupiter.api.Assertions.assertThrows(TexFailure.class,
                () -> compiler("v1").compile(job(milestone("final", "% style\n"), false)));
        assertTrue(failure.getMessage().startsWith("cross-references do not converge"), failure.getMessage());
        assertEquals(TexCompiler.MAX_PASSES, passes.size(), "the format worked; plain passes would fail the same way");
        assertTrue(passes.stream().allMatch(p -> formatArgument(p).isPresent()));
    }

    @Test
    void aFileOfTheMilestonesOwnThatWouldHideOneThePreambleReadIsNoticed() throws Exception {
        TexCompiler compiler = compiler("v1");
        compiler.compile(job(milestone("proposal", "% style\n"), false));
        Path own = Files.createDirectories(out.resolve("src-final"));
        Files.writeString(own.resolve("article.cls"), "% the team's own class\n");
        compiler.compile(job(milestone("final", "% style\n"), false));
        assertEquals(2, dumps.size());
    }

    @Test
    void theWarningsOfThePreambleStillReachTheBuild() throws Exception {
        CompileOutcome outcome = compiler("v1").compile(job(milestone("final", "% style\n"), false));
        assertTrue(formatArgument(passes.get(0)).isPresent());
        assertTrue(outcome.messages().stream().anyMatch(m -> m.text().contains("fakefont")),
                outcome.messages().toString());
    }
}
