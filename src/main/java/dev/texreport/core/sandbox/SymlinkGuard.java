package dev.texreport.core.sandbox;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks, before TeX runs, that no symbolic link lets TeX reach out of the project. TeX's openin_any=p forbids
 * absolute names and "..", but not a committed {@code figures/pw.tex -> /etc/passwd} (or {@code -> /proc/self/environ},
 * which holds CI secrets): TeX opens the link's name, the system follows it. So every link below the report sources
 * (and below the template pack when it is a folder) is resolved to its real path, and one that leaves the project (or
 * the pack) is an error at the link. Links are followed into folders, with loop detection, so a linked folder inside
 * the project that itself holds a link out is caught too; a dangling link to a name inside is harmless.
 *
 * <p>The same applies to where the build writes: target/report must not be a link out of the project, and
 * report.sourceDirectory must lie inside it.
 */
public final class SymlinkGuard {
    private final Path project;
    private final Path realProject;

    public SymlinkGuard(Path projectRoot) throws IOException {
        this.project = projectRoot.toAbsolutePath().normalize();
        this.realProject = project.toRealPath();
    }

    /**
     * Runs every check and fails with one {@link SourceException} listing each problem.
     *
     * @param sourceDirectory the report sources (report.sourceDirectory)
     * @param packFolder      the template pack's folder, or null when the pack is built in or a jar
     * @param outputDirectory where the build writes (target/report)
     */
    public void verify(Path sourceDirectory, Path packFolder, Path outputDirectory) throws SourceException,
            IOException {
        List<Diagnostic> problems = new ArrayList<>(checkInsideProject(sourceDirectory, "report.sourceDirectory"));
        if (problems.isEmpty()) {
            problems.addAll(checkTree(sourceDirectory, realProject, "the project"));
        }
        if (packFolder != null) {
            problems.addAll(checkTree(packFolder, packFolder.toRealPath(), "the template pack"));
        }
        problems.addAll(checkOutputDirectory(outputDirectory));
        if (!problems.isEmpty()) {
            throw new SourceException(problems.size() == 1 ? "a file or folder leads out of the project"
                    : problems.size() + " files or folders lead out of the project", problems);
        }
    }

    /** A folder named by the user (report.sourceDirectory) must lie inside the project, also after its links. */
    public List<Diagnostic> checkInsideProject(Path folder, String setting) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        if (absolute.startsWith(project) && real.startsWith(realProject)) {
            return List.of();
        }
        return List.of(Diagnostic.error(null, setting + " (" + absolute + (real.equals(absolute) ? ""
                : ", really " + real) + ") lies outside the project (" + project + "). The plugin reads only files "
                + "of the project; move the folder into it."));
    }

    /**
     * Every link below {@code tree} whose target lies outside {@code boundary} (a real path), and every loop.
     *
     * @param boundaryName how the boundary is named in messages ("the project", "the template pack")
     */
    public List<Diagnostic> checkTree(Path tree, Path boundary, String boundaryName) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        if (!Files.exists(tree)) {
            return problems;
        }
        Path start = tree.toAbsolutePath().normalize();
        Deque<Path> ancestors = new ArrayDeque<>();
        Set<Path> walked = new HashSet<>();
        Path realStart = start.toRealPath();
        if (Files.isSymbolicLink(start) || !realStart.equals(start)) {
            Diagnostic problem = judgeLink(start, boundary, boundaryName);
            if (problem != null) {
                problems.add(problem);
                return problems;
            }
        }
        walk(start, realStart, boundary, boundaryName, ancestors, walked, problems);
        return problems;
    }

    private void walk(Path folder, Path realFolder, Path boundary, String boundaryName, Deque<Path> ancestors,
                      Set<Path> walked, List<Diagnostic> problems) throws IOException {
        if (!walked.add(realFolder)) {
            return; // reached again through a second link: already checked
        }
        ancestors.push(realFolder);
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            if (Files.isSymbolicLink(entry)) {
                Diagnostic problem = judgeLink(entry, boundary, boundaryName);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
                Path real = realOrNull(entry);
                if (real == null || !Files.isDirectory(real)) {
                    continue; // a file inside, or dangling towards a name inside
                }
                if (ancestors.contains(real)) {
                    problems.add(Diagnostic.error(SourceLocation.of(entry, 0), "is a symbolic link to " + real
                            + ", a folder that contains the link itself: the link makes an endless loop of folders. "
                            + "Remove the link."));
                    continue;
                }
                walk(entry, real, boundary, boundaryName, ancestors, walked, problems);
            } else if (Files.isDirectory(entry)) {
                walk(entry, entry.toRealPath(), boundary, boundaryName, ancestors, walked, problems);
            }
        }
        ancestors.pop();
    }

    /** The problem with one link, or null when it stays inside. */
    private Diagnostic judgeLink(Path link, Path boundary, String boundaryName) throws IOException {
        SourceLocation at = SourceLocation.of(link, 0);
        Path target;
        try {
            target = link.toRealPath();
        } catch (NoSuchFileException e) {
            // dangling: judge the name it points to
            Path parent = link.getParent().toRealPath();
            target = parent.resolve(Files.readSymbolicLink(link)).normalize();
        } catch (FileSystemException e) {
            return Diagnostic.error(at, "is a symbolic link that never reaches a file (" + Files.readSymbolicLink(link)
                    + " leads back to itself through other links). Remove the link.");
        }
        if (target.startsWith(boundary)) {
            return null;
        }
        return Diagnostic.error(at, "is a symbolic link to " + target + ", outside " + boundaryName + ": TeX would "
                + "read that file into the PDF. Copy the file into " + boundaryName + " instead of linking to it.");
    }

    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * target/report, and every folder on the way to it, must stay inside the project after links, and so must
     * what it already holds (a committed target/report/final linked elsewhere would make TeX write there).
     */
    public List<Diagnostic> checkOutputDirectory(Path outputDirectory) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        Path absolute = outputDirectory.toAbsolutePath().normalize();
        if (!absolute.startsWith(project)) {
            problems.add(Diagnostic.error(null, "The report output folder " + absolute + " lies outside the project ("
                    + project + "); the build writes only inside the project."));
            return problems;
        }
        Path current = project;
        for (Path part : project.relativize(absolute)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                Diagnostic problem = judgeLink(current, realProject, "the project");
                if (problem != null) {
                    problems.add(Diagnostic.error(problem.location(), problem.message().replace(
                            "TeX would read that file into the PDF", "the build would write its files there")));
                    return problems;
                }
            }
        }
        if (Files.isDirectory(absolute)) {
            problems.addAll(checkTree(absolute, realProject, "the project"));
        }
        return problems;
    }
}
