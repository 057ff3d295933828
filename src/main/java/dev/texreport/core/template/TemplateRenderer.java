package dev.texreport.core.template;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import freemarker.cache.FileTemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the team's {@code .tex.ftl} files and the pack's document template with FreeMarker, escaping every
 * interpolated value for LaTeX. Errors become {@link SourceException}s naming the template file, line and column.
 */
public final class TemplateRenderer {
    /** A missing value explained by the exception handler, for the message made when the exception arrives. */
    private record Explained(String expression, String explanation) { }

    private static final ThreadLocal<Explained> EXPLAINED = new ThreadLocal<>();

    private final Path sourceDir;
    private final Configuration config;

    public TemplateRenderer(Path sourceDir) throws ReportException {
        this.sourceDir = sourceDir;
        this.config = new Configuration(Configuration.VERSION_2_3_34);
        try {
            config.setTemplateLoader(new FileTemplateLoader(sourceDir.toFile()));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read templates from " + sourceDir + ": " + e.getMessage(), e);
        }
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());
        config.setOutputEncoding(StandardCharsets.UTF_8.name());
        config.setOutputFormat(LatexOutputFormat.INSTANCE);
        config.setRecognizeStandardFileExtensions(false);
        config.setLocale(Locale.ROOT);
        // Numbers from results files print exactly as written (2.50, 1e-05); others in the "computer" format,
        // without locale grouping: 12345.678 never becomes "12,345.678".
        config.setCustomNumberFormats(Map.of(WrittenNumberFormat.NAME, WrittenNumberFormat.FACTORY));
        config.setNumberFormat("@" + WrittenNumberFormat.NAME);
        config.setBooleanFormat("c");
        // The handler runs where the error happened, while loop variables and macro parameters still exist: a
        // missing key is explained there, from the variables the template sees (an <#assign>ed name included).
        config.setTemplateExceptionHandler((te, env, out) -> {
            if (te instanceof InvalidReferenceException && te.getBlamedExpressionString() != null) {
                EXPLAINED.set(new Explained(te.getBlamedExpressionString(),
                        ModelPaths.describeMissing(te.getBlamedExpressionString(), env, Map.of())));
            }
            throw te;
        });
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        // Templates are untrusted input too: no instantiating Java classes, no reaching into the Java API.
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setLocalizedLookup(false);
    }

    /** The wrapper that turns Java values into what templates see. */
    public freemarker.template.ObjectWrapper objectWrapper() {
        return config.getObjectWrapper();
    }

    /** Renders one template below the source directory. */
    public RenderedFile render(Path templateFile, Map<String, Object> model) throws ReportException {
        String name = ProjectPaths.slashes(sourceDir.relativize(templateFile));
        String source = readSource(templateFile);
        try {
            Template template = config.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return new RenderedFile(templateFile, out.toString(), LineMap.align(source, out.toString()));
        } catch (ParseException e) {
            throw parseError(e, templateFile);
        } catch (TemplateException e) {
            throw runtimeError(e, model);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read template " + templateFile + ": " + e.getMessage(), e);
        }
    }

    /** Renders a template given as text (the pack's document template); {@code name} appears in messages. */
    public String renderText(String name, String text, Map<String, Object> model) throws ReportException {
        try {
            Template template = new Template(name, new StringReader(text), config);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new EnvironmentException("The template pack's " + name + " does not parse at line "
                    + e.getLineNumber() + ": " + e.getEditorMessage(), e);
        } catch (TemplateException e) {
            throw new EnvironmentException("The template pack's " + name + " failed at line " + e.getLineNumber()
                    + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot render " + name + ": " + e.getMessage(), e);
        }
    }

    private SourceException parseError(ParseException e, Path fallbackFile) {
        Path file = e.getTemplateName() == null ? fallbackFile : sourceDir.resolve(e.getTemplateName());
        SourceLocation where = new SourceLocation(file, e.getLineNumber(), e.getColumnNumber());
        String line = SourceLines.line(file, e.getLineNumber());
        String message = "FreeMarker syntax error: " + firstLine(e.getEditorMessage()) + mathHint(line)
                + SyntaxHints.of(line, e.getEditorMessage());
        return new SourceException(Diagnostic.error(where, message).withSourceLine(line));
    }

    private SourceException runtimeError(TemplateException e, Map<String, Object> model) {
        Path file = e.getTemplateSourceName() == null ? null : sourceDir.resolve(e.getTemplateSourceName());
        int lineNumber = e.getLineNumber() == null ? 0 : e.getLineNumber();
        int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
        String line = file == null ? "" : SourceLines.line(file, lineNumber);
        String message;
        String expression = e.getBlamedExpressionString();
        Explained explained = EXPLAINED.get();
        EXPLAINED.remove();
        if (e instanceof InvalidReferenceException && expression != null) {
            String why = explained != null && explained.expression().equals(expression) ? explained.explanation()
                    : ModelPaths.describeMissing(expression, model);
            message = "'" + expression + "' is missing: " + why + mathHint(line);
        } else {
            message = reason(e.getMessageWithoutStackTop());
        }
        SourceLocation where = file == null ? null : new SourceLocation(file, lineNumber, column);
        return new SourceException(Diagnostic.error(where, message).withSourceLine(line));
    }

    /** {@code ${\alpha}} in LaTeX math collides with FreeMarker's interpolation syntax; say so when it happens. */
    private static String mathHint(String line) {
        if (line.contains("${\\")) {
            return ". In a .tex.ftl file '${' starts a FreeMarker interpolation; for LaTeX math write '$ {' or \\( ... \\)";
        }
        return "";
    }

    /**
     * FreeMarker's own sentence, with its reason when the first line only announces it ("Template inclusion failed
     * (for parameter value "/etc/passwd"):" is followed by why), and a hint for includes that leave src/report.
     */
    static String reason(String text) {
        String first = firstLine(text);
        if (!first.endsWith(":")) {
            return first;
        }
        StringBuilder reason = new StringBuilder(first);
        for (String line : text.strip().lines().skip(1).toList()) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("----") || stripped.startsWith("Tip:")
                    || stripped.startsWith("The name was interpreted by")) {
                break;
            }
            reason.append(' ').append(stripped);
        }
        String result = reason.toString();
        if (result.startsWith("Template inclusion failed") || result.startsWith("Template importing failed")) {
            result += " Templates may include only files below src/report, named from there, e.g."
                    + " <#include \"/shared/macros.ftl\">.";
        }
        return result;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static String readSource(Path file) throws ReportException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SourceException(Diagnostic.error(SourceLocation.of(file, 0),
                    "is not valid UTF-8; save it with UTF-8 encoding"));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }


    /** A rendered template: its source file, the LaTeX text and the map from output lines to source lines. */
    public record RenderedFile(Path source, String text, LineMap lines) { }
}
