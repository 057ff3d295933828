package dev.texreport.core.template;

import dev.texreport.core.ProjectPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rendering one milestone's templates learns on the way: which results files were used, which warnings the
 * vocabulary raised (with their template location), whether a figure needs pgfplots, and the report's palette.
 */
public final class RenderContext {
    private final Map<Object, Path> owners;
    private final Path resultsDir;
    private final Palette palette;
    private final Set<Path> usedFiles = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean usesPgfplots;

    /**
     * @param owners     every JSON object and array of the results, mapped (by identity) to the file it came from
     * @param resultsDir the results folder, to print file names relative to the report
     * @param palette    colours and marks shared by the whole report
     */
    public RenderContext(Map<Object, Path> owners, Path resultsDir, Palette palette) {
        this.owners = new IdentityHashMap<>(owners);
        this.resultsDir = resultsDir;
        this.palette = palette;
    }

    public static RenderContext empty() {
        return new RenderContext(Map.of(), Path.of("results"), new Palette());
    }

    public Palette palette() {
        return palette;
    }

    public void used(Path file) {
        usedFiles.add(file);
    }

    public Set<Path> usedFiles() {
        return Set.copyOf(usedFiles);
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void needPgfplots() {
        usesPgfplots = true;
    }

    public boolean usesPgfplots() {
        return usesPgfplots;
    }

    /** The results file some data came from, e.g. {@code results/main.json}, for provenance comments. */
    public String provenance(Object data) {
        Path file = owners.get(data);
        if (file == null) {
            return "data given in the template";
        }
        used(file);
        return "results/" + ProjectPaths.slashes(resultsDir.relativize(file));
    }
}
