package dev.texreport.core.tex;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where bibtex looks for a {@code .bib} ({@code BIBINPUTS}) or {@code .bst} ({@code BSTINPUTS}) file, in the order
 * kpathsea searches: the entries of the variable, {@code .} being the working directory, a relative entry taken
 * from the working directory, a trailing {@code //} meaning "and every folder below". An empty entry stands for
 * the TeX installation's own folders: a file found only there is not resolved here ({@link #resolve} is empty),
 * which is how the callers tell a team's file from an installed one without starting kpsewhich. When the variable
 * is not set, kpathsea's default starts with the working directory and continues in the installation.
 *
 * @param workDir the directory bibtex runs in
 * @param dirs    the folders to search, in order; each with whether its subfolders are searched too
 */
public record BibSearchPath(Path workDir, List<Dir> dirs) {
    /** One folder of the path. */
    public record Dir(Path path, boolean recursive) { }

    public BibSearchPath {
        dirs = List.copyOf(dirs);
    }

    /** The path for .bib files, from {@code BIBINPUTS} in the environment bibtex gets. */
    public static BibSearchPath forBib(Path workDir, Map<String, String> environment) {
        return of(workDir, environment.get("BIBINPUTS"));
    }

    /** The path for .bst files, from {@code BSTINPUTS} in the environment bibtex gets. */
    public static BibSearchPath forBst(Path workDir, Map<String, String> environment) {
        return of(workDir, environment.get("BSTINPUTS"));
    }

    /** @param variable the variable's value, or null when it is not set */
    public static BibSearchPath of(Path workDir, String variable) {
        List<Dir> dirs = new ArrayList<>();
        if (variable == null) {
            dirs.add(new Dir(workDir, false));
            return new BibSearchPath(workDir, dirs);
        }
        for (String entry : variable.split(File.pathSeparator, -1)) {
            // "!!" asks for the installation's file database only, "$VAR" for another variable: both name the
            // installation, which is not searched here.
            if (entry.isEmpty() || entry.startsWith("!!") || entry.contains("$")) {
                continue;
            }
            boolean recursive = entry.endsWith("//");
            String name = recursive ? entry.substring(0, entry.length() - 2) : entry;
            Path dir = name.isEmpty() || name.equals(".") ? workDir : workDir.resolve(name);
            dirs.add(new Dir(dir.normalize(), recursive));
        }
        return new BibSearchPath(workDir, dirs);
    }

    /**
     * The file bibtex opens for {@code name} as it printed it (e.g. {@code references.bib}), or empty when it
     * is not in any folder of the path (so it came from the TeX installation, or does not exist).
     */
    public Optional<Path> resolve(String name) {
        Path relative = Path.of(name);
        if (relative.isAbsolute()) {
            return Files.isRegularFile(relative) ? Optional.of(relative.normalize()) : Optional.empty();
        }
        for (Dir dir : dirs) {
            Path candidate = dir.path().resolve(relative).normalize();
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (dir.recursive() && Files.isDirectory(dir.path())) {
                Optional<Path> below = findBelow(dir.path(), relative);
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }

    /** How a message should name {@code file}: relative to the working directory when inside it, else absolute. */
    public String display(Path file) {
        Path base = workDir.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    /** The folders searched, for a message about a file that is in none of them. */
    public String describe() {
        List<String> names = new ArrayList<>();
        for (Dir dir : dirs) {
            names.add(dir.path().equals(workDir) ? "the working directory" : dir.path().toString());
        }
        return String.join(", ", names);
    }

    private static Optional<Path> findBelow(Path dir, Path relative) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(d -> d.resolve(relative).normalize())
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
