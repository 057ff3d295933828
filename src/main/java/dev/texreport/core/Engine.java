package dev.texreport.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The TeX engines a report can be compiled with. */
public enum Engine {
    PDFLATEX("pdflatex"),
    LUALATEX("lualatex"),
    XELATEX("xelatex");

    private final String executable;

    Engine(String executable) {
        this.executable = executable;
    }

    public String executable() {
        return executable;
    }

    /** Parses the value of {@code report.engine}; the message lists the accepted names. */
    public static Engine parse(String name) throws ConfigurationException {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.executable.equals(wanted)) {
                return engine;
            }
        }
        throw new ConfigurationException("Unknown TeX engine '" + name + "' (report.engine). Use one of: "
                + Arrays.stream(values()).map(Engine::executable).collect(Collectors.joining(", ")) + ".");
    }
}
