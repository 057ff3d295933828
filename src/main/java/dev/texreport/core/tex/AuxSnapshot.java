package dev.texreport.core.tex;

import dev.texreport.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The content of the files TeX writes and reads back (.aux, .toc, .out, .bbl, ...), as hashes. Two snapshots are
 * equal when the next pass would read exactly what the last one read: that is the fixed point where passes stop.
 * Lines that never change what TeX typesets are left out of the hash: texreport-measure.sty's own position records,
 * and the kernel's {@code \@abspage@last} (latexmk ignores it for the same reason). A file that holds nothing else
 * counts as absent, so a document without cross-references needs a single pass.
 */
public record AuxSnapshot(Map<String, String> hashes) {
    // tikz's external library writes a list of pictures, a makefile and a lock file that TeX never reads, and a hash
    // per picture that decides nothing typeset; the pictures themselves count through FigureJobs.
    private static final Set<String> NOT_READ_BACK = Set.of("log", "pdf", "fls", "dvi", "xdv", "blg", "synctex",
            "gz", "run.xml", "figlist", "makefile", "auxlock", "md5", "dpth");

    public AuxSnapshot {
        hashes = Map.copyOf(hashes);
    }

    public static AuxSnapshot empty() {
        return new AuxSnapshot(Map.of());
    }

    /** Hashes the files the last pass wrote (from the recorder's .fls) plus the bibliography files. */
    public static AuxSnapshot take(Path workDir, String jobName) throws IOException {
        Set<String> names = new TreeSet<>(writtenFiles(workDir, jobName));
        names.add(jobName + ".bbl");
        return ofFiles(workDir, names);
    }

    /** Hashes the named files of the working directory. */
    public static AuxSnapshot ofFiles(Path workDir, java.util.Collection<String> names) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : names) {
            Path file = workDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String normalized = normalize(name, Files.readString(file, StandardCharsets.ISO_8859_1));
            if (!normalized.isBlank()) {
                hashes.put(name, sha256(normalized));
            }
        }
        return new AuxSnapshot(hashes);
    }

    /** This snapshot with one more entry (no change when {@code hash} is null). */
    public AuxSnapshot with(String name, String hash) {
        if (hash == null) {
            return this;
        }
        Map<String, String> more = new TreeMap<>(hashes);
        more.put(name, hash);
        return new AuxSnapshot(more);
    }

    /** The files whose content differs between the two snapshots, by name. */
    public List<String> changedSince(AuxSnapshot before) {
        Set<String> all = new TreeSet<>(hashes.keySet());
        all.addAll(before.hashes.keySet());
        return all.stream().filter(n -> !java.util.Objects.equals(hashes.get(n), before.hashes.get(n)))
                .collect(Collectors.toList());
    }

    static List<String> writtenFiles(Path workDir, String jobName) throws IOException {
        Path fls = workDir.resolve(jobName + ".fls");
        if (!Files.isRegularFile(fls)) {
            return List.of(jobName + ".aux");
        }
        Path base = workDir.toAbsolutePath().normalize();
        return Files.readAllLines(fls, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("OUTPUT "))
                .map(l -> l.substring("OUTPUT ".length()).strip())
                .map(n -> {
                    Path p = Path.of(n);
                    return p.isAbsolute() && p.normalize().startsWith(base) ? base.relativize(p.normalize()).toString() : n;
                })
                .filter(n -> !Path.of(n).isAbsolute() && !n.startsWith(".."))
                .filter(n -> !NOT_READ_BACK.contains(extension(n)))
                .distinct()
                .collect(Collectors.toList());
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static String normalize(String name, String content) {
        if (!name.endsWith(".aux")) {
            return content;
        }
        // \bibcite lines only define macros, so their order does not matter to the next pass; it does shift when a
        // page break moves inside the reference list, which would otherwise cost an extra pass.
        List<String> bibcites = content.lines().filter(l -> l.startsWith("\\bibcite{")).sorted().toList();
        return content.lines()
                .filter(l -> !l.startsWith("\\texreport@"))
                .filter(l -> !l.startsWith("\\gdef \\@abspage@last{"))
                .filter(l -> !l.strip().equals("\\relax"))
                .filter(l -> !l.startsWith("\\bibcite{"))
                .collect(Collectors.joining("\n")) + "\n" + String.join("\n", bibcites);
    }

    private static String sha256(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
