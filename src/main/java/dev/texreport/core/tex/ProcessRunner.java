package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import java.util.Optional;

/** Runs external processes. The one real implementation uses Commons Exec; tests substitute a fake. */
public interface ProcessRunner {
    /**
     * Runs the process to its end or until its timeout, whichever comes first. A non-zero exit is an outcome, not
     * an exception; an exception means the process could not be started at all.
     */
    ProcessOutcome run(ProcessSpec spec) throws EnvironmentException;

    /**
     * Starts the process now, to be released later ({@link HeldProcess}); its timeout counts from the release.
     * Empty when this runner cannot hold processes (then the work runs with {@link #run} when it is due).
     */
    default Optional<HeldProcess> hold(ProcessSpec spec) throws EnvironmentException {
        return Optional.empty();
    }
}
