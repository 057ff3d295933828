package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes held by the real runner: released by one line, killed when closed or late, never left running. */
class HeldProcessTest {
    @TempDir
    Path dir;

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

    private HeldProcess hold(String script) throws Exception {
        ProcessSpec spec = new ProcessSpec(Path.of("/bin/sh"), List.of("-c", script), dir, Map.of(),
                Duration.ofSeconds(5));
        return runner.hold(spec).orElseThrow();
    }

    private static void awaitEnd(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void itWaitsForTheLineThenRunsToItsEndWithItsTimeoutCountedFromTheRelease() throws Exception {
        try (HeldProcess held = hold("echo ready; read line; echo \"got $line\"; exit 3")) {
            Thread.sleep(1500);   // longer than nothing, shorter than the 5 s timeout: the wait is not counted
            assertTrue(held.waiting());
            Optional<ProcessOutcome> outcome = held.release("go", Duration.ofSeconds(5));
            assertTrue(outcome.isPresent());
            assertEquals(3, outcome.get().exitCode());
            assertFalse(outcome.get().timedOut());
            assertEquals(List.of("ready", "got go"), outcome.get().output());
            assertTrue(outcome.get().elapsed().toMillis() < 1500, "elapsed counts from the release");
            assertFalse(held.waiting());
        }
    }

    @Test
    void closingAWaitingProcessKillsItAndItsChildren() throws Exception {
        HeldProcess held = hold("sleep 60 & read line; wait");
        Thread.sleep(300);
        long pid = held.pid();
        List<ProcessHandle> children = ProcessHandle.of(pid).orElseThrow().children().toList();
        assertFalse(children.isEmpty(), "the test's process started a child");
        held.close();
        awaitEnd(pid);
        children.forEach(c -> {
            try {
                awaitEnd(c.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "no child outlives it");
        assertTrue(held.release("go", Duration.ofSeconds(1)).isEmpty(), "a closed process cannot be released");
    }

    @Test
    void aReleasedProcessThatOverrunsItsTimeoutIsKilledAndSaysSo() throws Exception {
        try (HeldProcess held = hold("read line; sleep 60")) {
            ProcessOutcome outcome = held.release("go", Duration.ofMillis(500)).orElseThrow();
            assertTrue(outcome.timedOut());
            assertFalse(ProcessHandle.of(held.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void aProcessThatEndedBeforeItsReleaseIsNotReleased() throws Exception {
        try (HeldProcess held = hold("exit 1")) {
            for (int i = 0; i < 100 && held.waiting(); i++) {
                Thread.sleep(20);
            }
            assertFalse(held.waiting());
            assertTrue(held.release("go", Duration.ofSeconds(1)).isEmpty(), "the caller runs the work itself");
        }
    }
}
