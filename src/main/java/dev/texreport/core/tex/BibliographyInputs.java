package dev.texreport.core.tex;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files bibtex or biber read in its last run, with their SHA-256, so that a build seeded with the previous
 * build's .aux and .bbl knows before its first pass whether the bibliography must be made again although the
 * citations did not change (a year fixed in {@code references.bib}). bibtex names what it read in its .blg
 * ({@code Database file #1: references.bib}, {@code The style file: plainnat.bst}) as it was asked for; the file
 * is found again the way bibtex found it ({@link BibSearchPath}). A file bibtex found in the TeX installation is
 * recorded by name only: the engine's identity already stands for the installation. biber names each data source
 * as it found it ({@code Found BibTeX data source '../src/references.bib'}).
 *
 * @param program {@code bibtex} or {@code biber}
 * @param inputs  what it read, in the order it read them
 */
public record BibliographyInputs(String program, List<Input> inputs) {
    /** The name of the record in the working directory, kept with the .aux for the next build. */
    public static String fileName(String jobName) {
        return jobName + ".bibinputs.json";
    }

    /**
     * One file read.
     *
     * @param kind   {@code bib} or {@code bst}: which search path finds it
     * @param name   the name as the program was asked for it ({@code references.bib})
     * @param path   the file it opened, absolute; empty when it came from the TeX installation
     * @param sha256 the file's hash then; empty with an empty path
     */
    public record Input(String kind, String name, String path, String sha256) { }

    private static final Pattern DATABASE = Pattern.compile("^Database file #\\d+: (.+)$");
    private static final Pattern STYLE = Pattern.compile("^The style file: (.+)$");
    private static final Pattern BIBER_LOOKING = Pattern.compile("INFO - Looking for \\w+ (?:file|URL) '(.+)' for");
    private static final Pattern BIBER_FOUND = Pattern.compile("INFO - Found \\w+ data source '(.+)'$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public BibliographyInputs {
        inputs = List.copyOf(inputs);
    }

    /** What bibtex read, from its .blg. */
    public static BibliographyInputs afterBibtex(List<String> blg, BibSearchPath bibPath, BibSearchPath bstPath)
            throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (String line : blg) {
            Matcher m;
            if ((m = STYLE.matcher(line)).matches()) {
                inputs.add(input("bst", m.group(1).strip(), bstPath.resolve(m.group(1).strip())));
            } else if ((m = DATABASE.matcher(line)).matches()) {
                inputs.add(input("bib", m.group(1).strip(), bibPath.resolve(m.group(1).strip())));
            }
        }
        return new BibliographyInputs("bibtex", inputs);
    }

    /**
     * What biber read, from its .blg: each {@code Looking for bibtex file 'x.bib'} followed by the path it found
     * for it. biber does not read a .bst; biblatex's style files are read by the engine.
     */
    public static BibliographyInputs afterBiber(List<String> blg, Path workDir) throws IOException {
        List<Input> inputs = new ArrayList<>();
        String asked = null;
        for (String line : blg) {
            Matcher m;
            if ((m = BIBER_LOOKING.matcher(line)).find()) {
                asked = m.group(1);
            } else if ((m = BIBER_FOUND.matcher(line)).find()) {
                Path found = workDir.resolve(m.group(1)).toAbsolutePath().normalize();
                inputs.add(input("bib", asked != null ? asked : m.group(1),
                        Files.isRegularFile(found) ? Optional.of(found) : Optional.empty()));
                asked = null;
            }
        }
        return new BibliographyInputs("biber", inputs);
    }

    private static Input input(String kind, String name, Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return new Input(kind, name, "", "");
        }
        Path absolute = file.get().toAbsolutePath().normalize();
        return new Input(kind, name, absolute.toString(), sha256(absolute));
    }

    /** Writes the record to {@code file}, through a temporary file so a reader never sees half of it. */
    public void save(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this),
                StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The record in {@code file}; empty when there is none or it cannot be read (then assume all changed). */
    public static Optional<BibliographyInputs> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BibliographyInputs inputs = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    BibliographyInputs.class);
            return inputs.program() == null || inputs.inputs() == null ? Optional.empty() : Optional.of(inputs);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What changed since the record in {@code recordFile} was made, one phrase per file (e.g.
     * {@code references.bib changed}); empty when bibtex would read exactly the same bytes again. No record at all
     * counts as a change: the previous build may come from a version that kept none.
     *
     * @param environment the environment bibtex runs with (its {@code BIBINPUTS} and {@code BSTINPUTS})
     */
    public static List<String> changesSince(Path recordFile, Path workDir, Map<String, String> environment)
            throws IOException {
        Optional<BibliographyInputs> recorded = load(recordFile);
        if (recorded.isEmpty()) {
            return List.of("no record of the files the bibliography was made from");
        }
        return recorded.get().changes(BibSearchPath.forBib(workDir, environment),
                BibSearchPath.forBst(workDir, environment));
    }

    /** What changed since this record was made, one phrase per file. */
    public List<String> changes(BibSearchPath bibPath, BibSearchPath bstPath) throws IOException {
        List<String> changes = new ArrayList<>();
        for (Input input : inputs) {
            BibSearchPath search = input.kind().equals("bst") ? bstPath : bibPath;
            Optional<Path> now = search.resolve(input.name());
            if (now.isPresent()) {
                Path file = now.get().toAbsolutePath().normalize();
                if (!file.toString().equals(input.path())) {
                    changes.add(input.name() + " is now read from " + search.display(file));
                } else if (!sha256(file).equals(input.sha256())) {
                    changes.add(input.name() + " changed");
                }
            } else if (!input.path().isEmpty()) {
                Path file = Path.of(input.path());
                if (isBelowSearchPath(file, search) || !Files.isRegularFile(file)) {
                    changes.add(input.name() + " is gone");
                } else if (!sha256(file).equals(input.sha256())) {
                    changes.add(input.name() + " changed");
                }
            }
        }
        return changes;
    }

    private static boolean isBelowSearchPath(Path file, BibSearchPath search) {
        return search.dirs().stream().anyMatch(d -> file.startsWith(d.path().toAbsolutePath().normalize()));
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
