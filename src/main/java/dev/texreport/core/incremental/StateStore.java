package dev.texreport.core.incremental;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one build leaves for the next, in {@code target/report/.texreport/}: each milestone's saved state, the
 * auxiliary files its next build starts from, the whole build's stamp, and the engine's version.
 */
public final class StateStore {
    /**
     * Made when a state is first read or written, not with the store: a build that nothing changed replays its
     * stamp without them, and Jackson's object mapping costs about a tenth of a second of class loading.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
    private final Path dir;

    public StateStore(Path outputDir) {
        this.dir = outputDir.resolve(".texreport");
    }

    public Path dir() {
        return dir;
    }

    /** Where a milestone's .aux, .bbl, ... are kept for its next build. */
    public Path seedDir(String milestone) {
        return dir.resolve(milestone + "-aux");
    }

    /** The engine's version line, kept so that a no-op build starts no process. */
    public Path engineVersionFile(Path engine) {
        return dir.resolve("engine-" + engine.getFileName() + ".txt");
    }

    Path stampFile() {
        return dir.resolve("build-stamp.properties");
    }

    /** The summary.json a build that finds everything up to date writes. */
    public Path upToDateSummary() {
        return dir.resolve("summary-up-to-date.json");
    }

    private Path stateFile(String milestone) {
        return dir.resolve(milestone + ".json");
    }

    /** The saved state, or empty when there is none or it cannot be read (then the milestone is simply rebuilt). */
    public Optional<MilestoneState> read(String milestone) {
        Path file = stateFile(milestone);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), MilestoneState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void write(String milestone, MilestoneState state) throws EnvironmentException {
        AtomicFile.write(stateFile(milestone), temp -> Json.MAPPER.writeValue(temp.toFile(), state));
    }

    public void forget(String milestone) {
        try {
            Files.deleteIfExists(stateFile(milestone));
        } catch (IOException ignored) {
            // a stale state only costs a rebuild
        }
    }
}
