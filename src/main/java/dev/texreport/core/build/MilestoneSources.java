package dev.texreport.core.build;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The team's files for one milestone, found by the layout contract: {@code src/report/<milestone>/} holds the
 * sections in file-name order, plus optional abstract, acknowledgements, preamble, the NeurIPS checklist and an
 * appendix folder.
 * Each may be plain {@code .tex} (used verbatim) or {@code .tex.ftl} (a FreeMarker template).
 */
public record MilestoneSources(String milestone, Path dir, Optional<Path> abstractFile,
                               Optional<Path> acknowledgements, Optional<Path> preamble, Optional<Path> checklist,
                               List<Path> sections, List<Path> appendix) {
    static final String TEMPLATE_SUFFIX = ".tex.ftl";
    static final String TEX_SUFFIX = ".tex";
    private static final List<String> SPECIAL = List.of("abstract", "acknowledgements", "preamble", "checklist");

    public static MilestoneSources scan(Path sourceDir, String milestone) throws ReportException {
        Path dir = sourceDir.resolve(milestone);
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Path> abstractFile = special(dir, "abstract", problems);
        Optional<Path> ack = special(dir, "acknowledgements", problems);
        Optional<Path> preamble = special(dir, "preamble", problems);
        Optional<Path> checklist = special(dir, "checklist", problems);
        List<Path> sections = texFiles(dir).stream().filter(p -> !SPECIAL.contains(baseName(p))).toList();
        List<Path> appendix = texFiles(dir.resolve("appendix"));
        if (sections.isEmpty()) {
            problems.add(Diagnostic.error(SourceLocation.of(dir, 0), "has no sections. Add the paper's sections "
                    + "as files such as 01-introduction.tex.ftl or 01-introduction.tex; they are typeset in "
                    + "file-name order."));
        }
        if (!problems.isEmpty()) {
            throw new SourceException("the " + milestone + " sources are incomplete", problems);
        }
        return new MilestoneSources(milestone, dir, abstractFile, ack, preamble, checklist, sections, appendix);
    }

    /** {@code name.tex} or {@code name.tex.ftl}; both at once is ambiguous. */
    static Optional<Path> special(Path dir, String name, List<Diagnostic> problems) {
        Path tex = dir.resolve(name + TEX_SUFFIX);
        Path ftl = dir.resolve(name + TEMPLATE_SUFFIX);
        if (Files.isRegularFile(tex) && Files.isRegularFile(ftl)) {
            problems.add(Diagnostic.error(SourceLocation.of(ftl, 0), "and " + tex.getFileName()
                    + " both exist; keep one of them."));
            return Optional.empty();
        }
        return Files.isRegularFile(ftl) ? Optional.of(ftl) : Files.isRegularFile(tex) ? Optional.of(tex)
                : Optional.empty();
    }

    /** The .tex and .tex.ftl files directly in {@code dir}, sorted by file name. */
    static List<Path> texFiles(Path dir) throws ReportException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(MilestoneSources::isTexSource)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean isTexSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(TEMPLATE_SUFFIX) || name.endsWith(TEX_SUFFIX);
    }

    static boolean isTemplate(Path file) {
        return file.getFileName().toString().endsWith(TEMPLATE_SUFFIX);
    }

    /** The file name without {@code .tex} or {@code .tex.ftl}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(TEMPLATE_SUFFIX) ? name.substring(0, name.length() - TEMPLATE_SUFFIX.length())
                : name.substring(0, name.length() - TEX_SUFFIX.length());
    }
}
