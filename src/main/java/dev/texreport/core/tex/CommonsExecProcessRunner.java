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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
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
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OutputStream sink = lineSink(lines);
        OutputStream out;
        try {
            out = spec.standardOutput() == null ? sink : Files.newOutputStream(spec.standardOutput());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + spec.standardOutput() + ": " + e.getMessage(), e);
        }
        TreeKillingWatchdog watchdog = new TreeKillingWatchdog(spec.timeout().toMillis());
        DefaultExecutor executor = executor(spec, watchdog);
        executor.setStreamHandler(new PumpStreamHandler(out, sink, null));
        long start = System.nanoTime();
        int exit;
        try {
            exit = executor.execute(commandLine(spec), environment(spec));
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

    /**
     * Starts the process with its standard input open (the one line that releases it is written there, then it is
     * closed) and without a timer: the spec's timeout counts from the release. Its output is read as lines.
     */
    @Override
    public Optional<HeldProcess> hold(ProcessSpec spec) throws EnvironmentException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OutputStream sink = lineSink(lines);
        CompletableFuture<OutputStream> input = new CompletableFuture<>();
        TreeKillingWatchdog watchdog = new TreeKillingWatchdog(ExecuteWatchdog.INFINITE_TIMEOUT);
        DefaultExecutor executor = executor(spec, watchdog);
        executor.setStreamHandler(new PumpStreamHandler(sink, sink, null) {
            @Override
            public void setProcessInputStream(OutputStream stdin) {
                input.complete(stdin);
            }
        });
        DefaultExecuteResultHandler result = new DefaultExecuteResultHandler();
        try {
            executor.execute(commandLine(spec), environment(spec), result);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot start " + spec.executable() + ": " + e.getMessage(), e);
        }
        return Optional.of(new CommonsExecHeldProcess(spec, lines, sink, input, watchdog, result));
    }

    private static CommandLine commandLine(ProcessSpec spec) {
        CommandLine command = new CommandLine(spec.executable().toFile());
        for (String argument : spec.arguments()) {
            command.addArgument(argument, false);
        }
        return command;
    }

    private OutputStream lineSink(List<String> lines) {
        return new LogOutputStream() {
            @Override
            protected void processLine(String line, int level) {
                lines.add(line);
                lineListener.accept(line);
            }
        };
    }

    private static DefaultExecutor executor(ProcessSpec spec, ExecuteWatchdog watchdog) {
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(spec.workingDir().toFile()).get();
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(DESTROYER);
        executor.setExitValues(null);
        return executor;
    }

    private static Map<String, String> environment(ProcessSpec spec) {
        Map<String, String> environment = new HashMap<>(spec.inherit() ? System.getenv() : Map.of());
        environment.putAll(spec.environment());
        return environment;
    }

    static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the line buffer holds nothing to lose; a file's content was already pumped (a broken disk shows on read)
        }
    }

    /** Kills the process's descendants too: with shell escape on, TeX may have started children of its own. */
    static final class TreeKillingWatchdog extends ExecuteWatchdog {
        private volatile Process process;

        TreeKillingWatchdog(long timeoutMillis) {
            super(timeoutMillis);
        }

        private boolean killed;

        long pid() {
            Process running = process;
            return running == null ? -1 : running.pid();
        }

        /** Kills the process and its descendants now, or as soon as it starts. */
        synchronized void kill() {
            killed = true;
            timeoutOccured(null);
        }

        @Override
        public synchronized void start(Process process) {
            this.process = process;
            super.start(process);
            if (killed) {
                timeoutOccured(null);
            }
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
