package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders tikz's pictures go into ({@code \tikzexternalize[prefix=figures/]}), created in the working directory
 * before TeX writes there: TeX cannot create a folder, and stops with "I can't write on file" when one is missing.
 */
final class FigureFolders {
    private static final Pattern CANNOT_WRITE = Pattern.compile("I can't write on file `([^']+)'");
    /** tikz's prefix option ({@code \tikzexternalize[prefix=figures/]}, {@code \tikzsetexternalprefix{figures/}}). */
    private static final Pattern PREFIX = Pattern.compile(
            "(?:prefix\\s*=\\s*\\{?|\\\\tikzsetexternalprefix\\s*\\{)\\s*([A-Za-z0-9_.+=@/-]+/)");

    private final Path workDir;
    private final String label;
    private final ReportLog log;
    private final Set<Path> made = new HashSet<>();

    FigureFolders(Path workDir, String label, ReportLog log) {
        this.workDir = workDir;
        this.label = label;
        this.log = log;
    }

    /** Before the first pass: the prefix folders the document's files name. */
    void prepare() throws EnvironmentException {
        for (String folder : prefixes()) {
            create(workDir.resolve(folder));
        }
    }

    /**
     * After a pass that stopped because TeX could not open a file for writing in a folder of the working directory
     * that does not exist (tikz's prefix folder when the sources name it in a way {@link #prepare} does not see):
     * creates the folder; true when the pass should run again.
     */
    boolean makeMissing(List<String> logLines) throws EnvironmentException {
        for (String line : logLines) {
            Matcher matcher = CANNOT_WRITE.matcher(line);
            if (matcher.find() && FigureList.safe(matcher.group(1)) && matcher.group(1).contains("/")) {
                Path folder = workDir.resolve(matcher.group(1)).getParent();
                if (!Files.isDirectory(folder) && !made.contains(folder)) {
                    create(folder);
                    log.info("[" + label + "] created the folder " + workDir.relativize(folder)
                            + "/ that the document writes into; typesetting again");
                    return true;
                }
            }
        }
        return false;
    }

    /** The prefix folders the document's files name for tikz's pictures. */
    private List<String> prefixes() throws EnvironmentException {
        List<String> folders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workDir, 3)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tex") && Files.isRegularFile(f)).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (!text.contains("external")) {
                    continue;
                }
                Matcher matcher = PREFIX.matcher(text);
                while (matcher.find()) {
                    String folder = matcher.group(1);
                    if (FigureList.safe(folder.substring(0, folder.length() - 1))) {
                        folders.add(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + workDir + ": " + e.getMessage(), e);
        }
        return folders;
    }

    void create(Path folder) throws EnvironmentException {
        try {
            Files.createDirectories(folder);
            made.add(folder);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
