package dev.texreport.core.template;

import freemarker.core.Environment;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a missing value: walks a simple path such as {@code results.cifar.top1}, {@code run.top1} (a loop
 * variable) or {@code results["vit-s16"].runs[2]} and names the keys that do exist where the walk stopped. The walk
 * starts from the template's variables as FreeMarker sees them at the point of the error, so a name made with
 * {@code <#assign>}, {@code <#list ... as run>} or a macro's parameter is followed like the data model.
 */
public final class ModelPaths {
    private static final Pattern STEP = Pattern.compile(
            "\\G(?:^|\\.)([A-Za-z_][\\w$]*)|\\G\\[\\s*[\"']([^\"']*)[\"']\\s*]|\\G\\[\\s*(\\d+)\\s*]");

    private ModelPaths() {
    }

    /** What is missing in {@code expression}, from the variables of {@code env} (or {@code model} without one). */
    public static String describeMissing(String expression, Environment env, Map<String, Object> model) {
        List<String> steps = parse(expression.strip());
        try {
            if (steps == null) {
                return "it is not defined" + (env == null ? "; the data model has: " + keys(model.keySet()) : "");
            }
            String first = steps.get(0);
            TemplateModel current = env != null ? env.getVariable(first)
                    : model.get(first) == null ? null : wrap(model.get(first));
            if (current == null) {
                TreeSet<String> names = new TreeSet<>();
                if (env != null) {
                    for (Object name : env.getKnownVariableNames()) {
                        names.add(String.valueOf(name));
                    }
                } else {
                    names.addAll(model.keySet());
                }
                return "'" + first + "' is not defined; the variables are: " + keys(names);
            }
            StringBuilder walked = new StringBuilder(first);
            for (String step : steps.subList(1, steps.size())) {
                boolean index = step.startsWith("#");
                String name = index ? step.substring(1) : step;
                TemplateModel next;
                if (index && current instanceof TemplateSequenceModel list) {
                    int i = Integer.parseInt(name);
                    if (i >= list.size()) {
                        return walked + " has " + list.size() + " item(s), so no [" + i + "]"
                                + (list.size() > 0 ? " (the last is [" + (list.size() - 1) + "])" : "");
                    }
                    next = list.get(i);
                    if (next == null) {
                        return walked + "[" + i + "] is null";
                    }
                } else if (!index && current instanceof TemplateHashModel hash) {
                    next = hash.get(name);
                    if (next == null) {
                        String has = current instanceof TemplateHashModelEx ex ? "; it has: " + keys(ex) : "";
                        return walked + " has no '" + name + "'" + has;
                    }
                } else {
                    return walked + " is " + kind(current) + ", so it has no " + (index ? "[" + name + "]"
                            : "'" + name + "'");
                }
                walked.append(index ? "[" + name + "]" : "." + name);
                current = next;
            }
            return "it is null";
        } catch (TemplateModelException | RuntimeException e) {
            return "it is not defined";
        }
    }

    /** Kept for callers without an environment: the data model only. */
    static String describeMissing(String expression, Map<String, Object> model) {
        return describeMissing(expression, null, model);
    }

    private static TemplateModel wrap(Object value) throws TemplateModelException {
        if (value instanceof TemplateModel model) {
            return model;
        }
        return freemarker.template.DefaultObjectWrapper.getDefaultInstance().wrap(value);
    }

    /** Splits a path expression into keys ({@code #2} for an index), or returns null when it is not a plain path. */
    static List<String> parse(String expression) {
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(expression);
        int end = 0;
        while (m.find() && m.start() == end) {
            steps.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "#" + m.group(3));
            end = m.end();
        }
        return end == expression.length() && !steps.isEmpty() && !steps.get(0).startsWith("#") ? steps : null;
    }

    private static String kind(TemplateModel model) {
        if (model instanceof TemplateSequenceModel) {
            return "a list";
        }
        if (model instanceof TemplateScalarModel) {
            return "text";
        }
        if (model instanceof freemarker.template.TemplateNumberModel) {
            return "a number";
        }
        return "not an object";
    }

    private static String keys(TemplateHashModelEx hash) throws TemplateModelException {
        List<String> names = new ArrayList<>();
        TemplateCollectionModel keys = hash.keys();
        TemplateModelIterator it = keys.iterator();
        while (it.hasNext()) {
            TemplateModel key = it.next();
            names.add(key instanceof TemplateScalarModel s ? s.getAsString() : String.valueOf(key));
        }
        return keys(names);
    }

    private static String keys(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return "(nothing)";
        }
        List<String> shown = new ArrayList<>(names);
        if (shown.size() > 40) {
            return String.join(", ", shown.subList(0, 40)) + " and " + (shown.size() - 40) + " more";
        }
        return String.join(", ", shown);
    }
}
