package dev.texreport.core.importer;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paper's folder as the importer reads it: the main file with the {@code \input}s that hold part of the
 * outline read in, the .bib files, and every other file, which is copied to the same place under src/report/.
 */
final class PaperFolder {
    /** The build's own files beside a paper, never copied (the job's outputs). */
    private static final Set<String> BUILD_OUTPUTS = Set.of("aux", "log", "out", "pdf", "bbl", "blg", "fls",
            "fdb_latexmk", "synctex.gz", "toc", "lof", "lot", "nav", "snm", "run.xml", "bcf", "xdv", "dvi");
    /** Files beside a paper that are not part of it: notes, build scripts, archives. */
    private static final Pattern NOT_THE_PAPER = Pattern.compile(
            "(?i)(?:makefile|latexmkrc|.*\\.(?:md|txt|zip|gz|tgz|tar|sh|py|ipynb))");
    /** What makes an \input'ed file part of the outline, so it must be read in rather than kept as a file. */
    private static final Pattern OUTLINE = Pattern.compile("\\\\(?:section|appendix|maketitle|title|author"
            + "|bibliography|bibliographystyle)(?![A-Za-z])|\\\\(?:begin|end)\\s*\\{(?:document|abstract|ack)}");
    private static final int MAX_INPUT_DEPTH = 8;

    private final Path paper;
    private final Path paperDir;

    PaperFolder(Path paper) {
        this.paper = paper;
        this.paperDir = paper.getParent();
    }

    /** The paper with every {@code \input}/{@code \include} that holds part of the outline read in. */
    String inline(String text, int depth, Set<Path> inlined, List<String> done,
                          List<String> unmapped) throws ReportException {
        LatexText t = new LatexText(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        List<Integer> commands = new ArrayList<>(t.commands("input", 0, t.length()));
        commands.addAll(t.commands("include", 0, t.length()));
        commands.sort(Integer::compare);
        for (int command : commands) {
            boolean include = t.mask().startsWith("\\include", command);
            Optional<LatexText.Argument> name = t.braced(command + (include ? "\\include" : "\\input").length());
            if (name.isEmpty() || command < at) {
                continue;
            }
            String file = t.uncommented(name.get().from(), name.get().to()).strip();
            Optional<Path> found = Stream.of(file, file + ".tex").map(paperDir::resolve).map(Path::normalize)
                    .filter(p -> p.startsWith(paperDir) && Files.isRegularFile(p)).findFirst();
            if (found.isEmpty()) {
                continue;
            }
            String content = read(found.get());
            if (!OUTLINE.matcher(new LatexText(content).mask()).find()) {
                continue; // a table or a figure: it stays a file, copied with the paper's folders
            }
            if (depth >= MAX_INPUT_DEPTH) {
                unmapped.add("\\input{" + file + "} is nested more than " + MAX_INPUT_DEPTH + " deep; not read in");
                continue;
            }
            out.append(t.slice(at, command));
            String inner = inline(content, depth + 1, inlined, done, unmapped);
            out.append(include ? "\\clearpage\n" + inner + "\\clearpage" : inner);
            at = name.get().next();
            inlined.add(found.get());
            done.add("read in " + paperDir.relativize(found.get()) + " (\\" + (include ? "include" : "input")
                    + "ed, part of the outline)");
        }
        out.append(t.slice(at, t.length()));
        return out.toString();
    }

    /** The paper's .bib files as src/report/references.bib; returns the files used, which are not copied again. */
    Set<Path> bibliography(PaperOutline outline, Map<String, byte[]> files, List<String> done,
                           List<String> unmapped) throws EnvironmentException {
        Set<Path> used = new LinkedHashSet<>();
        ByteArrayOutputStream bib = new ByteArrayOutputStream();
        for (String name : outline.bibliographies()) {
            Path file = paperDir.resolve(name.endsWith(".bib") ? name : name + ".bib").normalize();
            if (!file.startsWith(paperDir) || !Files.isRegularFile(file)) {
                unmapped.add("\\bibliography{" + name + "}: no " + name + ".bib beside the paper");
                continue;
            }
            try {
                bib.write(Files.readAllBytes(file));
                bib.write('\n');
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            used.add(file);
        }
        if (!used.isEmpty()) {
            files.put("src/report/references.bib", bib.toByteArray());
            done.add("bibliography: " + String.join(", ", used.stream().map(f -> paperDir.relativize(f).toString())
                    .toList()) + " -> src/report/references.bib");
        }
        return used;
    }

    /** Every other file of the paper's folder, to the same place under src/report/. */
    Map<String, Path> copies(Path projectDir, Set<Path> inlined, Set<Path> bibs, List<String> done) throws EnvironmentException {
        String job = paper.getFileName().toString().replaceFirst("\\.tex$", "");
        Map<String, Path> copies = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(paperDir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = paperDir.relativize(file);
                String name = file.getFileName().toString();
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".") || part.toString().equals("target");
                }
                if (hidden || file.equals(paper) || inlined.contains(file) || bibs.contains(file)
                        || file.startsWith(projectDir)) {
                    continue;
                }
                if (relative.getNameCount() == 1 && (NOT_THE_PAPER.matcher(name).matches()
                        || name.startsWith(job + ".") && BUILD_OUTPUTS.contains(name.substring(job.length() + 1)))) {
                    skipped.add(name);
                    continue;
                }
                copies.put("src/report/" + relative.toString().replace('\\', '/'), file);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + paperDir + ": " + e.getMessage(), e);
        }
        Set<String> folders = new LinkedHashSet<>();
        copies.keySet().forEach(k -> {
            String rest = k.substring("src/report/".length());
            folders.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) + "/" : rest);
        });
        if (!folders.isEmpty()) {
            done.add("copied as they are into src/report/ (on TeX's search path, so paths in the paper still"
                    + " work): " + String.join(", ", folders));
        }
        if (!skipped.isEmpty()) {
            done.add("not copied (not part of the paper): " + String.join(", ", skipped));
        }
        return copies;
    }

    static String read(Path file) throws ReportException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceException(Diagnostic.error(SourceLocation.of(file, 0), "is not valid UTF-8; save it"
                    + " with UTF-8 encoding and import again"));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
