package dev.texreport.core.template.vocab;

import dev.texreport.core.numbers.Direction;
import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NumberText;
import dev.texreport.core.numbers.Notation;
import dev.texreport.core.results.RunSet;
import dev.texreport.core.template.LatexOutputFormat;
import dev.texreport.core.template.ModelPaths;
import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * (Over the house's 250 lines on purpose: one typed getter per parameter kind, each with its own message naming the call, the parameter
 * and what it expects.)
 *
 * The named parameters of one vocabulary call, e.g. {@code <@table runs=results.main rows="method" .../>}, with
 * messages that name the call, the parameter and what was expected.
 */
final class Params {
    private final String call;
    private final Map<String, TemplateModel> raw;
    private final Environment env;
    private final String place;

    /**
     * @param env   the template's environment at the call (null in tests without a template)
     * @param place the call's template and line, e.g. {@code final/01.tex.ftl:7}
     */
    @SuppressWarnings("unchecked")
    Params(String call, Map<?, ?> params, Set<String> known, Environment env, String place)
            throws TemplateModelException {
        this.call = call;
        this.raw = (Map<String, TemplateModel>) params;
        this.env = env;
        this.place = place;
        for (Map.Entry<String, TemplateModel> param : raw.entrySet()) {
            String name = param.getKey();
            if (!known.contains(name)) {
                throw new TemplateModelException("<@" + call + ">: unknown parameter '" + name + "'; it takes: "
                        + String.join(", ", new TreeSet<>(known)));
            }
            if (param.getValue() == null) {
                throw new TemplateModelException("<@" + call + ">: " + missing(name));
            }
        }
    }

    /**
     * Why a parameter has no value: the expression the call gave, explained like a missing {@code ${...}}
     * ({@code 'value' is results.cifar.top1, which is missing: results.cifar has no 'top1'; it has: ...}).
     */
    private String missing(String name) {
        String expression = null;
        if (env != null && env.getCurrentDirectiveCallPlace() != null) {
            DirectiveCallPlace place = env.getCurrentDirectiveCallPlace();
            String text = place.getTemplate().getSource(place.getBeginColumn(), place.getBeginLine(),
                    place.getEndColumn(), place.getEndLine());
            expression = CallSource.expression(text, name);
        }
        if (expression == null) {
            return "'" + name + "' is missing (null)";
        }
        return "'" + name + "' is " + expression + ", which is missing: "
                + ModelPaths.describeMissing(expression, env, Map.of());
    }

    /** The template's environment at the call, or null. */
    Environment env() {
        return env;
    }

    /** The call's template and line, e.g. {@code final/01.tex.ftl:7}; empty when unknown. */
    String place() {
        return place;
    }

    /** The place followed by ": ", for warnings; empty when unknown. */
    String prefix() {
        return place.isEmpty() ? "" : place + ": ";
    }

    String call() {
        return call;
    }

    boolean has(String name) {
        return raw.containsKey(name);
    }

    /** The unwrapped Java value, or null when the parameter is absent. */
    Object value(String name) throws TemplateModelException {
        TemplateModel model = raw.get(name);
        return model == null ? null : DeepUnwrap.unwrap(model);
    }

    Object required(String name, String example) throws TemplateModelException {
        if (!raw.containsKey(name)) {
            throw new TemplateModelException("<@" + call + ">: the parameter '" + name + "' is required, e.g. " + example);
        }
        Object value = value(name);
        if (value == null) {
            throw new TemplateModelException("<@" + call + ">: " + missing(name));
        }
        return value;
    }

