package dev.texreport.core.tex;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a TeX log written with {@code -file-line-error} and {@code max_print_line} large enough that lines do not
 * wrap. TeX's log is not a format any library parses for Java; the rules below follow what TeX and LaTeX print:
 * {@code file:line: message} for errors, {@code l.<n>} for the error context, {@code (file} and {@code )} for the
 * input stack, and LaTeX's fixed warning sentences.
 */
public final class TexLogParser {
    private static final Pattern FILE_LINE_ERROR = Pattern.compile("^(\\.?/?[^:\\s][^:]*\\.\\w+):(\\d+): (.*)$");
    private static final Pattern BANG_ERROR = Pattern.compile("^! (.*)$");
    private static final Pattern CONTEXT = Pattern.compile("^l\\.(\\d+) (.*)$");
    private static final Pattern MISSING = Pattern.compile("LaTeX Error: File `([^']+)' not found\\.");
    private static final Pattern CITATION = Pattern.compile(
            "(?:LaTeX|Package natbib) Warning: Citation [`']([^']+)' on page \\S+ undefined on input line (\\d+)");
    private static final Pattern REFERENCE = Pattern.compile(
            "LaTeX Warning: Reference [`']([^']+)' on page \\S+ undefined on input line (\\d+)");
    private static final Pattern MULTIPLY = Pattern.compile("LaTeX Warning: Label [`']([^']+)' multiply defined");
    private static final Pattern OVERFULL = Pattern.compile(
            "^Overfull \\\\[hv]box \\(([\\d.]+)pt too (?:wide|high)\\) (?:in paragraph|detected) at lines? (\\d+)");
    private static final Pattern FONT = Pattern.compile("^LaTeX Font Warning: (.*)$");
    private static final Pattern NOT_READING = Pattern.compile("Not reading from (\\S+) \\(openin_any = p\\)");
    private static final Pattern NOT_WRITING = Pattern.compile("Not writing to (\\S+) \\(openout_any = p\\)");
    private static final Pattern SHELL_DISABLED = Pattern.compile("runsystem\\((.*)\\)\\.\\.\\.disabled");
    /** pdfTeX: {@code !pdfTeX error: pdflatex (file ./x.png): libpng: internal error}. */
    private static final Pattern PDFTEX_IMAGE = Pattern.compile(
            "^!\\s*pdfTeX error: .*?\\(file ([^)]+)\\): (.*)$");
    /** LuaTeX: {@code error:  (file x.png) (readpng): internal error}. */
    private static final Pattern LUATEX_IMAGE = Pattern.compile("error:\\s+\\(file ([^)]+)\\) \\((\\w+)\\): (.*)$");
    /** XeTeX prints what the image library says and stops: {@code libpng error: Read Error}. */
    private static final Pattern LIBRARY_IMAGE = Pattern.compile("(libpng|libjpeg|libtiff) error: (.*)$");
    private static final Pattern OPEN_FILE = Pattern.compile("\\((\\.?/?[^()\\s]+\\.(?:tex|sty|cls|bbl|aux|clo|def|cfg|fd|ltx))");

    private final double overfullThresholdPt;

    /** @param overfullThresholdPt overfull boxes smaller than this are not reported */
    public TexLogParser(double overfullThresholdPt) {
        this.overfullThresholdPt = overfullThresholdPt;
    }

