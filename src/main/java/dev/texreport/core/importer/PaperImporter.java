package dev.texreport.core.importer;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.Author;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.Diagnostic;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code report:import}: turns an existing single-file paper (main .tex, conference style, .bib, image and data
 * folders) into a team project. The preamble, less what the conference style loads, becomes
 * {@code src/report/preamble.tex}; each {@code \section} its own verbatim file in the milestone's folder; abstract,
 * acknowledgements ({@code ack}), a checklist and the appendix their own files; title and authors (rows and
 * affiliations) go into the POM. Every other file of the paper's folder is copied to the same place under
 * {@code src/report/}, which is on TeX's search path, so no {@code \includegraphics} or data path changes. Nothing
 * is ever overwritten: when a file to write exists, nothing is written at all.
 */
public final class PaperImporter {
    /** What an import did: the files written, what it did in words, and what it could not map. */
    public record Outcome(List<Path> written, List<String> done, List<String> unmapped, String template,
                          String mode) { }

    private static final Pattern LOADS = Pattern.compile(
            "\\\\(?:RequirePackage|usepackage)\\s*(?:\\[[^]]*])?\\s*\\{([^}]*)}");

    private final Path paper;
    private final String milestone;
    private final String template;
    private final String pluginGroupId;
    private final String pluginArtifactId;
    private final String pluginVersion;

    /**
     * @param paper     the paper's main .tex file
     * @param milestone the milestone folder the paper goes into (e.g. {@code final})
     * @param template  the pack to write into the POM, or null: {@code neurips-official} for a paper written in a
     *                  {@code neurips_20XX.sty} that lies beside it, else {@code builtin}
     */
    public PaperImporter(Path paper, String milestone, String template, String pluginGroupId,
                         String pluginArtifactId, String pluginVersion) {
        this.paper = paper.toAbsolutePath().normalize();
        this.milestone = milestone;
        this.template = template == null || template.isBlank() ? null : template.strip();
        this.pluginGroupId = pluginGroupId;
        this.pluginArtifactId = pluginArtifactId;
        this.pluginVersion = pluginVersion;
    }

    public Outcome importInto(Path projectDir) throws ReportException {
        Path dir = projectDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(paper)) {
            throw new ConfigurationException("No paper at " + paper + " (report.paper): name the paper's main .tex"
                    + " file, e.g. -Dreport.paper=paper/main.tex");
        }
        Path paperDir = paper.getParent();
        if (dir.startsWith(paperDir)) {
            // The paper's folder is copied into the project: a project in or below it would copy itself.
            throw new ConfigurationException("The project folder " + dir + " is the paper's folder or lies inside"
                    + " it; import into a folder beside it (report.initDirectory).");
        }
        List<String> done = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        Set<Path> inlined = new LinkedHashSet<>();
        PaperFolder folder = new PaperFolder(paper);
        String source = folder.inline(read(paper), 0, inlined, done, unmapped);
        PaperOutline outline;
        try {
            outline = PaperOutline.parse(new LatexText(source));
        } catch (IllegalArgumentException e) {
            throw new SourceException(Diagnostic.error(SourceLocation.of(paper, 0), e.getMessage()));
        }
        unmapped.addAll(outline.unmapped());

        // The conference style and what it loads: those packages leave the preamble.
        Optional<Path> styleFile = outline.style().map(s -> paperDir.resolve(s + ".sty")).filter(Files::isRegularFile);
        Set<String> styleLoads = new LinkedHashSet<>();
        if (outline.style().isPresent() && styleFile.isEmpty()) {
            unmapped.add("the paper loads " + outline.style().get() + ", but " + outline.style().get() + ".sty is not"
                    + " beside it; put the style file into src/report/");
        }
        if (styleFile.isPresent()) {
            Matcher loads = LOADS.matcher(new LatexText(read(styleFile.get())).mask());
            while (loads.find()) {
                for (String name : loads.group(1).split(",")) {
                    styleLoads.add(name.strip());
                }
            }
        }
        String preamble = withoutLoaded(outline.preamble(), styleLoads, outline.style().orElse(""), done);
        if (!outline.documentClass().equals("article") || !outline.classOptions().isEmpty()) {
            unmapped.add("\\documentclass" + (outline.classOptions().isEmpty() ? "" : "[" + outline.classOptions()
                    + "]") + "{" + outline.documentClass() + "}: the pack's document is an article without options");
        }
        String mode = outline.style().isEmpty() ? "final" : outline.styleOptions().contains("final") ? "final"
                : outline.styleOptions().contains("preprint") ? "preprint" : "anonymous";
        String pack = template != null ? template
                : styleFile.isPresent() && outline.style().get().startsWith("neurips_") ? "neurips-official"
                : "builtin";

        String title = PlainText.of(outline.title());
        if (title.isEmpty()) {
            unmapped.add("the paper has no \\title; write the title into pom.xml's <name>");
            title = "Untitled";
        } else if (outline.title().contains("\\")) {
            done.add("title: written into pom.xml as plain text (its LaTeX markup and line breaks left out): "
                    + title);
        }
        List<Author> authors = AuthorBlock.parse(outline.authors(), unmapped);
        if (authors.isEmpty()) {
            unmapped.add("no authors found in \\author; add them to pom.xml's <developers>");
        }

