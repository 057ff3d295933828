package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.texreport.core.BuildResult;
import dev.texreport.core.Engine;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile or careless case issue 10 names, in one run, on the real engines: each case builds a fresh team
 * project, and the run prints a table of what was expected and what happened before it fails on any miss. A secret
 * outside the project is planted for the cases that try to reach it; they check that it is in no PDF and that no
 * file appeared outside the project.
 */
class ReliabilityCorpusIT {
    private static final String SECRET = "TOP-SECRET-4711";

    @TempDir
    Path dir;

    /** One scenario: what must happen, and the run that checks it and says what did happen. */
    private record Case(String name, String expected, Scenario scenario) { }

    @FunctionalInterface
    private interface Scenario {
        String run(Path root, Path outside) throws Exception;
    }

    private final List<Case> cases = List.of(
            new Case("symlink to /etc/passwd, \\input", "refused before TeX, naming link and target",
                    (root, outside) -> refusedLink(root, "src/report/figures/pw.tex", Path.of("/etc/passwd"),
                            "\\input{pw}")),
            new Case("symlink to /proc/self/environ", "refused before TeX",
                    (root, outside) -> refusedLink(root, "src/report/figures/env.tex",
                            Path.of("/proc/self/environ"), "\\input{env}")),
            new Case("symlinked folder leaving the project", "refused before TeX",
                    (root, outside) -> refusedLink(root, "src/report/figures/data", outside, "\\input{data/secret}")),
            new Case("symlinked PNG outside the project", "refused before TeX",
                    (root, outside) -> refusedLink(root, "src/report/figures/plot.png", outside.resolve("plot.png"),
                            "\\includegraphics{plot}")),
            new Case("symlinked section file", "refused before TeX",
                    (root, outside) -> refusedLink(root, "src/report/final/02-leak.tex", outside.resolve("secret.tex"),
                            "")),
            new Case("symlinked .ftl in shared/", "refused before FreeMarker reads it",
                    (root, outside) -> refusedLink(root, "src/report/shared/m.ftl", outside.resolve("secret.tex"),
                            "")),
            new Case("symlink cycle", "refused, a loop named",
                    ReliabilityCorpusIT::linkCycle),
            new Case("lualatex: Lua io reads a file outside", "refused by the Lua sandbox, secret in no PDF",
                    (root, outside) -> lua(root, outside, "local f = io.open('" + outside.resolve("secret.tex")
                            + "'); if f then tex.print(f:read('*a')) end", "refused reading")),
            new Case("lualatex: Lua io writes outside", "refused, no file outside",
                    (root, outside) -> lua(root, outside, "local f = io.open('" + outside.resolve("written.txt")
                            + "', 'w'); if f then f:write('x') f:close() end", "refused writing")),
            new Case("lualatex: os.getenv of a CI secret", "the secret never reaches TeX",
                    ReliabilityCorpusIT::luaEnvironment),
            new Case("xelatex: \\includegraphics of a PNG outside", "refused before the PDF driver",
                    ReliabilityCorpusIT::xelatexImage),
            new Case("pdflatex: \\includegraphics{/etc/hostname}", "one refused read at its line",
                    ReliabilityCorpusIT::absoluteImage),
            new Case("only references.bib edited", "bibtex reruns, the PDF shows the new year",
                    ReliabilityCorpusIT::bibOnlyEdit),
            new Case("a bibliography without citations", "builds, no reference list",
                    ReliabilityCorpusIT::noCitations),
            new Case("a .bib syntax error", "reported at the .bib line, cause first",
                    ReliabilityCorpusIT::bibSyntaxError),
            new Case("an unescaped & in a .bib title", "reported at the .bib entry, not the .bbl",
                    ReliabilityCorpusIT::bibAmpersand),
            new Case("two builds of one project at once", "both pass, one waited, no false errors",
                    ReliabilityCorpusIT::concurrentBuilds),
            new Case("a results file with a duplicate key", "summary.json says failed, with the error",
                    ReliabilityCorpusIT::summaryAfterEarlyFailure),
            new Case("a final without a Conclusion", "the last good PDF stays, final.failed.pdf beside it",
                    ReliabilityCorpusIT::contentRuleKeepsGoodPdf),
            new Case("a damaged PNG", "the cause first, at the \\includegraphics line",
                    ReliabilityCorpusIT::damagedPng),
            new Case("<#include \"/etc/passwd\">", "the whole reason, no crash",
                    ReliabilityCorpusIT::includeOutside),
            new Case("1e400 in a results file", "refused with file and key",
                    ReliabilityCorpusIT::hugeNumber),
            new Case("an endless loop", "stopped at the timeout, one milestone prefix",
                    ReliabilityCorpusIT::timeout));