    String string(String name, String fallback) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateModelException("<@" + call + ">: '" + name + "' must be text, not a list or object");
        }
        return String.valueOf(value);
    }

    /**
     * LaTeX text for captions and labels: a plain string is escaped (it may come from results data); markup made
     * with {@code ?no_esc} or {@code <#outputformat>} is taken as LaTeX.
     */
    String latex(String name, String fallback) throws TemplateModelException {
        TemplateModel model = raw.get(name);
        if (model == null) {
            return fallback;
        }
        if (model instanceof TemplateMarkupOutputModel<?> markup) {
            return LatexOutputFormat.INSTANCE.getMarkupString(cast(markup));
        }
        return LatexOutputFormat.escape(string(name, fallback));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    boolean bool(String name, boolean fallback) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new TemplateModelException("<@" + call + ">: '" + name + "' must be true or false, not " + value);
    }

    Integer integer(String name) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
            throw new TemplateModelException("<@" + call + ">: '" + name + "' must be a whole number >= 0, not " + value);
        }
        return number.intValueExact();
    }

    /** A number, also given as text ({@code "1e-15"}, which FreeMarker cannot write as a number literal). */
    BigDecimal decimal(String name) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal number = RunSet.number(value instanceof String text ? RunSet.key(text) : value);
        if (number != null) {
            return number;
        }
        throw new TemplateModelException("<@" + call + ">: '" + name + "' must be a number, not '" + value + "'");
    }

    Notation notation() throws TemplateModelException {
        try {
            return Notation.parse(string("notation", "auto"));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("<@" + call + ">: " + e.getMessage());
        }
    }

    /** A choice among fixed words, e.g. {@code xmode} of {@code linear} or {@code log}. */
    String choice(String name, String fallback, String... allowed) throws TemplateModelException {
        String value = string(name, fallback);
        if (value != null && !List.of(allowed).contains(value)) {
            throw new TemplateModelException("<@" + call + ">: " + name + " must be " + String.join(" or ",
                    List.of(allowed).stream().map(a -> "'" + a + "'").toList()) + ", not '" + value + "'");
        }
        return value;
    }

    List<String> strings(String name) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            list.forEach(v -> strings.add(String.valueOf(v)));
            return strings;
        }
        if (value instanceof Map<?, ?> map) {
            List<String> strings = new ArrayList<>();
            map.keySet().forEach(k -> strings.add(String.valueOf(k)));
            return strings;
        }
        throw new TemplateModelException("<@" + call + ">: '" + name + "' must be a list such as [\"top1\", \"top5\"]");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) throws TemplateModelException {
        Object value = value(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        throw new TemplateModelException("<@" + call + ">: '" + name + "' must be an object such as "
                + "{\"dataset\": \"CIFAR-10\"}");
    }

    /** Per-metric settings given as {@code metrics={"top1": {"decimals": 1}}}; a plain list gives none. */
    Map<String, MetricSpec> metricOverrides(String name) throws TemplateModelException {
        Object value = value(name);
        Map<String, MetricSpec> overrides = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> declaration)) {
                    throw new TemplateModelException("<@" + call + ">: metric '" + key + "' must map to settings such as"
                            + " {\"decimals\": 1}");
                }
                overrides.put(key, metric(key, declaration));
            }
        }
        return overrides;
    }

    /** The single-metric settings given directly on the call: name, direction, unit, scale, decimals, ... */
    MetricSpec inlineMetric(String key) throws TemplateModelException {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String field : List.of("name", "direction", "unit", "scale", "decimals", "significant", "percent")) {
            if (has(field)) {
                Object value = value(field);
                settings.put(field, field.equals("scale") ? decimal("scale") : value);
            }
        }
        return metric(key, settings);
    }

    private MetricSpec metric(String key, Map<?, ?> settings) throws TemplateModelException {
        try {
            return MetricSpec.fromMap(key, settings);
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("<@" + call + ">: " + e.getMessage());
        }
    }

    NumberText.Grouping grouping() throws TemplateModelException {
        try {
            return NumberText.Grouping.parse(string("group", "si"));
        } catch (IllegalArgumentException e) {
            throw new TemplateModelException("<@" + call + ">: " + e.getMessage());
        }
    }

    static Direction direction(String text) {
        return Direction.parse(text);
    }
}
