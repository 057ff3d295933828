package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What bibtex reads from the .aux files: the {@code \citation}, {@code \bibdata} and {@code \bibstyle} lines, in
 * order. Deciding whether bibtex must run is a pure function of this data, the data of bibtex's last run, and
 * whether a .bib or .bst it read has changed since ({@link BibliographyInputs}).
 *
 * @param text the lines, each ending in a newline
 */
public record CitationData(String text) {
    /** No .aux, or one without bibliography lines. */
    public static final CitationData NONE = new CitationData("");

    /** What to do about bibtex after a pass. */
    public enum Action {
        /** The document has no {@code \bibliography}: nothing to run. */
        NO_BIBLIOGRAPHY,
        /**
         * The document has a {@code \bibliography} but cites nothing: bibtex would stop with "I found no \citation
         * commands". Do not run it, and delete a .bbl left from an earlier state, so the document builds without
         * a reference list; whether a report must cite something is the course's citation rule to say.
         */
        SKIP_NO_CITATIONS,
        /** The citations, the data files or the style changed since bibtex last ran: run it. */
        RUN,
        /** bibtex's output is current. */
        UP_TO_DATE
    }

    /** The bibliography lines of every .aux directly in {@code workDir}, in file name order. */
    public static CitationData read(Path workDir) throws IOException {
        StringBuilder data = new StringBuilder();
        try (var files = Files.list(workDir)) {
            for (Path aux : files.filter(p -> p.getFileName().toString().endsWith(".aux")).sorted().toList()) {
                data.append(of(Files.readString(aux, StandardCharsets.ISO_8859_1)).text());
            }
        }
        return new CitationData(data.toString());
    }

    /** The bibliography lines of one .aux file's text. */
    public static CitationData of(String aux) {
        StringBuilder data = new StringBuilder();
        for (String line : aux.lines().toList()) {
            if (line.startsWith("\\citation{") || line.startsWith("\\bibdata{") || line.startsWith("\\bibstyle{")) {
                data.append(line).append('\n');
            }
        }
        return new CitationData(data.toString());
    }

    public boolean hasBibliography() {
        return lines().stream().anyMatch(l -> l.startsWith("\\bibdata{"));
    }

    /** Whether anything is cited, as bibtex counts: {@code \nocite{*}} writes {@code \citation{*}} and counts. */
    public boolean hasCitations() {
        return lines().stream().anyMatch(l -> l.startsWith("\\citation{"));
    }

    /**
     * @param lastRun       the data bibtex read when it last ran ({@link #NONE} when it has not run for the files
     *                      in the working directory)
     * @param inputsChanged whether a .bib or .bst it read then has changed since
     */
    public Action next(CitationData lastRun, boolean inputsChanged) {
        if (!hasBibliography()) {
            return Action.NO_BIBLIOGRAPHY;
        }
        if (!hasCitations()) {
            return Action.SKIP_NO_CITATIONS;
        }
        return inputsChanged || !equals(lastRun) ? Action.RUN : Action.UP_TO_DATE;
    }

    private List<String> lines() {
        return text.lines().toList();
    }
}
