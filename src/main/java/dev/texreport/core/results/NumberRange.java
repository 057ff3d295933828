package dev.texreport.core.results;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Refuses results numbers that no double can hold, with the file, the key and its line. */
final class NumberRange {
    private NumberRange() {
    }

    /**
     * Numbers a report cannot hold: every value must fit a double, as every training framework writes them (Python's
     * json writes 1e400 as Infinity). A larger exponent is a typo or a corrupt file, and would print as hundreds of
     * digits (1e999999999 would not print at all).
     */
    static void check(Object value, String path, Path file, List<Diagnostic> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> check(v, path.isEmpty() ? String.valueOf(key) : path + "." + key, file,
                    problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", file, problems);
            }
        } else if (value instanceof BigDecimal number && number.signum() != 0) {
            // The decimal exponent: precision - scale - 1 (1e400 has precision 1, scale -400).
            long exponent = (long) number.precision() - number.scale() - 1;
            if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
                String key = path.isEmpty() ? "the value" : "'" + path + "'";
                String named = path.replaceAll("(\\[\\d+])+$", "");
                String last = named.substring(named.lastIndexOf('.') + 1);
                int line = lineOf(file, last);
                problems.add(Diagnostic.error(SourceLocation.of(file, line), key + " is "
                        + number.round(new MathContext(3)).toString().replace("E", "e")
                        + ", beyond what a double can hold (about 1e-308 to 1e308 in size), which every training"
                        + " framework writes; check the value").withSourceLine(SourceLines.line(file, line)));
            }
        }
    }

    private static final long MAX_EXPONENT = 308;
    private static final long MIN_EXPONENT = -324;

    /** The first line of the file that names {@code key} as a field, 0 when none does. */
    private static int lineOf(Path file, String key) {
        if (key.isEmpty()) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + key + "\"")) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return 0;
    }
}
