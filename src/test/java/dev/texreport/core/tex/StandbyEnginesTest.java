package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which waiting engine a pass may use, and that every other one is stopped. */
class StandbyEnginesTest {
    @TempDir
    Path dir;

    /** The format file of each pass made by {@link #pass}. */
    private final Map<ProcessSpec, Path> formatFiles = new HashMap<>();

    /** Records what happens to the processes it "starts". */
    private static final class Holding implements ProcessRunner {
        final List<Fake> started = new ArrayList<>();

        @Override
        public ProcessOutcome run(ProcessSpec spec) {
            throw new AssertionError("a standby engine never runs a pass by itself");
        }

        @Override
        public Optional<HeldProcess> hold(ProcessSpec spec) {
            Fake fake = new Fake(spec);
            started.add(fake);
            return Optional.of(fake);
        }
    }

    private static final class Fake implements HeldProcess {
        final ProcessSpec spec;
        String releasedWith;
        boolean closed;
        boolean endedByItself;

        Fake(ProcessSpec spec) {
            this.spec = spec;
        }

        @Override
        public long pid() {
            return 4242;
        }

        @Override
        public boolean waiting() {
            return releasedWith == null && !closed && !endedByItself;
        }

        @Override
        public Optional<ProcessOutcome> release(String line, Duration timeout) {
            if (!waiting()) {
                return Optional.empty();
            }
            releasedWith = line;
            return Optional.of(new ProcessOutcome(0, false, List.of("Output written on main.pdf"),
                    Duration.ofMillis(300)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A pass from {@code format} (a path without .fmt, as on the command line), whose format file exists. */
    private ProcessSpec pass(Path workDir, String format) throws Exception {
        Path file = workDir.resolve(format + ".fmt");
        if (Files.isDirectory(file.getParent()) && !Files.exists(file)) {
            Files.writeString(file, "format");
        }
        ProcessSpec pass = new ProcessSpec(Path.of("/usr/bin/pdflatex"), List.of("-recorder", "-fmt=" + format,
                "-jobname=main", StandbyTex.commandLine()), workDir, Map.of("TEXINPUTS", "."),
                Duration.ofSeconds(30), false);
        formatFiles.put(pass, file);
        return pass;
    }

    private void want(StandbyEngines engines, ProcessSpec pass) {
        engines.want(pass, "main", formatFiles.get(pass));
    }

    private Optional<ProcessOutcome> release(StandbyEngines engines, ProcessSpec pass) throws Exception {
        return engines.release(pass, "main", formatFiles.get(pass), Duration.ofSeconds(30));
    }

    @Test
    void aPassRunsOnTheEngineStartedWithExactlyItsCommandLineAndReadsTheStandbyFile() throws Exception {
        Holding runner = new Holding();
        StandbyEngines engines = new StandbyEngines(runner);
        Path formats = Files.createDirectories(dir.resolve("formats"));
        ProcessSpec pass = pass(dir, formats.resolve("pdflatex-abc").toString());
        want(engines, pass);
        assertTrue(runner.started.isEmpty(), "nothing starts until a watcher asks");
        engines.startWanted();
        assertEquals(1, runner.started.size());
        assertEquals(Set.of(dir.resolve("main.log"), dir.resolve("main.fls")), engines.held(dir));

        Optional<ProcessOutcome> outcome = release(engines, pass);
        assertTrue(outcome.isPresent());
        assertEquals("go", runner.started.get(0).releasedWith);
        String standby = Files.readString(dir.resolve(StandbyTex.FILE));
        assertTrue(standby.contains("\\@@input main.tex "), standby);
        assertTrue(engines.held(dir).isEmpty(), "a released engine is the pass, no longer a waiting one");
        assertTrue(release(engines, pass).isEmpty(), "each engine serves one pass");
    }

    @Test
    void anEngineForAnotherFormatIsStoppedAndItsRecorderFileRemoved() throws Exception {
        Holding runner = new Holding();
        StandbyEngines engines = new StandbyEngines(runner);
        Path formats = Files.createDirectories(dir.resolve("formats"));
        Path leftover = Files.writeString(formats.resolve("pdflatex-old4242.fls"), "PWD /x\n");
        want(engines, pass(dir, formats.resolve("pdflatex-old").toString()));
        engines.startWanted();

        ProcessSpec changedPreamble = pass(dir, formats.resolve("pdflatex-new").toString());
        assertTrue(release(engines, changedPreamble).isEmpty(),
                "the pass runs as usual");
        Fake old = runner.started.get(0);
        assertTrue(old.closed && old.releasedWith == null, "the engine with the old format is stopped unreleased");
        assertFalse(Files.exists(leftover), "its recorder file next to the format is gone");
    }

    @Test
    void anEngineThatEndedByItselfIsNotUsedAndStartingAgainReplacesTheWaitingOne() throws Exception {
        Holding runner = new Holding();
        StandbyEngines engines = new StandbyEngines(runner);
        ProcessSpec pass = pass(dir, dir.resolve("f").toString());
        want(engines, pass);
        engines.startWanted();
        want(engines, pass);
        engines.startWanted();
        assertTrue(runner.started.get(0).closed, "one engine per working directory: the older one is stopped");
        runner.started.get(1).endedByItself = true;
        assertTrue(release(engines, pass).isEmpty(), "then the pass runs as usual");
        assertTrue(runner.started.get(1).closed);
    }

    @Test
    void anEngineWhoseDirectoryWasMadeAgainOrWhoseFormatWasDumpedAgainIsNotUsed() throws Exception {
        Holding runner = new Holding();
        StandbyEngines engines = new StandbyEngines(runner);
        Path work = Files.createDirectories(dir.resolve("final"));
        Path formats = Files.createDirectories(dir.resolve("formats"));
        ProcessSpec pass = pass(work, formats.resolve("pdflatex-abc").toString());
        want(engines, pass);
        engines.startWanted();
        // mvn clean during the watch: the build makes the working directory again, while the engine still has the
        // old one (so the old one keeps its inode; here it is moved away to keep it).
        Files.move(work, dir.resolve("final-removed"));
        Files.createDirectories(work);
        assertTrue(release(engines, pass).isEmpty(), "its old directory is gone");
        assertTrue(runner.started.get(0).closed);

        want(engines, pass);
        engines.startWanted();
        // Another build dumped the format again (a new file in its place).
        Path format = formats.resolve("pdflatex-abc.fmt");
        Files.move(format, formats.resolve("old.fmt"));
        Files.writeString(format, "format, dumped again");
        assertTrue(release(engines, pass).isEmpty(), "it loaded the old format");
        assertTrue(runner.started.get(1).closed);

        want(engines, pass);
        engines.startWanted();
        assertTrue(release(engines, pass).isPresent(), "a fresh one is used");
    }

    @Test
    void closingStopsEveryWaitingEngineAndStartsNoMore() throws Exception {
        Holding runner = new Holding();
        StandbyEngines engines = new StandbyEngines(runner);
        want(engines, pass(dir.resolve("a"), "f"));
        want(engines, pass(dir, "f"));
        engines.startWanted();
        assertEquals(1, runner.started.size(), "no engine for a working directory that does not exist");
        engines.close();
        assertTrue(runner.started.get(0).closed);
        want(engines, pass(dir, "f"));
        engines.startWanted();
        assertEquals(1, runner.started.size(), "a closed set starts nothing");
    }
}
