package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pictures a pass of a document with tikz's {@code external} library asked to be made, read from what the pass
 * left: {@code <job>.figlist} (one job name per line, e.g. {@code figures/main-figure0}, tikz's {@code mode=list and
 * make}) and, for each, the line texreport-measure.sty wrote into the log: where the picture starts and the width
 * and font it is typeset in.
 */
final class FigureList {
    private static final String RECORD = "texreport figure|";
    /** A name tikz may write into the figure list: a relative path inside the working directory. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.+=@-]+(/[A-Za-z0-9_.+=@-]+)*");

    /**
     * One picture to make.
     *
     * @param name    its job name, relative to the working directory (the picture becomes {@code <name>.pdf})
     * @param file    the file it starts in, relative to the working directory, or empty when unknown
     * @param line    the line it starts at, 0 when unknown
     * @param context the line width, font and colour it is typeset in (empty when unknown)
     */
    record Figure(String name, String file, int line, String context) {
        /** Where the picture starts, for messages: {@code sections/02-results.tex:14}, or its job name. */
        String where() {
            return file.isEmpty() ? name : file + ":" + line;
        }
    }

    private FigureList() {
    }

    /** The pictures of {@code <job>.figlist}, in the document's order; empty when the pass listed none. */
    static List<Figure> read(Path figlist, List<String> logLines) throws IOException {
        if (!Files.isRegularFile(figlist)) {
            return List.of();
        }
        return parse(Files.readAllLines(figlist, StandardCharsets.UTF_8), logLines);
    }

    static List<Figure> parse(List<String> figlist, List<String> logLines) {
        Map<String, Figure> sites = new LinkedHashMap<>();
        for (String line : logLines) {
            site(line).ifPresent(f -> sites.putIfAbsent(f.name(), f));
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String line : figlist) {
            String name = line.strip();
            if (!name.isEmpty()) {
                figures.putIfAbsent(name, sites.getOrDefault(name, new Figure(name, "", 0, "")));
            }
        }
        return new ArrayList<>(figures.values());
    }

    /** One log record {@code texreport figure|<name>|<file>|<line>|<context>}. */
    static Optional<Figure> site(String logLine) {
        int start = logLine.indexOf(RECORD);
        if (start < 0) {
            return Optional.empty();
        }
        String[] parts = logLine.substring(start + RECORD.length()).split("\\|", -1);
        if (parts.length < 4) {
            return Optional.empty();
        }
        int line;
        try {
            line = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            line = 0;
        }
        String file = parts[1].strip();
        if (file.startsWith("./")) {
            file = file.substring(2);
        }
        return Optional.of(new Figure(parts[0].strip(), file, line, parts[3].strip()));
    }

    /** Whether TeX may be asked to make a picture of this name: inside the working directory, no odd characters. */
    static boolean safe(String name) {
        Matcher matcher = SAFE_NAME.matcher(name);
        if (!matcher.matches()) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
