package dev.texreport.core.build;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.TemplatePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A style file a pack's document needs but the plugin never ships (the official {@code neurips_20XX.sty}, whose
 * licence is the conference's): the pack names it by a pattern ({@code layout.style}), and the file itself comes
 * from the staff's pack (listed in its {@code files}) or from the team ({@code src/report/} or the milestone's
 * folder, both on TeX's search path). The staff's copy wins, so every team of a course is measured with the same
 * style.
 */
final class SuppliedStyle {
    private SuppliedStyle() {
    }

    /** The style's name as the document loads it (without {@code .sty}), or empty when the pack needs none. */
    static Optional<String> resolve(TemplatePack pack, Path projectDir, Path sourceDir, String milestone)
            throws ReportException {
        String pattern = pack.course().layout().style();
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Pattern matcher = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E[A-Za-z0-9_-]*\\Q"));
        List<String> inPack = pack.course().files().stream().filter(f -> matcher.matcher(f).matches()).toList();
        if (!inPack.isEmpty()) {
            return Optional.of(unique(inPack, "the template pack '" + pack.name() + "' (" + pack.origin() + ")"));
        }
        List<Path> searched = List.of(sourceDir, sourceDir.resolve(milestone));
        for (Path dir : searched) {
            List<String> found = matching(dir, matcher);
            if (!found.isEmpty()) {
                return Optional.of(unique(found, ProjectPaths.relative(projectDir, dir) + "/"));
            }
        }
        throw new ConfigurationException("Template pack '" + pack.name() + "' typesets with the official style "
                + pattern + ", which the plugin does not ship, and no such file was found: not among the pack's"
                + " files (" + pack.origin() + "), not in " + ProjectPaths.relative(projectDir, sourceDir) + "/, not in "
                + ProjectPaths.relative(projectDir, sourceDir.resolve(milestone)) + "/. Download the style files of"
                + " the conference's call for papers and put the .sty (e.g. " + pattern.replace("*", "2024")
                + ") into " + ProjectPaths.relative(projectDir, sourceDir) + "/; course staff can instead add it to"
                + " their pack and list it in the pack's \"files\".");
    }

    private static List<String> matching(Path dir, Pattern matcher) throws EnvironmentException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> matcher.matcher(n).matches()).sorted().forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String unique(List<String> names, String where) throws ConfigurationException {
        if (names.size() > 1) {
            throw new ConfigurationException(where + " has " + names.size() + " official style files ("
                    + String.join(", ", names) + "); keep the one the paper is written for.");
        }
        String name = names.get(0);
        return name.substring(0, name.length() - ".sty".length());
    }
}
