package dev.texreport.core.template;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for LaTeX. With auto-escaping on, every {@code ${...}} that yields plain text (results
 * JSON, POM fields) is escaped so it prints literally and can never run as LaTeX. Raw LaTeX from data needs the
 * explicit {@code ?no_esc} built-in.
 */
public final class LatexOutputFormat extends CommonMarkupOutputFormat<TemplateLatexOutputModel> {
    public static final LatexOutputFormat INSTANCE = new LatexOutputFormat();

    private LatexOutputFormat() {
    }

    @Override
    public String getName() {
        return "LaTeX";
    }

    @Override
    public String getMimeType() {
        return "application/x-latex";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escape(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected TemplateLatexOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new TemplateLatexOutputModel(plainTextContent, markupContent);
    }

    /**
     * Escapes text for LaTeX's text mode. The ten special characters get their text-mode commands; {@code <}, {@code >},
     * {@code |} and {@code "} are spelt out because T1-encoded fonts would otherwise print other glyphs. Control
     * characters other than tab and newline are dropped: TeX would treat them as invalid input.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append("\\{");
                case '}' -> out.append("\\}");
                case '$' -> out.append("\\$");
                case '&' -> out.append("\\&");
                case '#' -> out.append("\\#");
                case '%' -> out.append("\\%");
                case '_' -> out.append("\\_");
                case '^' -> out.append("\\textasciicircum{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                case '|' -> out.append("\\textbar{}");
                case '"' -> out.append("\\textquotedbl{}");
                case '\r' -> { }
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
