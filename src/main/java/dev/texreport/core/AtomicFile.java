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

    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

    private AtomicFile() {
    }

    public static void write(Path target, Writer writer) throws EnvironmentException {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            // A name of its own: two writers of the same file (milestones compiling in parallel) never share it. Not
            // Files.createTempFile, whose file only its owner may read: a PDF must keep the usual permissions.
            temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + COUNTER.incrementAndGet() + ".tmp");
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the message below says what failed; a stray temporary file is harmless
                }
            }
            throw new EnvironmentException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
