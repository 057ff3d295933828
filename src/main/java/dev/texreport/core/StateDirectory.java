package dev.texreport.core;

import java.nio.file.Path;

/** target/report/.texreport: what one build leaves for the next (build states, .aux seeds, the build stamp). */
final class StateDirectory {
    private StateDirectory() {
    }

    static Path of(Path outputDir) {
        return outputDir.resolve(".texreport");
    }
}
