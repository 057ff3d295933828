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
                String name = file.getFileName().toString();
                Files.copy(file, job.workDir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                // The record of what bibtex read is no file TeX reads back: it must not count in the snapshot.
                if (!name.equals(BibliographyRunner.recordName(job))) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the previous build state in " + dir + ": "
                    + e.getMessage(), e);
        }
        return names;
    }

    /** Removes planted files from the working directory, for a retry from scratch. */
    static void uproot(CompileJob job, List<String> names) throws EnvironmentException {
        List<String> all = new ArrayList<>(names);
        all.add(BibliographyRunner.recordName(job));
        for (String name : all) {
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
            List<String> names = new ArrayList<>(outcome.readBack());
            names.add(BibliographyRunner.recordName(job));
            for (String name : names) {
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
