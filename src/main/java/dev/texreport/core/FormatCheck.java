package dev.texreport.core;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks made on every built PDF and on the team's sources; which of them fail the build is configurable. */
public enum FormatCheck {
    /** Every page US Letter. */
    PAPER("paper"),
    /** Every font embedded in the PDF. */
    FONTS_EMBEDDED("fonts-embedded"),
    /** Bitmap (Type 3) fonts, usually from a figure saved by matplotlib. */
    TYPE3_FONTS("type3-fonts"),
    /** Text or images outside the text block on content pages. */
    MARGINS("margins"),
    /** Layout tweaks in the team's sources: negative \vspace, \baselinestretch, geometry, font sizes. */
    STYLE_TWEAKS("style-tweaks"),
    /** A team member's name or e-mail in an anonymous PDF. */
    ANONYMITY("anonymity"),
    /** A results table or figure wider than the text block, or taller than the page (its rows run off it). */
    FLOAT_SIZE("float-size");

    private final String id;

    FormatCheck(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Set<String> parseList(String text) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> known = Arrays.stream(values()).map(FormatCheck::id).collect(Collectors.toSet());
        Set<String> ids = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new ConfigurationException("Unknown check '" + id + "' (report.failOnChecks). Known checks: "
                        + Arrays.stream(values()).map(FormatCheck::id).collect(Collectors.joining(", ")) + ".");
            }
        }
        return ids;
    }
}
