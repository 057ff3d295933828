package dev.texreport.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file by writing a hidden temporary file next to it and moving that into place in one step, so a reader
 * (CI, a PDF viewer, a parallel build) never sees half a file and a failure leaves the old file as it was.
 */
public final class AtomicFile {
    /** Writes the content into the given temporary file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Writer writer) throws EnvironmentException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
