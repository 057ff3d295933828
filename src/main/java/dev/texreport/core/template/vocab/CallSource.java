package dev.texreport.core.template.vocab;

/**
 * Finds the expression a call gave for a parameter in the call's source text, e.g. {@code results.cifar.top1} in
 * {@code <@num value=results.cifar.top1 percent=true/>}, so that a parameter whose value is missing can be explained
 * like a missing {@code ${...}}. FreeMarker keeps a call's parsed arguments to itself; the source text is public.
 */
final class CallSource {
    private CallSource() {
    }

    /** The expression text of {@code name=...} in {@code call}, or null when it cannot be found. */
    static String expression(String call, String name) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < call.length(); i++) {
            char c = call.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default -> {
                    if (depth == 0 && call.startsWith(name, i) && (i == 0 || !isNamePart(call.charAt(i - 1)))) {
                        int eq = skipSpace(call, i + name.length());
                        if (eq < call.length() && call.charAt(eq) == '=' && (eq + 1 >= call.length()
                                || call.charAt(eq + 1) != '=')) {
                            return valueFrom(call, skipSpace(call, eq + 1));
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The expression starting at {@code start}: up to the next {@code name=} or the end of the call. */
    private static String valueFrom(String call, int start) {
        int depth = 0;
        char quote = 0;
        int i = start;
        for (; i < call.length(); i++) {
            char c = call.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && (call.startsWith("/>", i) || c == '>' && i > start
                    || Character.isWhitespace(c) && nextIsParameter(call, i))) {
                break;
            }
        }
        String text = call.substring(start, i).strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean nextIsParameter(String call, int at) {
        int i = skipSpace(call, at);
        int start = i;
        while (i < call.length() && isNamePart(call.charAt(i))) {
            i++;
        }
        if (i == start) {
            return call.startsWith("/>", i) || i < call.length() && call.charAt(i) == '>';
        }
        int eq = skipSpace(call, i);
        return eq < call.length() && call.charAt(eq) == '=' && (eq + 1 >= call.length() || call.charAt(eq + 1) != '=');
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
