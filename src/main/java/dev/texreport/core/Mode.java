package dev.texreport.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a report is typeset, in the spirit of the NeurIPS options: {@code anonymous} for peer review (no authors, no
 * acknowledgements, line numbers; the PDF is checked for team members' names), {@code preprint} (authors, marked
 * as a preprint) and {@code final} (camera-ready; the default for course reports).
 */
public enum Mode {
    ANONYMOUS, PREPRINT, FINAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String text) throws ConfigurationException {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.id().equals(wanted)) {
                return mode;
            }
        }
        throw new ConfigurationException("Unknown mode '" + text + "' (report.mode). Use one of: "
                + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")) + ".");
    }
}
