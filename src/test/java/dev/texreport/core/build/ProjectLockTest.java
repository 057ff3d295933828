package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build at a time per project: a second one waits, says so, and gives up after its bound. */
class ProjectLockTest {
    @TempDir
    Path project;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ReportLog collecting = new ReportLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { log.add(message); }
        @Override public void warn(String message) { log.add(message); }
        @Override public void error(String message) { log.add(message); }
    };

    private Path out() {
        return project.resolve("target/report");
    }

    @Test
    void aSecondBuildInThisJvmWaitsForTheFirst() throws Exception {
        ProjectLock first = ProjectLock.acquire(out(), project, Duration.ofSeconds(5), collecting);
        CompletableFuture<ProjectLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return ProjectLock.acquire(out(), project, Duration.ofSeconds(5), collecting);
            } catch (EnvironmentException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertTrue(!second.isDone(), "the second build waits while the first holds the lock");
        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        assertEquals(1, log.stream().filter(l -> l.startsWith("Waiting for another report build in this project"
                + " to finish (it holds target/report/.texreport/lock")).count(), log.toString());
    }

    @Test
    void aLockHeldByAnotherProcessIsWaitedForThenReportedWithItsHolder() throws Exception {
        Path file = Files.createDirectories(out().resolve(".texreport")).resolve("lock");
        Files.writeString(file, "4242 since 2026-12-03T10:00:00Z");
        // Another process's lock is an operating-system lock on the file; this JVM takes one the same way.
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE); FileLock held = other.lock()) {
            EnvironmentException e = assertThrows(EnvironmentException.class,
                    () -> ProjectLock.acquire(out(), project, Duration.ofSeconds(1), collecting));
            assertEquals("Another report build in this project still runs after 1 s (it holds"
                    + " target/report/.texreport/lock, process 4242 since 2026-12-03T10:00:00Z). Wait for it to finish"
                    + " or stop it (e.g. the report:watch in another terminal), or raise report.lockTimeout.",
                    e.getMessage());
        }
        try (ProjectLock lock = ProjectLock.acquire(out(), project, Duration.ofSeconds(1), collecting)) {
            assertTrue(Files.readString(file).startsWith(ProcessHandle.current().pid() + " since "),
                    "the holder is written into the lock file for the next one to name");
        }
    }
}
