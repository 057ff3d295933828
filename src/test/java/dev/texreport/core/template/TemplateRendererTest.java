package dev.texreport.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {
    @TempDir
    Path src;

    private final Map<String, Object> model = Map.of("results", Map.of("cifar", cifar()));

    /** In file order, as the results loader keeps it. */
    private static Map<String, Object> cifar() {
        Map<String, Object> cifar = new java.util.LinkedHashMap<>();
        cifar.put("top1_acc", new BigDecimal("0.8132"));
        cifar.put("top5_acc", new BigDecimal("0.9701"));
        cifar.put("seeds", List.of(1, 2));
        cifar.put("run", "resnet_50 & 100% #1");
        return cifar;
    }

    private Path template(String name, String text) throws Exception {
        Path file = src.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void interpolatedDataIsEscapedAndNumbersStayExact() throws Exception {
        Path file = template("final/01.tex.ftl", "Run ${results.cifar.run}: ${results.cifar.top1_acc}.\n");
        assertEquals("Run resnet\\_50 \\& 100\\% \\#1: 0.8132.\n",
                new TemplateRenderer(src).render(file, model).text());
    }

    @Test
    void rawLatexFromDataNeedsTheExplicitNoEscOptIn() throws Exception {
        Path file = template("final/01.tex.ftl", "${'\\\\textbf{x}'?no_esc}\n");
        assertEquals("\\textbf{x}\n", new TemplateRenderer(src).render(file, model).text());
    }

    @Test
    void aMissingKeyNamesFileLineColumnAndTheKeysThatExist() throws Exception {
        Path file = template("final/02.tex.ftl", "Intro.\nWe get ${results.cifar.top1} accuracy.\n");
        SourceException e = assertThrows(SourceException.class, () -> new TemplateRenderer(src).render(file, model));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("final/02.tex.ftl:2:10", d.location().describe(src));
        assertEquals("'results.cifar.top1' is missing: results.cifar has no 'top1'; it has: top1_acc, top5_acc, "
                + "seeds, run", d.message());
        assertEquals("We get ${results.cifar.top1} accuracy.", d.sourceLine());
    }

    @Test
    void aMissingResultsFileListsTheFilesThatExist() throws Exception {
        Path file = template("final/02.tex.ftl", "${results.imagenet.top1}\n");
        SourceException e = assertThrows(SourceException.class, () -> new TemplateRenderer(src).render(file, model));
        assertTrue(e.diagnostics().get(0).message().endsWith("results has no 'imagenet'; it has: cifar"),
                e.diagnostics().get(0).message());
    }

    @Test
    void latexMathThatCollidesWithInterpolationGetsAHint() throws Exception {
        Path file = template("final/03.tex.ftl", "Cost ${\\cal O}(n)$.\n");
        SourceException e = assertThrows(SourceException.class, () -> new TemplateRenderer(src).render(file, model));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("final/03.tex.ftl:1", d.location().describe(src).replaceFirst(":\\d+$", ""));
        assertTrue(d.message().contains("for LaTeX math write '$ {'"), d.message());
    }

    @Test
    void templatesCannotInstantiateJavaClasses() throws Exception {
        Path file = template("final/04.tex.ftl",
                "<#assign ex = 'freemarker.template.utility.Execute'?new()>${ex('id')}\n");
        SourceException e = assertThrows(SourceException.class, () -> new TemplateRenderer(src).render(file, model));
        assertEquals("final/04.tex.ftl:1", e.diagnostics().get(0).location().describe(src)
                .replaceFirst(":\\d+$", ""));
    }

    @Test
    void sharedIncludesResolveFromTheReportRoot() throws Exception {
        template("shared/macros.ftl", "<#macro pct v>${(v * 100)?string('0.0')}\\%</#macro>");
        Path file = template("final/05.tex.ftl", "<#import '/shared/macros.ftl' as m>Top-1 <@m.pct "
                + "results.cifar.top1_acc/>.\n");
        assertEquals("Top-1 81.3\\%.\n", new TemplateRenderer(src).render(file, model).text());
    }

    @Test
    void anIncludeOfAFileOutsideTheReportSaysWhyItFailed() {
        String reason = TemplateRenderer.reason("Template inclusion failed (for parameter value \"/etc/passwd\"):\n"
                + "Template not found for name \"etc/passwd\".\n"
                + "The name was interpreted by this TemplateLoader: FileTemplateLoader(baseDir=\"/x\").\n\n"
                + "----\nFTL stack trace");
        assertEquals("Template inclusion failed (for parameter value \"/etc/passwd\"): Template not found for name"
                + " \"etc/passwd\". Templates may include only files below src/report, named from there, e.g."
                + " <#include \"/shared/macros.ftl\">.", reason);
    }
}
