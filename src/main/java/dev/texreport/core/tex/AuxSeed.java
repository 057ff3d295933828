package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The auxiliary files (.aux, .bbl, ...) of a milestone's last successful build, kept so that the next build starts
 * from them: after a small edit the first pass then often reaches the fixed point, and bibtex does not run when
 * the citations did not change.
 */
public final class AuxSeed {
    private final Path dir;

    /** @param dir where the files are kept, one folder per milestone */
    public AuxSeed(Path dir) {
        this.dir = dir;
    }

    /** Copies the kept files into the job's working directory; returns their names (empty when there are none). */
    List<String> plant(CompileJob job) throws EnvironmentException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                // Only files the plugin wrote: a link planted in target/ must not copy something from elsewhere.
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.copy(file, job.workDir().resolve(file.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
                names.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the previous build state in " + dir + ": "
                    + e.getMessage(), e);
        }
        return names;
    }

    /** Removes planted files from the working directory, for a retry from scratch. */
    static void uproot(CompileJob job, List<String> names) throws EnvironmentException {
        for (String name : names) {
            try {
                Files.deleteIfExists(job.workDir().resolve(name));
            } catch (IOException e) {
                throw new EnvironmentException("Cannot clean " + job.workDir() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Keeps the files the next build may start from (those TeX reads back), after a successful compile. */
    public void keep(CompileJob job, CompileOutcome outcome) throws EnvironmentException {
        try {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try (var old = Files.list(dir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            for (String name : outcome.readBack()) {
                Path file = job.workDir().resolve(name);
                if (Files.isRegularFile(file) && !name.contains("/")) {
                    Files.copy(file, dir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot save the build state in " + dir + ": " + e.getMessage(), e);
        }
    }
}
