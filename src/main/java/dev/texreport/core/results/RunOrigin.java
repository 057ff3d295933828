package dev.texreport.core.results;

import dev.texreport.core.ProjectPaths;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run record came from, for messages: {@code results/main.json:14}. Records keep their identity from the
 * loader to the calls, so the file and line are looked up by identity.
 */
@FunctionalInterface
public interface RunOrigin {
    RunOrigin UNKNOWN = run -> "";

    /** The record's file and line, e.g. {@code results/main.json:14}; empty when it was not read from a file. */
    String of(Map<String, Object> run);

    /** The origins of the loaded results, named relative to the results folder's parent. */
    static RunOrigin of(ResultsLoader.LoadedResults results, Path resultsDir) {
        return run -> {
            Path file = results.owners().get(run);
            if (file == null) {
                return "";
            }
            Integer line = results.lines().get(run);
            return "results/" + ProjectPaths.slashes(resultsDir.relativize(file)) + (line == null ? "" : ":" + line);
        };
    }
}
