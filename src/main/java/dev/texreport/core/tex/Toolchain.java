package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TeX programs of one build, found once: the engine (located when the build starts, so a missing engine fails
 * at once), its version line, and bibtex/biber when a document first needs them.
 */
public final class Toolchain {
    private final EngineLocator locator;
    private final Engine engine;
    private final Path enginePath;
    private final Map<String, Path> helpers = new ConcurrentHashMap<>();

    private Toolchain(EngineLocator locator, Engine engine, Path enginePath) {
        this.locator = locator;
        this.engine = engine;
        this.enginePath = enginePath;
    }

    /** Finds the engine; fails with the install hint when it is missing. */
    public static Toolchain locate(EngineLocator locator, Engine engine) throws EnvironmentException {
        return new Toolchain(locator, engine, locator.locate(engine.executable()));
    }

    public Engine engine() {
        return engine;
    }

    public Path enginePath() {
        return enginePath;
    }

    /** bibtex, biber or another TeX program, found on first use. */
    public Path program(String name) throws EnvironmentException {
        Path known = helpers.get(name);
        if (known == null) {
            known = locator.locate(name);
            helpers.put(name, known);
        }
        return known;
    }

    /**
     * The engine's own version line, part of every milestone's fingerprint (a TeX update rebuilds). Asking the
     * engine costs a process, so the answer is kept in {@code cache}, keyed by the binary's path, size and time: a
     * no-op build does not start TeX at all.
     */
    public String version(ProcessRunner runner, Path workingDir, Path cache) throws EnvironmentException {
        String key;
        try {
            key = EngineLocator.identity(enginePath);
            if (Files.isRegularFile(cache)) {
                List<String> lines = Files.readAllLines(cache);
                if (lines.size() == 2 && lines.get(0).equals(key)) {
                    return lines.get(1);
                }
            }
        } catch (IOException e) {
            key = null;
        }
        ProcessOutcome outcome = runner.run(new ProcessSpec(enginePath, List.of("--version"), workingDir, Map.of(),
                Duration.ofSeconds(30)));
        String version = outcome.output().isEmpty() ? enginePath.toString() : outcome.output().get(0).strip();
        if (key != null) {
            String line = key;
            AtomicFile.write(cache, temp -> Files.write(temp, List.of(line, version)));
        }
        return version;
    }
}
