package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The pictures of one milestone made by earlier builds, so that a picture is made again only when it changed.
 *
 * <p>An entry is found by the picture's key ({@link #key}: what tikz hashed of its code, the width and font it is
 * typeset in, the engine) and holds the PDF, tikz's .dpth (the baseline) and the list of files the job read, each
 * with its digest: the preamble's files and the data and images the picture itself read by content, the TeX
 * installation's files by size and time (cheap to check, and any update changes them). The entry counts only while
 * every one of those files is still as it was. The text around a picture is not part of it: the picture's job reads
 * the whole document, but what it typesets is the picture alone.
 *
 * <p>Hand-written because the key is TeX-specific (tikz's .md5 files and the recorder's file list); a general build
 * cache library would not know which of the files a job read matter to its output.
 */
final class FigureCache {
    static final String INDEX = "index.txt";
    private static final String PDF = "figure.pdf";
    private static final String DEPTH = "figure.dpth";
    private static final String READS = "reads.txt";

    private final Path dir;

    /** @param dir the milestone's cache folder, e.g. {@code target/report/.texreport/figures/final} */
    FigureCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The key of a picture: tikz's hash of its code (its .md5 file, written by the pass that listed it), the width,
     * font and colour it is typeset in, and the engine. Null when tikz wrote no hash (its {@code up to date check}
     * is not md5): such a picture is made in every build.
     */
    static String key(Path md5File, FigureList.Figure figure, String engine) throws IOException {
        if (!Files.isRegularFile(md5File)) {
            return null;
        }
        String code = Files.readString(md5File, StandardCharsets.ISO_8859_1).strip();
        return Hashes.sha256("figure 1\n" + engine + "\n" + code + "\n" + figure.context());
    }

    /** Copies the picture of {@code key} to {@code <name>.pdf} (and .dpth) when the entry still holds. */
    boolean restore(String key, Path workDir, String name) throws EnvironmentException {
        Path entry = dir.resolve(key);
        Path pdf = entry.resolve(PDF);
        if (!Files.isRegularFile(pdf, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            for (FigureReads.Read read : readReads(entry.resolve(READS))) {
                if (!read.stillHolds()) {
                    return false;
                }
            }
            Path target = workDir.resolve(name + ".pdf");
            Files.createDirectories(target.getParent());
            Files.copy(pdf, target, StandardCopyOption.REPLACE_EXISTING);
            Path depth = entry.resolve(DEPTH);
            if (Files.isRegularFile(depth, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(depth, workDir.resolve(name + ".dpth"), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            return false; // an entry that cannot be read is made again
        }
    }

    /** Keeps the picture {@code <name>.pdf} just made, with the files its job read. */
    void store(String key, Path workDir, String name, List<FigureReads.Read> reads) throws EnvironmentException {
        Path entry = dir.resolve(key);
        Path temp = dir.resolve("." + key + ".tmp");
        try {
            deleteTree(temp);
            Files.createDirectories(temp);
            Files.copy(workDir.resolve(name + ".pdf"), temp.resolve(PDF));
            Path depth = workDir.resolve(name + ".dpth");
            if (Files.isRegularFile(depth)) {
                Files.copy(depth, temp.resolve(DEPTH));
            }
            List<String> lines = new ArrayList<>();
            for (FigureReads.Read read : reads) {
                lines.add(read.kind() + "\t" + read.digest() + "\t" + read.file());
            }
            Files.write(temp.resolve(READS), lines, StandardCharsets.UTF_8);
            deleteTree(entry);
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot keep the picture " + name + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The pictures of the last build: job name to key, for {@link #restore} before the first pass. */
    Map<String, String> index() {
        Map<String, String> index = new LinkedHashMap<>();
        Path file = dir.resolve(INDEX);
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && FigureList.safe(line.substring(0, tab))) {
                        index.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return index;
    }

    /** Records this build's pictures and removes the entries no picture uses any more. */
    void keepOnly(Map<String, String> pictures) throws EnvironmentException {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(pictures).forEach((name, key) -> lines.add(name + "\t" + key));
        AtomicFile.write(dir.resolve(INDEX), temp -> Files.write(temp, lines, StandardCharsets.UTF_8));
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !pictures.containsValue(name)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot clean the picture cache " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<FigureReads.Read> readReads(Path file) throws IOException {
        List<FigureReads.Read> reads = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                throw new IOException("unreadable line in " + file);
            }
            reads.add(new FigureReads.Read(FigureReads.Read.Kind.valueOf(parts[0]), Path.of(parts[2]), parts[1]));
        }
        return reads;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
