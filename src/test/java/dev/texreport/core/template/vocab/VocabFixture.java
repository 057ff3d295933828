package dev.texreport.core.template.vocab;

import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.template.Palette;
import dev.texreport.core.template.RenderContext;
import dev.texreport.core.template.ResultsModel;
import dev.texreport.core.template.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report folder with results files, and one template rendered with the vocabulary as a build renders it. */
final class VocabFixture {
    private final Path source;
    final List<String> progress = new ArrayList<>();

    VocabFixture(Path dir) {
        this.source = dir.resolve("src/report");
    }

    Path source() {
        return source;
    }

    VocabFixture file(String relative, String content) throws IOException {
        Path file = source.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** What one rendering gave. */
    record Rendered(String text, RenderContext context, ResultsLoader.LoadedResults results) { }

    Rendered render(String template) throws ReportException, IOException {
        file("final/01.tex.ftl", template);
        ResultsLoader.LoadedResults results = new ResultsLoader(progress::add).load(source.resolve("results"));
        RenderContext context = new RenderContext(results, source.resolve("results"), Palette.of(results.model()),
                progress::add);
        TemplateRenderer renderer = new TemplateRenderer(source);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("results", new ResultsModel(results.model(), results.entries(), context, renderer.objectWrapper()));
        model.putAll(Vocabulary.calls(context));
        String text = renderer.render(source.resolve("final/01.tex.ftl"), model).text();
        return new Rendered(text, context, results);
    }

    /** The message of the error rendering {@code template} gives. */
    String error(String template) throws IOException {
        try {
            render(template);
        } catch (SourceException e) {
            return e.diagnostics().get(0).message();
        } catch (ReportException e) {
            return e.getMessage();
        }
        throw new AssertionError("rendering did not fail: " + template);
    }
}
