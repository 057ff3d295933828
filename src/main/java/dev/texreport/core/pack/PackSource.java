package dev.texreport.core.pack;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a pack's files come from: a folder, or resources on the plugin's classpath (the plugin jar, a staff jar). */
interface PackSource {
    /** Names the source in messages, e.g. {@code folder packs/dl-2022} or {@code classpath dev/texreport/packs/x}. */
    String describe();

    Optional<byte[]> read(String name) throws EnvironmentException;

    static PackSource folder(Path dir) {
        return new PackSource() {
            @Override
            public String describe() {
                return "folder " + dir;
            }

            @Override
            public Optional<byte[]> read(String name) throws EnvironmentException {
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }

    static PackSource classpath(ClassLoader loader, String root) {
        return new PackSource() {
            @Override
            public String describe() {
                return "classpath " + root;
            }

            @Override
            public Optional<byte[]> read(String name) throws EnvironmentException {
                try (InputStream in = loader.getResourceAsStream(root + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new EnvironmentException("Cannot read " + root + name + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
