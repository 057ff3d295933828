package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.time.Duration;
import java.util.Optional;

/**
 * A process started ahead of its work, waiting for one line on its standard input before it goes on
 * ({@link StandbyEngines}: an engine with the preamble format loaded, waiting for the next build's pass).
 */
public interface HeldProcess extends AutoCloseable {
    /** The process's id, or -1 before it has started. */
    long pid();

    /** Whether it still waits: neither ended nor released. */
    boolean waiting();

    /**
     * Sends {@code line}, closes its standard input and waits until it ends; when {@code timeout} passes first, it is
     * killed with everything it started (a timed-out outcome). Empty when it could not be released because it had
     * ended meanwhile: then nothing ran, and the caller runs the work itself.
     */
    Optional<ProcessOutcome> release(String line, Duration timeout) throws EnvironmentException;

    /** Kills it, with everything it started, unless it has ended; then waits for it to be gone. */
    @Override
    void close();
}
