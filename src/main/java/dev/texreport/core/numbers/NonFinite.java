package dev.texreport.core.numbers;

import java.util.Locale;

/**
 * NaN, Infinity or -Infinity read from a results file: Python's {@code json.dump} writes them by default (a diverged
 * loss, a trainer's {@code grad_norm}), and CSV files hold {@code nan} and {@code inf}. They are values, not
 * missing ones: a table cell over them prints a dash, a plot leaves the point out, and the loader warns once per file.
 */
public final class NonFinite extends Number {
    private static final long serialVersionUID = 1L;

    /** Which of the three. */
    public enum Kind { NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY }

    private final Kind kind;
    private final String text;

    public NonFinite(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** Recognises the spellings of Python ({@code NaN}, {@code Infinity}, {@code -Infinity}, {@code nan},
     * {@code inf}, {@code -inf}) and of other tools ({@code +inf}, {@code infinity}); null for anything else. */
    public static NonFinite parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nan", "-nan", "+nan" -> new NonFinite(Kind.NAN, text.strip());
            case "inf", "+inf", "infinity", "+infinity" -> new NonFinite(Kind.POSITIVE_INFINITY, text.strip());
            case "-inf", "-infinity" -> new NonFinite(Kind.NEGATIVE_INFINITY, text.strip());
            default -> null;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The value as the file wrote it. */
    public String text() {
        return text;
    }

    @Override
    public double doubleValue() {
        return switch (kind) {
            case NAN -> Double.NaN;
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
        };
    }

    @Override
    public float floatValue() {
        return (float) doubleValue();
    }

    @Override
    public long longValue() {
        return (long) doubleValue();
    }

    @Override
    public int intValue() {
        return (int) doubleValue();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NonFinite n && n.kind == kind;
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }
}
