package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;

/**
 * Runs a process with Commons Exec: arguments passed as a list (no shell), standard input closed so TeX can never
 * wait for the keyboard, a watchdog that kills the process and everything it started when the timeout passes, and
 * a shutdown hook that does the same when the JVM stops (Ctrl-C) so no TeX process outlives the build.
 */
public final class CommonsExecProcessRunner implements ProcessRunner {
    private static final ShutdownHookProcessDestroyer DESTROYER = new ShutdownHookProcessDestroyer();
    private final Consumer<String> lineListener;

    /** @param lineListener receives each output line as it is printed (for debug logging); may ignore them */
    public CommonsExecProcessRunner(Consumer<String> lineListener) {
        this.lineListener = lineListener;
    }

    public CommonsExecProcessRunner() {
        this(line -> { });
    }

    @Override
    public ProcessOutcome run(ProcessSpec spec) throws EnvironmentException {
        CommandLine command = new CommandLine(spec.executable().toFile());
        for (String argument : spec.arguments()) {
            command.addArgument(argument, false);
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OutputStream sink = new LogOutputStream() {
            @Override
            protected void processLine(String line, int level) {
                lines.add(line);
                lineListener.accept(line);
            }
        };
        OutputStream out;
        try {
            out = spec.standardOutput() == null ? sink : Files.newOutputStream(spec.standardOutput());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + spec.standardOutput() + ": " + e.getMessage(), e);
        }
        TreeKillingWatchdog watchdog = new TreeKillingWatchdog(spec.timeout());
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(spec.workingDir().toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(out, sink, null));
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(DESTROYER);
        executor.setExitValues(null);
        Map<String, String> environment = new HashMap<>(spec.inherit() ? System.getenv() : Map.of());
        environment.putAll(spec.environment());
        long start = System.nanoTime();
        int exit;
        try {
            exit = executor.execute(command, environment);
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot start " + spec.executable() + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(sink);
            if (out != sink) {
                closeQuietly(out);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new ProcessOutcome(exit, watchdog.killedProcess(), List.copyOf(lines), elapsed);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the line buffer holds nothing to lose; a file's content was already pumped (a broken disk shows on read)
        }
    }

    /** Kills the process's descendants too: with shell escape on, TeX may have started children of its own. */
    private static final class TreeKillingWatchdog extends ExecuteWatchdog {
        private volatile Process process;

        TreeKillingWatchdog(Duration timeout) {
            super(timeout.toMillis());
        }

        @Override
        public synchronized void start(Process process) {
            this.process = process;
            super.start(process);
        }

        @Override
        public synchronized void timeoutOccured(org.apache.commons.exec.Watchdog w) {
            Process running = process;
            if (running != null) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            super.timeoutOccured(w);
            if (running != null) {
                running.destroyForcibly();
            }
        }
    }

}
