package dev.texreport.core.numbers;

import java.math.BigDecimal;

/**
 * A number read from a results file that remembers how the file wrote it, so that {@code ${run.lr}} prints
 * {@code 1e-05}, {@code 2.50} or {@code 3.0} exactly as written. It is an exact {@link BigDecimal} for every
 * calculation; only the template's plain interpolation prints {@link #text()}.
 */
public final class WrittenDecimal extends BigDecimal {
    private static final long serialVersionUID = 1L;

    private final String text;

    /** @param text a decimal number as written in a file, e.g. {@code 2.50}, {@code -1e-05}, {@code 2.2e+17} */
    public WrittenDecimal(String text) {
        super(text.startsWith("+") ? text.substring(1) : text);
        this.text = text;
    }

    /** The number as the file wrote it. */
    public String text() {
        return text;
    }

    /** The text as written, so that messages show a value as the file has it. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