        // The files to write, by path relative to the project, and the files to copy.
        String report = "src/report/";
        String milestoneDir = report + milestone + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!preamble.isBlank()) {
            put(files, report + "preamble.tex", "% The preamble of " + paper.getFileName() + ", less the conference"
                    + " style, title and authors (in pom.xml).\n" + PaperOutline.trimmed(preamble));
        }
        outline.abstractText().ifPresent(a -> put(files, milestoneDir + "abstract.tex", a));
        outline.opening().ifPresent(o -> put(files, milestoneDir + "00-opening.tex", o));
        for (int i = 0; i < outline.sections().size(); i++) {
            PaperOutline.Part part = outline.sections().get(i);
            put(files, milestoneDir + PaperOutline.fileName(i + 1, part.title()), part.text());
        }
        outline.acknowledgements().ifPresent(a -> put(files, milestoneDir + "acknowledgements.tex", a));
        outline.checklist().ifPresent(c -> put(files, milestoneDir + "checklist.tex", c));
        for (int i = 0; i < outline.appendix().size(); i++) {
            PaperOutline.Part part = outline.appendix().get(i);
            put(files, milestoneDir + "appendix/" + PaperOutline.fileName(i + 1, part.title()), part.text());
        }
        Set<Path> bibs = folder.bibliography(outline, files, done, unmapped);
        outline.bibliographyStyle().filter(s -> !s.equals("plainnat")).ifPresent(s -> unmapped.add(
                "\\bibliographystyle{" + s + "}: the pack's reference style (plainnat) is used; references are not"
                        + " counted"));
        Map<String, Path> copies = folder.copies(dir, inlined, bibs, done);
        files.put("pom.xml", ImportedPom.text(artifactId(dir), title, authors, pack, mode, pluginGroupId,
                pluginArtifactId, pluginVersion).getBytes(StandardCharsets.UTF_8));
        for (String generated : files.keySet()) {
            if (copies.containsKey(generated)) {
                throw new ConfigurationException("The paper's own file " + paperDir.relativize(copies.get(generated))
                        + " would take the place of the imported " + generated + "; rename it in the paper (and"
                        + " where the paper uses it), then import again.");
            }
        }

        List<String> existing = new ArrayList<>();
        Stream.concat(Stream.of("pom.xml"), Stream.concat(files.keySet().stream(), copies.keySet().stream()))
                .distinct().filter(f -> Files.exists(dir.resolve(f))).forEach(existing::add);
        if (!existing.isEmpty()) {
            throw new ConfigurationException("report:import never overwrites a file, and " + existing.size()
                    + " of the files it would write exist: " + String.join(", ", existing.subList(0,
                    Math.min(existing.size(), 8))) + (existing.size() > 8 ? ", ..." : "") + ". Nothing was written;"
                    + " import into an empty folder (-Dreport.initDirectory=...) or move these files away.");
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            AtomicFile.write(target, temp -> Files.write(temp, file.getValue()));
            written.add(target);
        }
        for (Map.Entry<String, Path> copy : copies.entrySet()) {
            Path target = dir.resolve(copy.getKey());
            AtomicFile.write(target, temp -> Files.copy(copy.getValue(), temp));
            written.add(target);
        }
        done.add(outline.sections().size() + " section(s)" + (outline.abstractText().isPresent() ? ", the abstract"
                : "") + (outline.acknowledgements().isPresent() ? ", the acknowledgements" : "")
                + (outline.checklist().isPresent() ? ", the checklist" : "") + " and " + outline.appendix().size()
                + " appendix section(s) into " + milestoneDir);
        done.add("title and " + authors.size() + " author(s)"
                + (authors.stream().anyMatch(a -> a.row() > 0) ? " in " + authors.get(authors.size() - 1).row()
                + " rows" : "") + " into pom.xml; report.template=" + pack + ", report.mode=" + mode);
        return new Outcome(written, done, unmapped, pack, mode);
    }

    /** The preamble without the usepackage lines of packages the conference style loads itself. */
    private static String withoutLoaded(String preamble, Set<String> loaded, String style, List<String> done) {
        if (loaded.isEmpty()) {
            return preamble;
        }
        LatexText t = new LatexText(preamble);
        Cuts cuts = new Cuts(t);
        List<String> dropped = new ArrayList<>();
        for (int command : t.commands("usepackage", 0, t.length())) {
            int after = command + "\\usepackage".length();
            Optional<LatexText.Argument> names = t.braced(t.skipOptional(after));
            if (names.isEmpty()) {
                continue;
            }
            List<String> all = List.of(t.uncommented(names.get().from(), names.get().to()).split(",")).stream()
                    .map(String::strip).filter(n -> !n.isEmpty()).toList();
            List<String> kept = all.stream().filter(n -> !loaded.contains(n)).toList();
            if (kept.size() == all.size()) {
                continue;
            }
            all.stream().filter(loaded::contains).forEach(dropped::add);
            if (kept.isEmpty()) {
                cuts.add(command, names.get().next());
            } else {
                cuts.replace(names.get().from(), names.get().to(), String.join(",", kept));
            }
        }
        if (!dropped.isEmpty()) {
            done.add("preamble: left out \\usepackage{" + String.join(",", dropped) + "}, which " + style
                    + ".sty loads itself");
        }
        return cuts.apply(0, t.length());
    }

    private static void put(Map<String, byte[]> files, String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String artifactId(Path dir) {
        Path name = dir.getFileName();
        String slug = (name == null ? "paper" : name.toString()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "paper" : slug;
    }

    private static String read(Path file) throws ReportException {
        return PaperFolder.read(file);
    }
}
