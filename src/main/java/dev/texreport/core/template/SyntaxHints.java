package dev.texreport.core.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints for FreeMarker syntax errors that come from writing a call's parameters like Python or LaTeX: numbers in
 * exponent notation, which FreeMarker does not have, and LaTeX backslashes in strings, where FreeMarker reads a
 * backslash as the start of an escape.
 */
final class SyntaxHints {
    private static final Pattern EXPONENT = Pattern.compile("(?<![\\w.\"'])(\\d+(?:\\.\\d+)?[eE][+-]?\\d+)");
    private static final Pattern STRING = Pattern.compile("(?<![\\w])(r?)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
    private static final Pattern BAD_ESCAPE = Pattern.compile("\\\\([^\"'\\\\nrtbfglax{=])");

    private SyntaxHints() {
    }

    /** Hints for the source line of a syntax error, each starting with ". "; empty when none applies. */
    static String of(String line, String message) {
        StringBuilder hints = new StringBuilder();
        String outsideStrings = STRING.matcher(line).replaceAll("\"\"");
        Matcher exponent = EXPONENT.matcher(outsideStrings);
        if (exponent.find()) {
            String number = exponent.group(1);
            hints.append(". FreeMarker has no exponent notation: write ").append(number).append(" as ")
                    .append(new java.math.BigDecimal(number).toPlainString())
                    .append(", or as the string \"").append(number).append("\" (the calls read numbers given as text)");
        }
        Matcher string = STRING.matcher(line);
        while (string.find()) {
            if (!string.group(1).isEmpty()) {
                continue;
            }
            Matcher bad = BAD_ESCAPE.matcher(string.group(2));
            if (bad.find()) {
                hints.append(". In a FreeMarker string a backslash starts an escape, and \\").append(bad.group(1))
                        .append(" is none: text given to a call prints literally, so write the character alone (\"W&B\""
                                + " prints W&B); for LaTeX write the backslash twice (\"\\\\textbf\") or use a raw"
                                + " string, r\"\\textbf{x}\", marked ?no_esc");
                break;
            }
        }
        return hints.toString();
    }
}
