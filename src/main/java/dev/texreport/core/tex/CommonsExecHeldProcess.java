package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.DefaultExecuteResultHandler;

/** A process started by {@link CommonsExecProcessRunner#hold}: Commons Exec runs it, its standard input kept open. */
final class CommonsExecHeldProcess implements HeldProcess {
    private final ProcessSpec spec;
    private final List<String> lines;
    private final OutputStream sink;
    private final CompletableFuture<OutputStream> input;
    private final CommonsExecProcessRunner.TreeKillingWatchdog watchdog;
    private final DefaultExecuteResultHandler result;
    private boolean released;

    CommonsExecHeldProcess(ProcessSpec spec, List<String> lines, OutputStream sink,
                           CompletableFuture<OutputStream> input, CommonsExecProcessRunner.TreeKillingWatchdog watchdog,
                           DefaultExecuteResultHandler result) {
        this.spec = spec;
        this.lines = lines;
        this.sink = sink;
        this.input = input;
        this.watchdog = watchdog;
        this.result = result;
    }

    @Override
    public long pid() {
        return watchdog.pid();
    }

    @Override
    public synchronized boolean waiting() {
        return !released && !result.hasResult();
    }

    @Override
    public Optional<ProcessOutcome> release(String line, Duration timeout) throws EnvironmentException {
        synchronized (this) {
            if (!waiting()) {
                return Optional.empty();
            }
            released = true;
        }
        long start = System.nanoTime();
        try {
            OutputStream stdin = input.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.close();
        } catch (IOException | ExecutionException | TimeoutException e) {
            // It ended between the check and the write (a closed pipe): nothing of the work ran.
            close();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new EnvironmentException("Interrupted while " + spec.executable().getFileName() + " ran", e);
        }
        boolean timedOut = false;
        try {
            long left = timeout.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis();
            result.waitFor(Duration.ofMillis(Math.max(1, left)));
            if (!result.hasResult()) {
                timedOut = true;
                watchdog.kill();
                result.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new EnvironmentException("Interrupted while " + spec.executable().getFileName() + " ran", e);
        }
        CommonsExecProcessRunner.closeQuietly(sink);
        int exit = result.getException() != null ? result.getException().getExitValue() : result.getExitValue();
        return Optional.of(new ProcessOutcome(exit, timedOut || watchdog.killedProcess(), List.copyOf(lines),
                Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public void close() {
        synchronized (this) {
            released = true;
        }
        if (!result.hasResult()) {
            watchdog.kill();
            try {
                result.waitFor(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CommonsExecProcessRunner.closeQuietly(sink);
    }
}
