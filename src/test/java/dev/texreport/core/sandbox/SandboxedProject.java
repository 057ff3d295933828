package dev.texreport.core.sandbox;

import dev.texreport.core.tex.CommonsExecProcessRunner;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A project laid out as the plugin lays it out (src/report with figures, target/report/&lt;milestone&gt; as TeX's
 * working directory), run directly with a real engine the way TexCompiler runs it, plus an "outside" folder with a
 * secret, images and a PDF that no document may reach.
 */
final class SandboxedProject {
    static final String SECRET = "TEXREPORT-SECRET-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    final Path project;
    final Path sources;
    final Path output;
    final Path workDir;
    final Path outside;
    final Path varDirectory;
    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();
    private final EngineLocator locator = new EngineLocator(null, System.getenv("PATH"));

    SandboxedProject(Path base) throws IOException {
        project = base.resolve("team");
        sources = project.resolve("src/report");
        output = project.resolve("target/report");
        workDir = output.resolve("final");
        outside = base.resolve("outside");
        varDirectory = TexEnvironment.varDirectory(output);
        Files.createDirectories(sources.resolve("figures"));
        Files.createDirectories(workDir);
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), SECRET + "\n", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("victim.txt"), "rename me", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("victim2.txt"), "remove me", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("secret.lua"), "return '" + SECRET + "'\n", StandardCharsets.UTF_8);
        copyTexFile("example-image-a.png", outside.resolve("outside.png"));
        copyTexFile("example-image-b.pdf", outside.resolve("outside.pdf"));
        copyTexFile("example-image-c.png", sources.resolve("figures/inside.png"));
    }

    /** The environment TexCompiler gives TeX, on top of the allowlisted environment of this JVM. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(TexEnvironment.forTex(System.getenv(), varDirectory));
        environment.put("openin_any", "p");
        environment.put("openout_any", "p");
        environment.put("shell_escape", "f");
        environment.put("max_print_line", "100000");
        environment.put("SOURCE_DATE_EPOCH", "1700000000");
        environment.put("FORCE_SOURCE_DATE", "1");
        environment.put("TEXINPUTS", ".:" + sources.resolve("figures") + "//:" + sources + ":");
        environment.put("BIBINPUTS", ".:" + sources + ":");
        return environment;
    }

    SandboxRoots roots() throws Exception {
        ProcessOutcome kpsewhich = runner.run(new ProcessSpec(locator.locate("kpsewhich"),
                TexInstallation.kpsewhichArguments(), workDir, environment(), Duration.ofSeconds(30)));
        TexInstallation tex = TexInstallation.fromKpsewhich(kpsewhich.output(), System.getenv("HOME"));
        return SandboxRoots.of(workDir, List.of(sources), varDirectory, tex);
    }

    ProcessOutcome run(String engine, List<String> extraArguments, String mainTex) throws Exception {
        Files.writeString(workDir.resolve("main.tex"), mainTex, StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(extraArguments);
        arguments.addAll(List.of("-interaction=nonstopmode", "-halt-on-error", "-file-line-error", "-recorder",
                "-no-shell-escape", "main.tex"));
        return runner.run(new ProcessSpec(locator.locate(engine), arguments, workDir, environment(),
                Duration.ofSeconds(120)));
    }

    /** lualatex with the sandbox, as the plugin is to run it. */
    ProcessOutcome lualatex(String mainTex) throws Exception {
        Path script = LuaSandbox.install(LuaSandbox.scriptFile(output, "final"), roots(), "main");
        return run("lualatex", LuaSandbox.engineArguments(script), mainTex);
    }

    /** lualatex as the plugin runs it today, for the control cases that show a probe is real. */
    ProcessOutcome lualatexUnprotected(String mainTex) throws Exception {
        return run("lualatex", List.of(), mainTex);
    }

    /** One xelatex pass that writes main.xdv instead of a PDF, as the plugin is to run XeLaTeX. */
    ProcessOutcome xelatexNoPdf(String mainTex) throws Exception {
        return run("xelatex", List.of("-no-pdf"), mainTex);
    }

    /** The PDF driver run once on main.xdv. */
    ProcessOutcome xdvipdfmx() throws Exception {
        return runner.run(new ProcessSpec(locator.locate("xdvipdfmx"), XdvSpecialCheck.driverArguments("main"),
                workDir, environment(), Duration.ofSeconds(120)));
    }

    List<String> xdvProblems() throws Exception {
        return new XdvSpecialCheck(roots()).problems(XdvReader.read(workDir.resolve("main.xdv")));
    }

    Path pdf() {
        return workDir.resolve("main.pdf");
    }

    List<String> log() throws IOException {
        Path log = workDir.resolve("main.log");
        return Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
    }

    /** Every file below the outside folder and the TeX installation's writable var tree, to see what appeared. */
    TreeSet<String> outsideFiles() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(outside)) {
            files.forEach(file -> names.add(outside.relativize(file).toString()));
        }
        return names;
    }

    /** Whether the PDF holds the secret: in its text, or in any stream or string once decoded. */
    boolean pdfContainsSecret() throws IOException {
        if (!Files.isRegularFile(pdf())) {
            return false;
        }
        try (PDDocument document = Loader.loadPDF(pdf().toFile())) {
            if (new PDFTextStripper().getText(document).contains(SECRET)) {
                return true;
            }
            var cos = document.getDocument();
            for (var key : cos.getXrefTable().keySet()) {
                COSObject object = cos.getObjectFromPool(key);
                if (object != null && contains(object.getObject())) {
                    return true;
                }
            }
        } catch (Exception e) {
            // fall through to the raw bytes
        }
        return new String(Files.readAllBytes(pdf()), StandardCharsets.ISO_8859_1).contains(SECRET);
    }

    private static boolean contains(COSBase base) throws IOException {
        if (base instanceof COSStream stream) {
            try (InputStream in = stream.createInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(SECRET);
            } catch (IOException e) {
                try (InputStream raw = stream.createRawInputStream()) {
                    return new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1).contains(SECRET);
                }
            }
        }
        return base != null && base.toString().contains(SECRET);
    }

    /** The number of image XObjects on the PDF's pages. */
    int images() throws IOException {
        if (!Files.isRegularFile(pdf())) {
            return 0;
        }
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf().toFile())) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private void copyTexFile(String name, Path target) throws IOException {
        try {
            ProcessOutcome found = runner.run(new ProcessSpec(locator.locate("kpsewhich"), List.of(name), workDir,
                    Map.of(), Duration.ofSeconds(30)));
            Files.copy(Path.of(found.output().get(0).strip()), target);
        } catch (dev.texreport.core.EnvironmentException e) {
            throw new IOException(e);
        }
    }
}
