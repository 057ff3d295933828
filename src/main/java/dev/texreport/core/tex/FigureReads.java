package dev.texreport.core.tex;

import dev.texreport.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a picture's job read that decide its PDF, from the job's recorder file ({@code -recorder}'s .fls), each
 * with what identifies its content; {@link FigureCache} keeps them with the picture and uses it while they hold.
 */
final class FigureReads {
    private static final String MARKER = "texreport-measure.sty";
    /** Files of TeX code: read after the preamble, they are the document's text or another picture's code. */
    private static final Set<String> CODE = Set.of("tex", "tikz", "pgf", "sty", "cls", "def", "cfg", "clo", "fd",
            "ltx", "aux", "toc", "lof", "lot", "out", "bbl", "md5");

    private FigureReads() {
    }

    /** One file a picture's job read, with what identifies its content. */
    record Read(Kind kind, Path file, String digest) {
        enum Kind {
            /** A project file: the SHA-256 of its bytes. */
            CONTENT,
            /** The document's main file: the SHA-256 of its preamble only. */
            PREAMBLE,
            /** A file of the TeX installation: its size and time. */
            STAT
        }

        boolean stillHolds() {
            try {
                return digest.equals(FigureReads.digest(kind, file));
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * What a picture's job read, from its recorder file: the files it wrote itself and, after the preamble, files of
     * TeX code (the document's text, other pictures' code, which tikz's hash of the picture's own code covers) are
     * left out. The preamble ends where the job read texreport-measure.sty again ({@code \begin{document}}); without
     * that mark every file counts.
     *
     * @param projectRoots the working directory and the project's source folders; files elsewhere belong to the
     *                     TeX installation
     */
    static List<Read> reads(Path fls, Path workDir, String name, String mainFile, List<Path> projectRoots)
            throws IOException {
        return reads(fls, workDir, name, mainFile, projectRoots, false);
    }

    /**
     * @param fromFormat whether the job started from the preamble format: its preamble was read when the format was
     *                   dumped (the format's own file stands for it), so all it reads is past the preamble
     */
    static List<Read> reads(Path fls, Path workDir, String name, String mainFile, List<Path> projectRoots,
                            boolean fromFormat) throws IOException {
        List<String> lines = Files.readAllLines(fls, StandardCharsets.UTF_8);
        Path base = workDir.toAbsolutePath().normalize();
        Path pwd = base;
        Set<Path> written = new java.util.HashSet<>();
        for (String line : lines) {
            if (line.startsWith("OUTPUT ")) {
                written.add(pwd.resolve(line.substring(7).strip()).normalize());
            } else if (line.startsWith("PWD ")) {
                pwd = Path.of(line.substring(4).strip());
            }
        }
        String own = base.resolve(name).normalize() + ".";
        Path main = base.resolve(mainFile).normalize();
        // The main job's own files (.aux, .auxlock, which tikz lets every picture's job read for its references)
        // change with every edit of the text; a picture that shows a reference is made again when its code changes.
        String mainJob = main.toString().substring(0, main.toString().length() - ".tex".length()) + ".";
        Map<Path, Read> reads = new LinkedHashMap<>();
        boolean seenMarker = false;
        boolean leftMarker = false;
        boolean body = fromFormat;
        pwd = base;
        for (String line : lines) {
            if (line.startsWith("PWD ")) {
                pwd = Path.of(line.substring(4).strip());
                continue;
            }
            if (!line.startsWith("INPUT ")) {
                continue;
            }
            Path file = pwd.resolve(line.substring(6).strip()).normalize();
            boolean project = projectRoots.stream().anyMatch(r -> file.startsWith(r.toAbsolutePath().normalize()));
            if (project && file.getFileName().toString().equals(MARKER)) {
                if (!seenMarker) {
                    seenMarker = true;
                } else if (leftMarker) {
                    body = true;
                }
            } else if (seenMarker) {
                leftMarker = true;
            }
            if (reads.containsKey(file) || written.contains(file) || file.toString().startsWith(own)
                    || (file.toString().startsWith(mainJob) && !file.equals(main)) || !Files.isRegularFile(file)) {
                continue;
            }
            Read.Kind kind = !project ? Read.Kind.STAT : file.equals(main) ? Read.Kind.PREAMBLE : Read.Kind.CONTENT;
            if (body && project && kind == Read.Kind.CONTENT && CODE.contains(extension(file))) {
                continue;
            }
            reads.put(file, new Read(kind, file, digest(kind, file)));
        }
        return new ArrayList<>(reads.values());
    }

    static String digest(Read.Kind kind, Path file) throws IOException {
        return switch (kind) {
            case CONTENT -> Hashes.sha256(Files.readAllBytes(file));
            case PREAMBLE -> {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                int begin = text.indexOf("\\begin{document}");
                yield Hashes.sha256(begin < 0 ? text : text.substring(0, begin));
            }
            case STAT -> Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
