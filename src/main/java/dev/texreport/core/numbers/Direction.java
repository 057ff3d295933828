package dev.texreport.core.numbers;

import java.util.Locale;

/** Whether a metric is better when higher (accuracy) or lower (loss, error); NONE ranks nothing. */
public enum Direction {
    HIGHER("\\(\\uparrow\\)"),
    LOWER("\\(\\downarrow\\)"),
    NONE("");

    private final String arrow;

    Direction(String arrow) {
        this.arrow = arrow;
    }

    /** The header arrow in LaTeX, empty for NONE. */
    public String arrow() {
        return arrow;
    }

    /** Accepts {@code higher}/{@code lower}/{@code none} and the shorthands {@code max}/{@code min}, {@code up}/{@code down}. */
    public static Direction parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "higher", "max", "up", "higher-is-better" -> HIGHER;
            case "lower", "min", "down", "lower-is-better" -> LOWER;
            case "", "none" -> NONE;
            default -> throw new IllegalArgumentException("direction must be 'higher' or 'lower', not '" + text + "'");
        };
    }
}
