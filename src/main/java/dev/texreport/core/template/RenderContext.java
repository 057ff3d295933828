package dev.texreport.core.template;

import dev.texreport.core.ProjectPaths;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.results.RunOrigin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What rendering one milestone's templates learns on the way: which results files were used, which warnings the
 * vocabulary raised (with their template location), which packages the figures and tables need, and the report's
 * palette.
 */
public final class RenderContext {
    private final Map<Object, Path> owners;
    private final Map<Path, List<Path>> members;
    private final Path resultsDir;
    private final Palette palette;
    private final RunOrigin origin;
    private final Consumer<String> progress;
    private final Set<Path> usedFiles = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> packages = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param results    the loaded results: where each object came from, to name files in comments and messages
     * @param resultsDir the results folder, to print file names relative to the report
     * @param palette    colours and marks shared by the whole report
     * @param progress   receives a line when results work takes more than a second
     */
    public RenderContext(ResultsLoader.LoadedResults results, Path resultsDir, Palette palette,
                         Consumer<String> progress) {
        this.owners = new IdentityHashMap<>(results.owners());
        this.members = results.members();
        this.resultsDir = resultsDir;
        this.palette = palette;
        this.origin = RunOrigin.of(results, resultsDir);
        this.progress = progress;
    }

    public static RenderContext empty() {
        return new RenderContext(new ResultsLoader.LoadedResults(Map.of(), List.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), List.of()), Path.of("results"), new Palette(), line -> { });
    }

    public Palette palette() {
        return palette;
    }

    /** Where run records came from, for messages. */
    public RunOrigin origin() {
        return origin;
    }

    /** Records a results file, or every file of a run folder, as used. */
    public void used(Path file) {
        usedFiles.addAll(members.getOrDefault(file, List.of(file)));
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

    /** A line for the build's debug log (e.g. how a long curve was thinned). */
    public void debug(String line) {
        debug.add(line);
    }

    public List<String> debugLines() {
        return List.copyOf(debug);
    }

    /** A line shown while the build runs, for results work that takes more than a second. */
    public void progress(String line) {
        progress.accept(line);
    }

    public void needPgfplots() {
        packages.add("pgfplots");
    }

    public boolean usesPgfplots() {
        return packages.contains("pgfplots");
    }

    /** A LaTeX package a call's output needs, e.g. {@code longtable}; the document template loads it. */
    public void needPackage(String name) {
        packages.add(name);
    }

    /** The packages the calls need besides pgfplots, in order of first use. */
    public List<String> packages() {
        return packages.stream().filter(p -> !p.equals("pgfplots")).toList();
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
