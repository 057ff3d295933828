package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds TeX programs in {@code report.texBin} or on the PATH, and says how to install them when they are missing. */
public final class EngineLocator {
    private final Path texBin;
    private final String path;

    /**
     * @param texBin the directory the user named, or null
     * @param path   the PATH to search (normally {@code System.getenv("PATH")})
     */
    public EngineLocator(Path texBin, String path) {
        this.texBin = texBin;
        this.path = path == null ? "" : path;
    }

    public Path locate(String program) throws EnvironmentException {
        for (Path dir : searchDirs()) {
            Path candidate = dir.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String where = texBin != null ? "in report.texBin (" + texBin + ")" : "on the PATH";
        throw new EnvironmentException(program + " was not found " + where + ". Install TeX Live, e.g. on "
                + "Debian/Ubuntu: sudo apt-get install texlive-latex-extra texlive-fonts-recommended"
                + (program.equals("xelatex") ? " texlive-xetex" : "")
                + (program.equals("biber") ? " biber" : "")
                + ", or point report.texBin at the directory that holds " + program
                + " (e.g. -Dreport.texBin=/usr/local/texlive/2024/bin/x86_64-linux).");
    }

    private List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        if (texBin != null) {
            dirs.add(texBin);
            return dirs;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }

    /**
     * What identifies an engine binary between builds without starting it: its real path, size and modification
     * time. A TeX update changes it; asking the engine for its version costs a process.
     */
    public static String identity(Path engine) throws java.io.IOException {
        Path real = engine.toRealPath();
        return real + "|" + Files.size(real) + "|" + Files.getLastModifiedTime(real).toMillis();
    }
}