    /** Parses the log, plus the engine's own terminal output for lines only printed there. */
    public List<TexMessage> parse(List<String> log, List<String> terminal) {
        List<TexMessage> messages = new ArrayList<>();
        Set<TexMessage> seen = new LinkedHashSet<>();
        Deque<String> files = new ArrayDeque<>();
        Deque<String> terminalFiles = new ArrayDeque<>();
        for (String line : terminal) {
            readBlocked(line, seen);
            Matcher library = LIBRARY_IMAGE.matcher(line);
            // The message follows the open files on the same line: the file on top is the one including the image.
            trackFiles(library.find() ? line.substring(0, library.start()) : line, terminalFiles);
            if (library.find(0)) {
                seen.add(new TexMessage(TexMessage.Kind.BAD_IMAGE, current(terminalFiles), 0,
                        "an image cannot be read (" + library.group(1) + ": " + library.group(2).strip() + ")", ""));
            }
        }
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            readBlocked(line, seen);
            Matcher m;
            if ((m = PDFTEX_IMAGE.matcher(line)).matches()) {
                seen.add(badImage(m.group(1), m.group(2), current(files), 0));
                continue;
            }
            if ((m = FILE_LINE_ERROR.matcher(line)).matches() || (m = BANG_ERROR.matcher(line)).matches()) {
                boolean located = m.groupCount() == 3;
                String file = located ? clean(m.group(1)) : current(files);
                int lineNumber = located ? Integer.parseInt(m.group(2)) : 0;
                String text = located ? m.group(3) : m.group(1);
                if (text.contains("==> Fatal error occurred") || text.equals("Emergency stop.")
                        && !seen.isEmpty()) {
                    continue;
                }
                String context = "";
                // A macro's argument being expanded (a picture tikz collected, a caption) comes first, as
                // "<argument> ...": the undefined command is at its end, the l.N line only names where it ended.
                String argument = i + 1 < log.size() && log.get(i + 1).startsWith("<argument> ")
                        ? log.get(i + 1) : "";
                for (int j = i + 1; j < Math.min(log.size(), i + 12); j++) {
                    Matcher c = CONTEXT.matcher(log.get(j));
                    if (c.matches()) {
                        if (lineNumber == 0) {
                            lineNumber = Integer.parseInt(c.group(1));
                        }
                        context = c.group(2);
                        break;
                    }
                }
                seen.add(error(text, file, lineNumber, argument.isEmpty() ? context : argument));
                continue;
            }
            if ((m = SHELL_DISABLED.matcher(line)).find()) {
                seen.add(new TexMessage(TexMessage.Kind.SHELL_ESCAPE_BLOCKED, current(files), 0,
                        "shell escape is off, so TeX did not run: " + m.group(1), m.group(1)));
            } else if ((m = CITATION.matcher(line)).find()) {
                seen.add(new TexMessage(TexMessage.Kind.UNDEFINED_CITATION, current(files),
                        Integer.parseInt(m.group(2)), "Citation '" + m.group(1) + "' is undefined", m.group(1)));
            } else if ((m = REFERENCE.matcher(line)).find()) {
                seen.add(new TexMessage(TexMessage.Kind.UNDEFINED_REFERENCE, current(files),
                        Integer.parseInt(m.group(2)), "Reference '" + m.group(1) + "' is undefined", m.group(1)));
            } else if ((m = MULTIPLY.matcher(line)).find()) {
                seen.add(new TexMessage(TexMessage.Kind.MULTIPLY_DEFINED_LABEL, "", 0,
                        "Label '" + m.group(1) + "' is defined more than once", m.group(1)));
            } else if ((m = OVERFULL.matcher(line)).find()) {
                double amount = Double.parseDouble(m.group(1));
                if (amount >= overfullThresholdPt) {
                    seen.add(new TexMessage(TexMessage.Kind.OVERFULL_BOX, current(files),
                            Integer.parseInt(m.group(2)), "Overfull box, " + m.group(1) + "pt too wide", ""));
                }
            } else if ((m = FONT.matcher(line)).find()) {
                seen.add(new TexMessage(TexMessage.Kind.FONT_WARNING, current(files), 0, m.group(1).strip(), ""));
            }
            trackFiles(line, files);
        }
        // What the image library printed and the engine's own message about the same image: keep the one naming it.
        if (seen.stream().anyMatch(m -> m.kind() == TexMessage.Kind.BAD_IMAGE && !m.subject().isEmpty())) {
            seen.removeIf(m -> m.kind() == TexMessage.Kind.BAD_IMAGE && m.subject().isEmpty());
        }
        messages.addAll(seen);
        return messages;
    }

    private static void readBlocked(String line, Set<TexMessage> seen) {
        Matcher m = NOT_READING.matcher(line);
        if (m.find()) {
            seen.add(new TexMessage(TexMessage.Kind.READ_BLOCKED, "", 0, "reading " + m.group(1)
                    + " is not allowed: a report may only read files inside the project", m.group(1)));
        }
        m = NOT_WRITING.matcher(line);
        if (m.find()) {
            seen.add(new TexMessage(TexMessage.Kind.READ_BLOCKED, "", 0, "writing " + m.group(1)
                    + " is not allowed: a report may only write inside its working directory", m.group(1)));
        }
    }

    /** An image the engine could not read, named as the team named it (the folder of the search path dropped). */
    private static TexMessage badImage(String image, String reason, String file, int line) {
        String name = Path.of(image.strip()).getFileName().toString();
        return new TexMessage(TexMessage.Kind.BAD_IMAGE, file, line, "the image " + name + " cannot be read ("
                + reason.strip() + ")", name);
    }

    private static TexMessage error(String text, String file, int line, String context) {
        Matcher image = LUATEX_IMAGE.matcher(text);
        if (image.find()) {
            return badImage(image.group(1), image.group(2) + ": " + image.group(3), file, line);
        }
        Matcher missing = MISSING.matcher(text);
        if (missing.find()) {
            return new TexMessage(TexMessage.Kind.MISSING_FILE, file, line, text.replaceFirst("^LaTeX Error: ", ""),
                    missing.group(1));
        }
        String readable = text;
        if (text.startsWith("Undefined control sequence")) {
            String command = lastControlSequence(context);
            readable = command.isEmpty() ? "Undefined control sequence" : "Undefined control sequence " + command;
        }
        return new TexMessage(TexMessage.Kind.ERROR, file, line, readable, "");
    }

    /** TeX shows the undefined command at the end of the first context line. */
    private static String lastControlSequence(String context) {
        Matcher m = Pattern.compile("(\\\\(?:[A-Za-z@]+|.))\\s*$").matcher(context);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Follows TeX's input stack: {@code (file} opens a file and {@code )} closes the innermost one. Only an
     * approximation (a parenthesis in printed text confuses it), good enough to name the file of a warning.
     */
    private static void trackFiles(String line, Deque<String> files) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '(') {
                Matcher m = OPEN_FILE.matcher(line).region(i, line.length());
                if (m.lookingAt()) {
                    files.push(clean(m.group(1)));
                    i = m.end();
                    continue;
                }
                files.push("");
            } else if (c == ')' && !files.isEmpty()) {
                files.pop();
            }
            i++;
        }
    }

    private static String current(Deque<String> files) {
        for (String file : files) {
            if (!file.isEmpty() && !file.startsWith("/")) {
                return file;
            }
        }
        return "";
    }

    private static String clean(String file) {
        return file.startsWith("./") ? file.substring(2) : file;
    }
}
