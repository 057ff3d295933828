package dev.texreport.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a missing value in the data model: walks a simple path such as {@code results.cifar.top1} or
 * {@code results["vit-s16"].seed0} and names the keys that do exist where the walk stopped.
 */
final class ModelPaths {
    private static final Pattern STEP = Pattern.compile("\\G(?:^|\\.)([A-Za-z_][\\w$]*)|\\G\\[\\s*[\"']([^\"']*)[\"']\\s*]");

    private ModelPaths() {
    }

    static String describeMissing(String expression, Map<String, Object> model) {
        List<String> steps = parse(expression.strip());
        if (steps == null) {
            return "it is not defined; the data model has: " + keys(model);
        }
        Object current = model;
        StringBuilder walked = new StringBuilder();
        for (String step : steps) {
            if (current instanceof ResultsModel folder) {
                current = folder.children();
            }
            if (!(current instanceof Map<?, ?> map)) {
                return walked + " is not an object, so it has no '" + step + "'";
            }
            Object next = map.get(step);
            if (next == null) {
                String where = walked.length() == 0 ? "the data model" : walked.toString();
                return where + " has no '" + step + "'; it has: " + keys(map);
            }
            walked.append(walked.length() == 0 ? "" : ".").append(step);
            current = next instanceof ResultsModel folder ? folder.children() : next;
        }
        return "it is null";
    }

    /** Splits a path expression into keys, or returns null when it is not a plain path. */
    static List<String> parse(String expression) {
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(expression);
        int end = 0;
        while (m.find() && m.start() == end) {
            steps.add(m.group(1) != null ? m.group(1) : m.group(2));
            end = m.end();
        }
        return end == expression.length() && !steps.isEmpty() ? steps : null;
    }

    private static String keys(Map<?, ?> map) {
        if (map.isEmpty()) {
            return "(nothing)";
        }
        List<String> names = new ArrayList<>();
        map.keySet().forEach(k -> names.add(String.valueOf(k)));
        return String.join(", ", names);
    }
}
