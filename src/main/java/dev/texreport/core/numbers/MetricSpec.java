package dev.texreport.core.numbers;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How one metric is shown: display name, direction, unit, scale and precision.
 *
 * @param key         the field in each run record, e.g. {@code top1}
 * @param name        the column header / axis label; defaults to the key
 * @param direction   higher or lower is better (decides bold/underline and the header arrow)
 * @param unit        printed after the name in headers, e.g. {@code %}
 * @param scale       multiplied into every value before printing (100 turns 0.8132 into 81.32)
 * @param decimals    digits after the decimal point, or null
 * @param significant significant digits of the mean, used when decimals is null; null means the default (3)
 * @param given       the settings stated explicitly (name, direction, unit, scale, decimals, significant), so that
 *                    a template call can also set one back to its default, e.g. {@code percent=false}
 */
public record MetricSpec(String key, String name, Direction direction, String unit, BigDecimal scale, Integer decimals,
                         Integer significant, java.util.Set<String> given) {
    public static final int DEFAULT_SIGNIFICANT = 3;

    public MetricSpec(String key, String name, Direction direction, String unit, BigDecimal scale, Integer decimals,
                      Integer significant) {
        this(key, name, direction, unit, scale, decimals, significant, stated(name, direction, unit, scale, decimals,
                significant));
    }

    private static java.util.Set<String> stated(String name, Direction direction, String unit, BigDecimal scale,
                                                Integer decimals, Integer significant) {
        java.util.Set<String> given = new java.util.HashSet<>();
        if (name != null && !name.isBlank()) {
            given.add("name");
        }
        if (direction != null) {
            given.add("direction");
        }
        if (unit != null) {
            given.add("unit");
        }
        if (scale != null) {
            given.add("scale");
        }
        if (decimals != null) {
            given.add("decimals");
        }
        if (significant != null) {
            given.add("significant");
        }
        return given;
    }

    public MetricSpec {
        given = java.util.Set.copyOf(given);
        name = name == null || name.isBlank() ? key : name;
        direction = direction == null ? Direction.NONE : direction;
        unit = unit == null ? "" : unit;
        scale = scale == null ? BigDecimal.ONE : scale;
    }

    public static MetricSpec plain(String key) {
        return new MetricSpec(key, null, null, null, null, null, null);
    }

    /**
     * Reads a declaration such as {@code {"name": "Top-1", "direction": "higher", "unit": "%", "scale": 100,
     * "decimals": 1}}; unknown fields are an error so a typo does not go unnoticed.
     */
    public static MetricSpec fromMap(String key, Map<?, ?> map) {
        for (Object field : map.keySet()) {
            if (!java.util.Set.of("name", "direction", "unit", "scale", "decimals", "significant", "percent")
                    .contains(String.valueOf(field))) {
                throw new IllegalArgumentException("metric '" + key + "' has an unknown field '" + field + "' (known: "
                        + "name, direction, unit, scale, decimals, significant, percent)");
            }
        }
        BigDecimal scale = decimal(map.get("scale"), key, "scale");
        String unit = map.get("unit") == null ? null : String.valueOf(map.get("unit"));
        if (Boolean.TRUE.equals(map.get("percent"))) {
            scale = BigDecimal.valueOf(100);
            unit = unit == null ? "%" : unit;
        } else if (Boolean.FALSE.equals(map.get("percent"))) {
            // percent=false undoes a declared percent: plain values, no unit unless one is given.
            scale = scale == null ? BigDecimal.ONE : scale;
            unit = unit == null ? "" : unit;
        }
        return new MetricSpec(key, map.get("name") == null ? null : String.valueOf(map.get("name")),
                map.get("direction") == null ? null : Direction.parse(String.valueOf(map.get("direction"))),
                unit, scale, integer(map.get("decimals"), key, "decimals"),
                integer(map.get("significant"), key, "significant"));
    }

    /** This spec with the settings {@code override} states explicitly taking precedence. */
    public MetricSpec overriddenBy(MetricSpec override) {
        java.util.Set<String> o = override.given;
        java.util.Set<String> merged = new java.util.HashSet<>(given);
        merged.addAll(o);
        boolean precision = o.contains("decimals") || o.contains("significant");
        return new MetricSpec(key,
                o.contains("name") ? override.name : name,
                o.contains("direction") ? override.direction : direction,
                o.contains("unit") ? override.unit : unit,
                o.contains("scale") ? override.scale : scale,
                precision ? override.decimals : decimals,
                precision ? override.significant : significant,
                merged);
    }

    /** Header text: the name, the unit in parentheses. */
    public String label() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    private static BigDecimal decimal(Object value, String key, String field) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metric '" + key + "': " + field + " must be a number, not '" + value + "'");
        }
    }

    private static Integer integer(Object value, String key, String field) {
        BigDecimal number = decimal(value, key, field);
        if (number == null) {
            return null;
        }
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("metric '" + key + "': " + field + " must be a whole number >= 0, not "
                    + value);
        }
        return number.intValueExact();
    }
}
