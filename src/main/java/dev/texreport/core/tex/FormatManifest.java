package dev.texreport.core.tex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a dump left: the format, or the reason there is none. Stored as JSON next to the formats.
 *
 * @param files  every file the dump read, with its content hash
 * @param stamps size and time of the files outside the project (the TeX installation's), which are not hashed
 *               again while they stay the same: a watch rebuild must not read some 10 MB before its pass
 */
record FormatManifest(String key, Map<String, String> files, Map<String, String> stamps, String format, String page,
                      String refused) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The manifest in {@code file}; empty when there is none or it cannot be read (then the preamble is dumped). */
    static Optional<FormatManifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            FormatManifest manifest = MAPPER.readValue(file.toFile(), FormatManifest.class);
            return manifest.files() == null ? Optional.empty() : Optional.of(manifest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Path file) throws EnvironmentException {
        FormatManifest sorted = new FormatManifest(key, new TreeMap<>(files), stamps == null ? Map.of()
                : new TreeMap<>(stamps), format, page, refused);
        AtomicFile.write(file, temp -> MAPPER.writeValue(temp.toFile(), sorted));
    }
}
