package dev.texreport.core.build;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One build at a time in a project's output folder: {@code report:watch} beside an IDE's Maven build, or two
 * {@code mvn report:build} in two terminals, would otherwise write the same working files and summary at once. The
 * lock is an operating-system lock on {@code target/report/.texreport/lock} (the system releases it when a process
 * ends, however it ends, so it can never go stale), plus a lock per JVM, since one JVM cannot take the same file
 * lock twice. A second build waits, says so once, and gives up after {@code report.lockTimeout}.
 */
final class ProjectLock implements AutoCloseable {
    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the output folder, waiting up to {@code wait} for another build to finish.
     *
     * @param projectDir to show the lock file relative to the project
     */
    static ProjectLock acquire(Path outputDir, Path projectDir, Duration wait, ReportLog log)
            throws EnvironmentException {
        Path file = outputDir.resolve(".texreport").resolve("lock").toAbsolutePath().normalize();
        Semaphore local = IN_THIS_JVM.computeIfAbsent(file, f -> new Semaphore(1, true));
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        try {
            if (!local.tryAcquire()) {
                said = waiting(log, file, projectDir, said);
                if (!local.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw stillBusy(file, projectDir, wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting for another report build in this project", e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    String holder = ProcessHandle.current().pid() + " since " + Instant.now();
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return new ProjectLock(local, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw stillBusy(file, projectDir, wait);
                }
                said = waiting(log, file, projectDir, said);
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            close(channel);
            local.release();
            throw new EnvironmentException("Cannot lock " + file + " for this build: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(channel);
            local.release();
            throw new EnvironmentException("Interrupted while waiting for another report build in this project", e);
        } catch (EnvironmentException e) {
            close(channel);
            local.release();
            throw e;
        }
    }

    private static boolean waiting(ReportLog log, Path file, Path projectDir, boolean said) {
        if (!said) {
            log.info("Waiting for another report build in this project to finish (it holds "
                    + ProjectPaths.relative(projectDir, file) + holder(file) + ")...");
        }
        return true;
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : ", process " + text;
        } catch (IOException e) {
            return "";
        }
    }

    private static EnvironmentException stillBusy(Path file, Path projectDir, Duration wait) {
        return new EnvironmentException("Another report build in this project still runs after "
                + wait.toSeconds() + " s (it holds " + ProjectPaths.relative(projectDir, file) + holder(file)
                + "). Wait for it to finish or stop it (e.g. the report:watch in another terminal), or raise"
                + " report.lockTimeout.");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to undo
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        close(channel);
        local.release();
    }
}
