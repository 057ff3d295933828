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
        int at = find(call, 0, i -> call.startsWith(name, i) && (i == 0 || !isNamePart(call.charAt(i - 1)))
                && isAssignment(call, skipSpace(call, i + name.length())));
        if (at == call.length()) {
            return null;
        }
        return valueFrom(call, skipSpace(call, skipSpace(call, at + name.length()) + 1));
    }

    /** The expression starting at {@code start}: up to the next {@code name=} or the end of the call. */
    private static String valueFrom(String call, int start) {
        int end = find(call, start, i -> call.startsWith("/>", i) || call.charAt(i) == '>' && i > start
                || Character.isWhitespace(call.charAt(i)) && nextIsParameter(call, i));
        String text = call.substring(start, end).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The first position from {@code from} that is outside quotes and brackets (FreeMarker's string literals, method
     * calls, sequences and hashes) where {@code stop} holds, or the length of {@code call}.
     */
    private static int find(String call, int from, java.util.function.IntPredicate stop) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < call.length(); i++) {
            char c = call.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && stop.test(i)) {
                return i;
            }
        }
        return call.length();
    }

    /** Whether {@code call} has {@code =} (not {@code ==}) at {@code at}. */
    private static boolean isAssignment(String call, int at) {
        return at < call.length() && call.charAt(at) == '=' && (at + 1 >= call.length() || call.charAt(at + 1) != '=');
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
        return isAssignment(call, skipSpace(call, i));
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
