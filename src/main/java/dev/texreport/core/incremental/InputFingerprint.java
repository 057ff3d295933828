package dev.texreport.core.incremental;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A content hash of everything a milestone's PDF depends on: its own folder, the shared report files, the results
 * it read, the names of all results files, the template pack, the plugin, the effective configuration and the
 * engine's version. Equal fingerprints mean the PDF would come out the same, so the build can be skipped.
 * File times are never used: a checkout or a touch does not make a milestone stale, a real change always does.
 */
public final class InputFingerprint {
    private final MessageDigest digest;

    InputFingerprint() {
        digest = Hashes.sha256();
    }

    public InputFingerprint text(String label, String value) {
        bytes(label, (value == null ? "<null>" : value).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public InputFingerprint bytes(String label, byte[] content) {
        digest.update(label.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
        return this;
    }

    /** A file's path (relative to {@code base}) and content; an absent file counts as such. */
    public InputFingerprint file(Path base, Path file) throws EnvironmentException {
        String name = ProjectPaths.slashes(base.relativize(file));
        try {
            return Files.isRegularFile(file) ? bytes("file:" + name, Files.readAllBytes(file))
                    : text("absent:" + name, "");
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every regular file below {@code dir}, in name order, skipping the folders named in {@code except}. */
    public InputFingerprint tree(Path base, Path dir, Collection<Path> except) throws EnvironmentException {
        if (!Files.isDirectory(dir)) {
            return text("absent:" + base.relativize(dir), "");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> except.stream().noneMatch(f::startsWith))
                    .filter(f -> !isEditorLeftover(f)).sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            file(base, file);
        }
        return this;
    }

    /** Hidden files and editor backups (.swp, ~) are not inputs: saving in an editor must not rebuild everything. */
    public static boolean isEditorLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.startsWith("#");
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