    @Test
    void everyHostileCaseEndsAsExpected() throws Exception {
        List<String[]> rows = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path root = dir.resolve("case" + i + "/team");
            Path outside = Files.createDirectories(dir.resolve("case" + i + "/outside"));
            Files.writeString(outside.resolve("secret.tex"), SECRET + "\n");
            Files.copy(Path.of(kpsewhich("example-image-a.png")), outside.resolve("plot.png"));
            String got;
            boolean ok;
            try {
                got = c.scenario().run(root, outside);
                assertNoSecret(root);
                assertFalse(Files.exists(outside.resolve("written.txt")), "a file appeared outside the project");
                ok = true;
            } catch (AssertionError | Exception e) {
                got = "MISSED: " + e.getMessage();
                ok = false;
                failed++;
            }
            rows.add(new String[] {ok ? "ok" : "MISS", c.name(), c.expected(), oneLine(got)});
        }
        print(rows);
        assertEquals(0, failed, failed + " case(s) missed; see the table above");
    }

    // ---- the scenarios -----------------------------------------------------------------------------------------

    private static TeamProject project(Path root) throws IOException {
        return new TeamProject(root).file("src/report/final/01.tex", "\\section{Introduction}\nText.\n");
    }

    private static MilestoneResult buildFinal(TeamProject project) throws ReportException {
        return project.build(project.request().milestones(List.of("final")).build()).milestones().get(0);
    }

    private static String refusedLink(Path root, String link, Path target, String use) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex", "\\section{A}\n" + use + "\n");
        Path at = root.resolve(link);
        Files.createDirectories(at.getParent());
        Files.createSymbolicLink(at, target);
        SourceException e = assertThrows(SourceException.class, () -> buildFinal(project));
        String message = e.diagnostics().get(0).format(root);
        assertTrue(message.startsWith(link + ": is a symbolic link to ") && message.contains("outside the project"),
                message);
        assertTrue(project.processes.stream().noneMatch(p -> p.endsWith("latex")), "TeX never ran");
        JsonNode summary = summary(root);
        assertFalse(summary.path("passed").asBoolean(true), "summary.json says failed");
        return message;
    }

    private static String linkCycle(Path root, Path outside) throws Exception {
        TeamProject project = project(root);
        Path figures = Files.createDirectories(root.resolve("src/report/figures"));
        Files.createSymbolicLink(figures.resolve("a"), figures.resolve("b"));
        Files.createSymbolicLink(figures.resolve("b"), figures.resolve("a"));
        SourceException e = assertThrows(SourceException.class, () -> buildFinal(project));
        String message = e.diagnostics().get(0).format(root);
        assertTrue(message.contains("loop") || message.contains("leads back to itself"), message);
        return message;
    }

    private static String lua(Path root, Path outside, String lua, String refusal) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex",
                "\\section{A}\n\\directlua{" + lua + "}\nText.\n");
        MilestoneResult result = project.build(project.request().engine(Engine.LUALATEX)
                .milestones(List.of("final")).build()).milestones().get(0);
        assertFalse(result.passed(), "the build fails");
        String error = String.join("\n", result.errors());
        assertTrue(error.contains(refusal), error);
        return result.errors().get(0);
    }

    private static String luaEnvironment(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex",
                "\\section{A}\nToken: \\directlua{tex.print(tostring(os.getenv('GITHUB_TOKEN')))}.\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("GITHUB_TOKEN", SECRET);
        project.environment = environment;
        MilestoneResult result = project.build(project.request().engine(Engine.LUALATEX)
                .milestones(List.of("final")).build()).milestones().get(0);
        assertTrue(result.passed(), String.join("\n", result.errors()));
        String text = text(result.pdf());
        assertTrue(text.contains("Token: nil."), text);
        return "os.getenv gave nil; the PDF says 'Token: nil.'";
    }

    private static String xelatexImage(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex", "\\section{A}\n"
                + "\\includegraphics[width=2cm]{" + outside.resolve("plot.png") + "}\n");
        MilestoneResult result = project.build(project.request().engine(Engine.XELATEX)
                .milestones(List.of("final")).build()).milestones().get(0);
        assertFalse(result.passed());
        assertNull(result.pdf(), "no PDF was made");
        String error = result.errors().get(0);
        assertTrue(error.contains("XeLaTeX asked its PDF driver for"), error);
        return error;
    }

    private static String absoluteImage(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex",
                "\\section{A}\nText.\n\\includegraphics{/etc/hostname}\n");
        MilestoneResult result = buildFinal(project);
        assertEquals(1, result.errors().size(), String.join("\n", result.errors()));
        assertTrue(result.errors().get(0).startsWith("src/report/final/01.tex:3: reading /etc/hostname is not"
                + " allowed"), result.errors().get(0));
        return result.errors().get(0);
    }

    private static final String BIB = "@article{vaswani2017attention, author = {Ashish Vaswani},\n"
            + "  title = {Attention is All you Need}, journal = {NeurIPS},\n  year = {2017}\n}\n";

    private static String bibOnlyEdit(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/references.bib", BIB)
                .file("src/report/final/01.tex", "\\section{A}\nAs shown by \\citet{vaswani2017attention}.\n");
        assertTrue(text(buildFinal(project).pdf()).contains("2017"));
        project.file("src/report/references.bib", BIB.replace("2017}", "2019}"));
        project.log.clear();
        MilestoneResult result = buildFinal(project);
        String text = text(result.pdf());
        assertTrue(text.contains("2019") && !text.contains("2017"), text);
        assertTrue(project.log.stream().anyMatch(l -> l.contains("bibtex (references.bib changed)")),
                project.log.toString());
        return "bibtex (references.bib changed); the PDF shows 2019";
    }

    private static String noCitations(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/references.bib", BIB);
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), String.join("\n", result.errors()));
        assertFalse(text(result.pdf()).contains("References"));
        assertTrue(project.processes.stream().noneMatch(p -> p.equals("bibtex")), "bibtex did not run");
        return "passed without bibtex, no reference list";
    }

    private static String bibSyntaxError(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/references.bib", BIB.replace("Vaswani},", "Vaswani}"))
                .file("src/report/final/01.tex", "\\section{A}\nCited \\citep{vaswani2017attention}.\n");
        MilestoneResult result = buildFinal(project);
        String error = result.errors().get(0);
        assertTrue(error.startsWith("src/report/references.bib:1: missing ','"), error);
        return error;
    }

    private static String bibAmpersand(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/references.bib", BIB.replace("Attention is",
                        "Attention & Transformers is"))
                .file("src/report/final/01.tex", "\\section{A}\nCited \\citep{vaswani2017attention}.\n");
        MilestoneResult result = buildFinal(project);
        String error = result.errors().get(0);
        assertTrue(error.startsWith("src/report/references.bib:2: Misplaced alignment tab character &"), error);
        return error;
    }

    private static String concurrentBuilds(Path root, Path outside) throws Exception {
        TeamProject first = project(root).file("src/report/references.bib", BIB)
                .file("src/report/final/01.tex", "\\section{A}\nCited \\citep{vaswani2017attention}.\n");
        TeamProject second = new TeamProject(root);
        CompletableFuture<BuildResult> one = CompletableFuture.supplyAsync(() -> build(first));
        CompletableFuture<BuildResult> two = CompletableFuture.supplyAsync(() -> build(second));
        BuildResult a = one.get();
        BuildResult b = two.get();
        assertTrue(a.passed() && b.passed(), a.failed() + " " + b.failed());
        boolean waited = Stream.concat(first.log.stream(), second.log.stream())
                .anyMatch(l -> l.startsWith("INFO Waiting for another report build in this project"));
        assertTrue(waited, "one build waited for the other");
        assertTrue(summary(root).path("passed").asBoolean(), "summary.json is a whole, passing summary");
        return "both passed; one waited for the other";
    }

    private static BuildResult build(TeamProject project) {
        try {
            return project.build(project.request().milestones(List.of("final")).build());
        } catch (ReportException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summaryAfterEarlyFailure(Path root, Path outside) throws Exception {
        TeamProject project = project(root);
        assertTrue(summary(rootAfter(project)).path("passed").asBoolean());
        project.file("src/report/results/main.json", "{\"acc\": 0.9, \"acc\": 0.8}");
        assertThrows(SourceException.class, () -> buildFinal(project));
        JsonNode summary = summary(root);
        assertFalse(summary.path("passed").asBoolean(true), summary.toString());
        String error = summary.path("errors").get(0).asText();
        assertTrue(error.contains("Duplicate field 'acc'"), error);
        return "summary.json: passed=false, " + error;
    }

    private static Path rootAfter(TeamProject project) throws ReportException {
        buildFinal(project);
        return project.root();
    }

    private static String contentRuleKeepsGoodPdf(Path root, Path outside) throws Exception {
        TeamProject project = new TeamProject(root).file("src/report/references.bib", BIB)
                .file("src/report/final/01.tex", "\\section{Introduction}\nSee \\citep{vaswani2017attention}.\n"
                        + "\\section{Conclusion}\nDone.\n");
        MilestoneResult good = project.build(project.request().template("builtin").milestones(List.of("final"))
                .build()).milestones().get(0);
        assertTrue(good.passed(), String.join("\n", good.errors()));
        byte[] before = Files.readAllBytes(root.resolve("target/report/final.pdf"));
        project.file("src/report/final/01.tex", "\\section{Introduction}\nSee \\citep{vaswani2017attention}.\n");
        MilestoneResult bad = project.build(project.request().template("builtin").milestones(List.of("final"))
                .build()).milestones().get(0);
        assertFalse(bad.passed());
        assertArrayEquals(before, Files.readAllBytes(root.resolve("target/report/final.pdf")));
        assertEquals(root.resolve("target/report/final.failed.pdf"), bad.pdf());
        assertTrue(Files.isRegularFile(bad.pdf()));
        return "final.pdf unchanged; " + root.relativize(bad.pdf());
    }

    private static String damagedPng(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex",
                "\\section{A}\nText.\n\\includegraphics{bad}\n");
        Files.createDirectories(root.resolve("src/report/figures"));
        Files.write(root.resolve("src/report/figures/bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n',
            0x1a, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R', 'g', 'a', 'r', 'b', 'a', 'g', 'e'});
        MilestoneResult result = buildFinal(project);
        String error = result.errors().get(0);
        assertTrue(error.startsWith("src/report/final/01.tex:3: the image bad.png cannot be read"), error);
        return error;
    }

    private static String includeOutside(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex.ftl",
                "\\section{A}\n<#include \"/etc/passwd\">\n");
        MilestoneResult result = buildFinal(project);
        String error = result.errors().get(0);
        assertTrue(error.contains("Template inclusion failed") && error.contains("not found"), error);
        assertFalse(error.contains("root:"), "nothing of the file");
        return error;
    }

    private static String hugeNumber(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/results/main.json", "{\"runs\": [{\"loss\": 1e400}]}");
        SourceException e = assertThrows(SourceException.class, () -> buildFinal(project));
        String message = e.diagnostics().get(0).format(root);
        assertTrue(message.startsWith("src/report/results/main.json:1: 'runs[0].loss' is 1e400, beyond what a"
                + " double can hold"), message);
        return message;
    }

    private static String timeout(Path root, Path outside) throws Exception {
        TeamProject project = project(root).file("src/report/final/01.tex", "\\section{Loop}\n\\loop\\iftrue\\repeat\n");
        MilestoneResult result = project.build(project.request().milestones(List.of("final"))
                .timeout(Duration.ofSeconds(2)).build()).milestones().get(0);
        String error = result.errors().get(0);
        assertTrue(error.startsWith("pdflatex pass 1 did not finish within 2 s"), error);
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("")
                .contains("pdflatex")), "no pdflatex outlives the build");
        return error;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static JsonNode summary(Path root) throws IOException {
        return new ObjectMapper().readTree(root.resolve("target/report/summary.json").toFile());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** No PDF the build wrote (published, failed or in a working folder) contains the planted secret. */
    private static void assertNoSecret(Path root) throws IOException {
        Path out = root.resolve("target/report");
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path pdf : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                assertFalse(text(pdf).contains(SECRET), "the secret reached " + pdf);
            }
        }
    }

    private static String kpsewhich(String file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kpsewhich", file).start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return path;
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 110 ? line.substring(0, 107) + "..." : line;
    }

    private static void print(List<String[]> rows) {
        StringBuilder table = new StringBuilder("\nReliability corpus (issue 10): case | expected | got\n");
        for (String[] row : rows) {
            table.append(String.format(Locale.ROOT, "%-4s %-45s | %-55s | %s%n", row[0], row[1], row[2], row[3]));
        }
        System.out.println(table);
    }
}
