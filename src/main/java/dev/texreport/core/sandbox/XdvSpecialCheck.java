package dev.texreport.core.sandbox;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds XeLaTeX to the sandbox. XeTeX leaves images to its driver: {@code \includegraphics{/tmp/x.png}} becomes a
 * {@code pdf:image ... (/tmp/x.png)} special in the XDV file, and xdvipdfmx opens whatever file a special names,
 * without openin_any and without recording it. So the plugin runs {@code xelatex -no-pdf} for every pass, checks the
 * final XDV with this class, and only then runs {@code xdvipdfmx} once ({@link #driverArguments}).
 *
 * <p>Every special xdvipdfmx would act on by opening a file (the handler tables of dvipdfm-x's spc_*.c) has its file
 * name decoded (PDF literal and hex strings included) and judged: absolute names must lie in {@link SandboxRoots}'
 * read folders; names with "..", "~" or "$" (kpathsea expands the last two) are refused; relative names are found in
 * the working directory and TEXINPUTS, which hold only the project and the TeX installation. Font files named by
 * font definitions are judged the same way. Anything the check cannot parse is refused, never passed.
 */
public final class XdvSpecialCheck {
    /** pdf: keywords that open a file, with the way their file name is written. */
    private static final Set<String> PDF_IMAGE = Set.of("image", "img", "epdf", "fstream");
    private static final Set<String> PDF_MAP = Set.of("mapfile", "mapline", "tounicode");
    /** Every other pdf: keyword xdvipdfmx knows; none of them opens a file. Unknown ones are refused. */
    private static final Set<String> PDF_OTHER = Set.of("annotation", "annotate", "annot", "ann", "outline", "out",
            "article", "art", "bead", "thread", "destination", "dest", "object", "obj", "docinfo", "docview",
            "content", "put", "close", "bop", "eop", "link", "nolink", "begincolor", "bcolor", "bc", "setcolor",
            "scolor", "sc", "endcolor", "ecolor", "ec", "begingray", "bgray", "bg", "endgray", "egray", "eg",
            "bgcolor", "bgc", "bbc", "bbg", "pagesize", "bannot", "beginann", "bann", "eannot", "endann", "eann",
            "btrans", "begintransform", "begintrans", "bt", "etrans", "endtransform", "endtrans", "et", "bform",
            "beginxobj", "bxobj", "eform", "endxobj", "exobj", "usexobj", "uxobj", "literal", "stream", "names",
            "bcontent", "econtent", "code", "minorversion", "majorversion");
    /**
     * dvipdfmx:config options that name no file and do not change where the PDF goes ('f' loads a map file, 'i' a
     * configuration, 'o' names the output, 'D' a command; encryption would hide the PDF from the page checks).
     */
    private static final Set<String> CONFIG_OPTIONS = Set.of("C", "z", "V", "d", "O", "p", "l", "x", "y", "I",
            "r", "g", "t", "c", "E");
    private static final Pattern HTML_SOURCE = Pattern.compile("(?i)\\bsrc\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern PS_FILE = Pattern.compile("(?i)^\\s*(psfile|header)\\s*=\\s*(\"([^\"]*)\"|(\\S+))");

    private final SandboxRoots roots;

    public XdvSpecialCheck(SandboxRoots roots) {
        this.roots = roots;
    }

    /**
     * The arguments for running xdvipdfmx once after the last {@code xelatex -no-pdf} pass, as xelatex itself
     * would ({@code -E}: embed fonts whatever their licence flags say, like xelatex does).
     */
    public static List<String> driverArguments(String jobName) {
        return List.of("-q", "-E", "-o", jobName + ".pdf", jobName + ".xdv");
    }

    /** The problems in one XDV file's contents; empty when xdvipdfmx may turn it into a PDF. */
    public List<String> problems(XdvReader.Contents contents) {
        List<String> problems = new ArrayList<>();
        for (byte[] raw : contents.specials()) {
            String special = new String(raw, StandardCharsets.ISO_8859_1);
            String problem = judge(special);
            if (problem != null) {
                problems.add(problem + " in \\special{" + shorten(special) + "}");
            }
        }
        for (String font : contents.nativeFontFiles()) {
            String problem = judgeName(font.startsWith("[") ? font.substring(1) : font);
            if (problem != null) {
                problems.add("font file " + font + ": " + problem);
            }
        }
        for (String font : contents.tfmFonts()) {
            String problem = judgeName(font);
            if (problem != null) {
                problems.add("font " + font + ": " + problem);
            }
        }
        return problems;
    }

    /** One error per problem, at the XDV file, for the build's report. */
    public static List<Diagnostic> diagnostics(List<String> problems, Path xdv) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String problem : problems) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(xdv, 0), "XeLaTeX asked its PDF driver for "
                    + problem + "; a report may use only files of the project and the TeX installation. No PDF was "
                    + "made from this XDV file."));
        }
        return diagnostics;
    }

    private String judge(String special) {
        String text = special.stripLeading();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pdf:")) {
            return judgePdf(text.substring(4).stripLeading());
        }
        if (lower.startsWith("x:")) {
            String rest = text.substring(2).stripLeading();
            String keyword = rest.split("\\s+", 2)[0];
            if (keyword.equalsIgnoreCase("fontmapfile") || keyword.equalsIgnoreCase("fontmapline")) {
                return judgeMap(rest.substring(keyword.length()).strip(), keyword.endsWith("line"));
            }
            return null;
        }
        if (lower.startsWith("dvipdfmx:")) {
            return judgeConfig(text.substring(9).stripLeading());
        }
        Matcher psFile = PS_FILE.matcher(text);
        if (psFile.find()) {
            return judgeName(psFile.group(3) != null ? psFile.group(3) : psFile.group(4));
        }
        if (lower.startsWith("ps:") || lower.startsWith("pst:")) {
            String rest = lower.substring(lower.indexOf(':') + 1).stripLeading();
            if (rest.startsWith("plotfile")) {
                return judgeName(text.substring(text.toLowerCase(Locale.ROOT).indexOf("plotfile") + 8).strip());
            }
            return null;
        }
        if (lower.startsWith("html:")) {
            if (!lower.contains("img")) {
                return null;
            }
            Matcher source = HTML_SOURCE.matcher(text);
            if (!source.find()) {
                return "an html img tag without a readable src";
            }
            return judgeName(firstNonNull(source.group(2), source.group(3), source.group(4)));
        }
        if (lower.startsWith("postscriptbox")) {
            int open = text.lastIndexOf('{');
            int close = text.lastIndexOf('}');
            return open >= 0 && close > open ? judgeName(text.substring(open + 1, close))
                    : "a postscriptbox special without a file name";
        }
        if (lower.startsWith("em:") && lower.contains("graph")) {
            return "an em:graph special (it reads a file)";
        }
        return null; // color, tpic, papersize, landscape, src:, ...: no file
    }

    private String judgePdf(String rest) {
        int end = 0;
        while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
            end++;
        }
        // xdvipdfmx matches keywords exactly; matching them in any case refuses more, never less.
        String keyword = rest.substring(0, end).toLowerCase(Locale.ROOT);
        String arguments = rest.substring(end);
        if (PDF_IMAGE.contains(keyword)) {
            String name = firstPdfString(arguments);
            return name == null ? "a pdf:" + keyword + " special whose file name cannot be read" : judgeName(name);
        }
        if (keyword.equals("mapline")) {
            return judgeMap(arguments.strip(), true);
        }
        if (keyword.equals("mapfile")) {
            return judgeMap(arguments.strip(), false);
        }
        if (keyword.equals("tounicode")) {
            String name = arguments.strip().split("\\s+", 2)[0];
            return name.startsWith("(") ? judgeName(firstPdfString(name)) : judgeName(name);
        }
        if (PDF_OTHER.contains(keyword) || PDF_MAP.contains(keyword)) {
            return null;
        }
        return "an unknown pdf:" + keyword + " special";
    }

    /** A map file name (after +, - or =), or a map line's font and encoding files (the words after "<"). */
    private String judgeMap(String arguments, boolean line) {
        if (!line) {
            String name = arguments.replaceFirst("^[+\\-=]", "").strip();
            if (name.startsWith("(")) {
                name = firstPdfString(name);
            }
            return name == null || name.isEmpty() ? "a map special without a file name" : judgeName(name);
        }
        for (String word : arguments.split("\\s+")) {
            if (word.startsWith("<")) {
                String problem = judgeName(word.replaceFirst("^<+\\[?", ""));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String judgeConfig(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("catch_phantom")) {
            return null;
        }
        if (!lower.startsWith("config")) {
            return null; // xdvipdfmx ignores other dvipdfmx: specials
        }
        String option = rest.substring(6).strip().split("\\s+", 2)[0];
        return CONFIG_OPTIONS.contains(option) ? null : "the dvipdfmx:config option '" + option + "'";
    }

    /** Null when the file may be opened, else why not. */
    private String judgeName(String name) {
        if (name == null || name.isEmpty()) {
            return "a special without a file name";
        }
        if (name.indexOf('\0') >= 0 || name.startsWith("~") || name.contains("$")) {
            return "the file name '" + name + "' (kpathsea would expand it)";
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            return "the file name '" + name + "'";
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                return "the file " + name + " (a name with '..' leaves its folder)";
            }
        }
        if (path.isAbsolute() && !roots.mayRead(path)) {
            return "the file " + name + ", outside the project";
        }
        return null;
    }

    /**
     * Decodes the first PDF string of a special's arguments: a literal {@code (...)} with balanced parentheses and
     * backslash escapes, or a hex string {@code <...>} (not a {@code <<} dictionary). Null when there is none.
     */
    static String firstPdfString(String arguments) {
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '(') {
                return literal(arguments, i + 1);
            }
            if (c == '<') {
                if (i + 1 < arguments.length() && arguments.charAt(i + 1) == '<') {
                    return null; // a dictionary comes after the file name, never before
                }
                return hex(arguments, i + 1);
            }
        }
        return null;
    }

    private static String literal(String text, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case '\r', '\n' -> {
                        if (next == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                            i++;
                        }
                    }
                    default -> {
                        if (next >= '0' && next <= '7') {
                            int value = next - '0';
                            for (int k = 0; k < 2 && i + 1 < text.length() && text.charAt(i + 1) >= '0'
                                    && text.charAt(i + 1) <= '7'; k++) {
                                value = value * 8 + (text.charAt(++i) - '0');
                            }
                            out.write(value & 0xff);
                        } else {
                            out.write(next);
                        }
                    }
                }
            } else if (c == '(') {
                depth++;
                out.write(c);
            } else if (c == ')') {
                if (--depth == 0) {
                    return decode(out.toByteArray());
                }
                out.write(c);
            } else {
                out.write(c);
            }
        }
        return null; // unbalanced: cannot be judged
    }

    private static String hex(String text, int start) {
        StringBuilder digits = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                if (digits.length() % 2 == 1) {
                    digits.append('0');
                }
                byte[] bytes = new byte[digits.length() / 2];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) Integer.parseInt(digits.substring(2 * k, 2 * k + 2), 16);
                }
                return decode(bytes);
            }
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (!Character.isWhitespace(c)) {
                return null;
            }
        }
        return null;
    }

    // XeTeX writes file names in UTF-8; a name that is not valid UTF-8 is judged by its bytes one to one.
    private static String decode(byte[] bytes) {
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String shorten(String special) {
        String oneLine = special.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
