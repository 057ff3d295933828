package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.sandbox.TexInstallation;
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
    private volatile TexInstallation installation;

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
     * The folders of the TeX installation and the system's fonts, which TeX may read besides the project: asked of
     * kpsewhich with the environment TeX gets, once per build, and kept in {@code cache} keyed by the kpsewhich
     * binary and the variables that decide its answer, so that a rebuild starts no extra process.
     */
    public TexInstallation installation(ProcessRunner runner, Map<String, String> environment, Path workingDir,
                                        Path cache) throws EnvironmentException {
        TexInstallation known = installation;
        if (known != null) {
            return known;
        }
        Path kpsewhich = program("kpsewhich");
        String key;
        try {
            StringBuilder text = new StringBuilder(EngineLocator.identity(kpsewhich));
            new java.util.TreeMap<>(environment).forEach((name, value) -> {
                if (name.startsWith("TEXMF") || name.equals("OSFONTDIR") || name.equals("HOME")) {
                    text.append('\n').append(name).append('=').append(value);
                }
            });
            key = Hashes.sha256(text.toString());
            if (Files.isRegularFile(cache)) {
                List<String> lines = Files.readAllLines(cache);
                if (!lines.isEmpty() && lines.get(0).equals(key)) {
                    known = new TexInstallation(lines.subList(1, lines.size()).stream().map(Path::of).toList());
                    installation = known;
                    return known;
                }
            }
        } catch (IOException e) {
            key = null;
        }
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(kpsewhich, TexInstallation.kpsewhichArguments(),
                workingDir, environment, Duration.ofSeconds(30)));
        if (!outcome.succeeded()) {
            throw new EnvironmentException("kpsewhich could not tell where the TeX installation is (exit "
                    + outcome.exitCode() + "): " + String.join(" ", outcome.output()));
        }
        known = TexInstallation.fromKpsewhich(outcome.output(), environment.get("HOME"));
        installation = known;
        if (key != null) {
            List<String> lines = new java.util.ArrayList<>(List.of(key));
            known.folders().forEach(folder -> lines.add(folder.toString()));
            AtomicFile.write(cache, temp -> Files.write(temp, lines));
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
