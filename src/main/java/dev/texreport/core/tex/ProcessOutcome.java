package dev.texreport.core.tex;

import java.time.Duration;
import java.util.List;

/** How a process ended: its exit code, whether the watchdog killed it, what it printed, how long it took. */
public record ProcessOutcome(int exitCode, boolean timedOut, List<String> output, Duration elapsed) {
    public ProcessOutcome {
        output = List.copyOf(output);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
