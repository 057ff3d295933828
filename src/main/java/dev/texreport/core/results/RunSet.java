package dev.texreport.core.results;

import dev.texreport.core.numbers.MetricSpec;
import dev.texreport.core.numbers.NonFinite;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * (Over the house's 250 lines on purpose: the accepted shapes, the run index and the selection and grouping built on it share one
 * normalised key, and splitting them would spread that rule over several files.)
 *
 * Runs as the vocabulary works on them: a list of records (one per run: identifying fields such as method and
 * dataset, a seed, and metric values) plus the metric declarations that came with them.
 *
 * <p>Accepted shapes, so teams can keep what their scripts write:
 * <ul>
 *   <li>a list of records: {@code [{"method": "ViT", "seed": 0, "top1": 0.81}, ...]}</li>
 *   <li>the recommended file shape: {@code {"metrics": {"top1": {...}}, "runs": [...]}} (also an MLflow store)</li>
 *   <li>a folder or object of records, e.g. {@code results/vit/seed0.json, seed1.json}: each value is a run</li>
 *   <li>a folder or object of lists of records, e.g. TensorBoard runs: their records, one list after the other</li>
 * </ul>
 *
 * <p>The records are the loader's own objects (not copies), so a message can name the file and line of a run.
 * Selecting and grouping index the runs once by a normalised value ({@link #key}), so a table of thousands of
 * rows costs one pass over the runs, not one per row.
 */
public record RunSet(List<Map<String, Object>> runs, Map<String, MetricSpec> metrics, RunOrigin origin) {
    public RunSet {
        runs = List.copyOf(runs);
        metrics = Map.copyOf(metrics);
    }

    public RunSet(List<Map<String, Object>> runs, Map<String, MetricSpec> metrics) {
        this(runs, metrics, RunOrigin.UNKNOWN);
    }

    public static RunSet from(Object data) {
        return from(data, RunOrigin.UNKNOWN);
    }

    @SuppressWarnings("unchecked")
    public static RunSet from(Object data, RunOrigin origin) {
        if (data instanceof List<?> list) {
            return new RunSet(records(list), Map.of(), origin);
        }
        if (data instanceof Map<?, ?> map) {
            Object runs = map.get("runs");
            if (runs instanceof List<?> list) {
                return new RunSet(records(list), declarations(map.get("metrics")), origin);
            }
            if (!map.isEmpty() && map.values().stream().allMatch(v -> v instanceof Map<?, ?>)) {
                return new RunSet(records(map.values()), Map.of(), origin);
            }
            if (!map.isEmpty() && map.values().stream().allMatch(v -> v instanceof List<?>)) {
                List<Object> all = new ArrayList<>();
                map.values().forEach(v -> all.addAll((List<?>) v));
                return new RunSet(records(all), Map.of(), origin);
            }
            throw new IllegalArgumentException("expected runs: a list of records, an object with a 'runs' list, or a "
                    + "folder of run files; this object has the keys " + String.join(", ",
                    ((Map<String, ?>) map).keySet()));
        }
        throw new IllegalArgumentException("expected runs (a list of records), not " + describe(data));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Collection<?> items) {
        List<Map<String, Object>> records = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("run " + index + " is " + describe(item)
                        + ", not a record with fields such as method, seed and metric values");
            }
            records.add((Map<String, Object>) map);
            index++;
        }
        return records;
    }

    private static Map<String, MetricSpec> declarations(Object metrics) {
        Map<String, MetricSpec> specs = new LinkedHashMap<>();
        if (metrics instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> declaration)) {
                    throw new IllegalArgumentException("metric '" + key + "' must be declared as an object such as "
                            + "{\"name\": \"Top-1\", \"direction\": \"higher\", \"decimals\": 1}");
                }
                specs.put(key, MetricSpec.fromMap(key, declaration));
            }
        }
        return specs;
    }

    /** The declared spec for a metric, overridden by what the template call says. */
    public MetricSpec metric(String key, MetricSpec fromCall) {
        MetricSpec declared = metrics.getOrDefault(key, MetricSpec.plain(key));
        return fromCall == null ? declared : declared.overriddenBy(fromCall);
    }

    /** The same runs with others in their place. */
    public RunSet with(List<Map<String, Object>> selected) {
        return new RunSet(selected, metrics, origin);
    }

    /** Every field name of the runs, in order of first appearance. */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        for (Map<String, Object> run : runs) {
            fields.addAll(run.keySet());
        }
        return fields;
    }

    /** The runs whose fields equal the given values. */
    public List<Map<String, Object>> where(Map<String, Object> filter) {
        if (filter.isEmpty()) {
            return runs;
        }
        List<Map.Entry<String, Object>> wanted = new ArrayList<>();
        filter.forEach((k, v) -> wanted.add(Map.entry(k, key(v))));
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> run : runs) {
            boolean all = true;
            for (Map.Entry<String, Object> f : wanted) {
                if (!f.getValue().equals(key(run.get(f.getKey())))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                selected.add(run);
            }
        }
        return selected;
    }

    /**
     * The runs matching {@code filter}; when none does, an error that says why: a field no run has (with the
     * fields there are), a value no run has (with the values there are), or a combination of values no run has.
     */
    public RunSet select(Map<String, Object> filter) {
        if (filter.isEmpty()) {
            return this;
        }
        List<Map<String, Object>> selected = where(filter);
        if (!selected.isEmpty()) {
            return with(selected);
        }
        String all = " (" + runs.size() + " runs in all)";
        for (Map.Entry<String, Object> f : filter.entrySet()) {
            Map<Object, Group> values = groups(f.getKey(), runs);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no run matches where=" + filter + ": no run has the field '"
                        + f.getKey() + "'; the runs have: " + list(new ArrayList<>(fields()))  + all);
            }
            if (!values.containsKey(key(f.getValue()))) {
                throw new IllegalArgumentException("no run matches where=" + filter + ": no run has " + f.getKey()
                        + "=" + f.getValue() + "; its values are: " + list(values.values().stream()
                        .map(g -> (Object) g.value()).toList()) + all);
            }
        }
        throw new IllegalArgumentException("no run matches where=" + filter + ": each value occurs, but no run has"
                + " them all" + all);
    }

    /** Up to 20 values, then how many more. */
    public static String list(List<?> values) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(20, values.size()); i++) {
            shown.add(String.valueOf(values.get(i)));
        }
        return String.join(", ", shown) + (values.size() > 20 ? " and " + (values.size() - 20) + " more" : "");
    }

    /** The runs that have a value for {@code field}, grouped by it; the value as first seen, and its runs. */
    public record Group(Object value, List<Map<String, Object>> runs) { }

    /** The runs grouped by a field's value, in order of first appearance, in one pass. */
    public static Map<Object, Group> groups(String field, List<Map<String, Object>> within) {
        Map<Object, Group> groups = new LinkedHashMap<>();
        for (Map<String, Object> run : within) {
            Object value = run.get(field);
            if (value != null) {
                groups.computeIfAbsent(key(value), k -> new Group(value, new ArrayList<>())).runs().add(run);
            }
        }
        return groups;
    }

    /** Distinct values of a field, in order of first appearance. */
    public List<Object> distinct(String field, List<Map<String, Object>> within) {
        return groups(field, within).values().stream().map(Group::value).toList();
    }

    /**
     * A metric's values over the given runs. A run without the key has no value; NaN and infinities are counted;
     * any other value that is not a number (text, true/false, null, a list) is an error naming the run's file and
     * line, the run and the key, so a number written as text is never dropped without a word.
     */
    public MetricValues values(List<Map<String, Object>> selected, String metric) {
        List<BigDecimal> finite = new ArrayList<>(selected.size());
        int notFinite = 0;
        for (Map<String, Object> run : selected) {
            if (!run.containsKey(metric)) {
                continue;
            }
            Object value = run.get(metric);
            if (value instanceof NonFinite) {
                notFinite++;
                continue;
            }
            BigDecimal number = number(value);
            if (number == null) {
                throw notANumber(run, metric, value);
            }
            finite.add(number);
        }
        return new MetricValues(finite, notFinite);
    }

    /** The error for a value that should be a number. */
    public IllegalArgumentException notANumber(Map<String, Object> run, String metric, Object value) {
        String where = origin.of(run);
        String hint = value instanceof String text && number(CsvRuns.value(text)) != null
                ? "; write it without quotes: " + text
                : value == null ? "; leave the key out of runs that have no value" : "";
        return new IllegalArgumentException((where.isEmpty() ? "" : where + ": ") + "run " + identify(run, metric) + ": '"
                + metric + "' is " + describe(value) + ", not a number" + hint);
    }

    /** A run's identifying fields, e.g. {@code (method=LoRA, seed=2)}, without the field {@code except}. */
    public static String identify(Map<String, Object> run, String except) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> field : run.entrySet()) {
            Object value = field.getValue();
            if (field.getKey().equals(except)) {
                continue;
            }
            if (parts.size() < 3 && (value instanceof String || field.getKey().equals("seed")
                    || field.getKey().equals("run") || field.getKey().equals("step"))) {
                parts.add(field.getKey() + "=" + value);
            }
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** An exact number for a value, or null when it is not a finite number. */
    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof NonFinite) {
            return null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    /**
     * The value by which runs are selected and grouped: numbers by their value (0.10 and 0.1 are the same), text
     * that is a plain decimal likewise (so where={"seed": "0"} finds seed 0), anything else by its text.
     */
    public static Object key(Object value) {
        if (value == null) {
            return "\u0000null";
        }
        BigDecimal number = number(value);
        if (number == null && value instanceof String text && !text.isBlank()) {
            number = number(CsvRuns.value(text.strip()));
        }
        if (number != null) {
            return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        }
        return String.valueOf(value);
    }

    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return key(a).equals(key(b));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        return "the text \"" + value + "\"";
    }
}
