package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * (Over the house's 250 lines on purpose: one scanner that follows bibtex's own reading rules end to end.)
 *
 * <p>Where each entry of the .bib files bibtex read is written: file, line of {@code @type{key,...}}, and the line of
 * each field's value. Hand-written because the Java .bib parser there is (jbibtex) builds entries without source
 * positions, and bibtex's reading rules are few. The scanner follows bibtex 0.99d: outside an entry everything is
 * a comment and the next {@code @} starts a command; {@code @comment} is skipped by name only; {@code @string} and
 * {@code @preamble} are not entries; keys are compared ignoring case, and the first of several wins; after a
 * syntax error bibtex skips to the next {@code @}, and so does this scanner.
 */
public final class BibFileIndex {
    /**
     * One field.
     *
     * @param name  its name, in lower case
     * @param line  the line its value starts on
     * @param value the value as written, with its braces or quotes (e.g. {@code {R&D}} or {@code jmlr # {, 3}})
     */
    public record Field(String name, int line, String value) { }

    /**
     * One entry.
     *
     * @param type   the entry type in lower case ({@code article})
     * @param key    the key as written
     * @param file   the .bib file
     * @param line   the line of {@code @type}
     * @param fields the fields read before the end of the entry or a syntax error
     * @param brokenAt the line where reading stopped at a syntax error (e.g. the field whose '{' is never
     *                 closed), 0 when the entry is well formed
     */
    public record Entry(String type, String key, Path file, int line, List<Field> fields, int brokenAt) {
        private static final Pattern SWALLOWED = Pattern.compile("\\n\\s*[A-Za-z][\\w-]*\\s*=\\s*[{\"0-9]");

        public Entry {
            fields = List.copyOf(fields);
        }

        /**
         * A field whose value runs on over what looks like the next field (a title whose brace is not closed,
         * holding {@code year = {2020}} and the entry's closing brace): that brace most likely lacks its partner.
         */
        public Optional<Field> swallowingField() {
            return fields.stream().filter(f -> SWALLOWED.matcher(f.value()).find()).findFirst();
        }
    }

    private static final String NOT_IN_IDENTIFIER = "\"#%'(),={}";

    private final List<Entry> entries;

    private BibFileIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the files in the order bibtex read them; one that cannot be read is left out. */
    public static BibFileIndex read(List<Path> files) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.addAll(parse(file, decode(Files.readAllBytes(file))));
            } catch (IOException e) {
                // A file that cannot be read has no entries to point at; bibtex's own message says why.
            }
        }
        return new BibFileIndex(entries);
    }

    /** Every entry in reading order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry bibtex uses for {@code key}: the first one whose key matches ignoring case. */
    public Optional<Entry> find(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.key().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Every entry whose key matches {@code key} ignoring case, in reading order. */
    public List<Entry> findAll(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.key().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /** The entry of {@code file} whose {@code @} line is {@code line} or the last one starting before it. */
    public Optional<Entry> around(Path file, int line) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.file().equals(file) && entry.line() <= line && (found == null || entry.line() > found.line())) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** bibtex reads bytes; a team's .bib is normally UTF-8, and Latin-1 reads any other file without failing. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The entries of one file's text. */
    public static List<Entry> parse(Path file, String text) {
        return new Scanner(file, text).entries();
    }

    private static final class Scanner {
        private final Path file;
        private final String text;
        private final int[] lineStarts;
        private int pos;

        Scanner(Path file, String text) {
            this.file = file;
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            while (true) {
                int at = text.indexOf('@', pos);
                if (at < 0) {
                    return entries;
                }
                pos = at + 1;
                skipWhite();
                String type = identifier().toLowerCase(Locale.ROOT);
                if (type.isEmpty() || type.equals("comment")) {
                    continue;
                }
                skipWhite();
                if (pos >= text.length() || text.charAt(pos) != '{' && text.charAt(pos) != '(') {
                    continue;
                }
                char close = text.charAt(pos) == '{' ? '}' : ')';
                if (type.equals("string") || type.equals("preamble")) {
                    skipBody(close);
                    continue;
                }
                pos++;
                skipWhite();
                int keyStart = pos;
                while (pos < text.length() && !isKeyEnd(text.charAt(pos), close)) {
                    pos++;
                }
                String key = text.substring(keyStart, pos);
                List<Field> fields = new ArrayList<>();
                int broken = readFields(close, fields);
                entries.add(new Entry(type, key, file, lineOf(at), fields, broken));
            }
        }

        private static boolean isKeyEnd(char c, char close) {
            return c == ',' || Character.isWhitespace(c) || close == '}' && c == '}';
        }

        /**
         * Reads {@code , name = value} up to the closing delimiter. Returns 0, or at a syntax error the line where
         * the broken part starts (a value whose brace is never closed: the line of that brace).
         */
        private int readFields(char close, List<Field> fields) {
            while (true) {
                skipWhite();
                if (pos >= text.length()) {
                    return lineOf(Math.max(0, text.length() - 1));
                }
                if (text.charAt(pos) == close) {
                    pos++;
                    return 0;
                }
                if (text.charAt(pos) != ',') {
                    return lineOf(pos);
                }
                pos++;
                skipWhite();
                if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return 0;
                }
                String name = identifier().toLowerCase(Locale.ROOT);
                skipWhite();
                if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '=') {
                    return lineOf(Math.min(pos, Math.max(0, text.length() - 1)));
                }
                pos++;
                skipWhite();
                int start = pos;
                int broken = value();
                if (broken >= 0) {
                    return lineOf(broken);
                }
                fields.add(new Field(name, lineOf(start), text.substring(start, pos).strip()));
            }
        }

        /**
         * One value: pieces in braces, quotes, numbers or @string names, joined by {@code #}. Returns -1, or the
         * offset of the piece that is broken (e.g. a brace or quote never closed).
         */
        private int value() {
            while (true) {
                skipWhite();
                if (pos >= text.length()) {
                    return pos;
                }
                char c = text.charAt(pos);
                int start = pos;
                if (c == '{' || c == '"') {
                    if (!balanced(c == '{' ? '}' : '"')) {
                        // bibtex reads to the end of the file looking for the partner: nothing after is an entry.
                        pos = text.length();
                        return start;
                    }
                } else if (Character.isDigit(c)) {
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else if (identifier().isEmpty()) {
                    return start;
                }
                int end = pos;
                skipWhite();
                if (pos < text.length() && text.charAt(pos) == '#') {
                    pos++;
                    continue;
                }
                pos = end;
                return -1;
            }
        }

        /** From an opening brace or quote to its partner; braces nest inside both. */
        private boolean balanced(char end) {
            int depth = 0;
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        return end == '}';
                    }
                    depth--;
                } else if (c == end && depth == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Skips an @string or @preamble body; stops at the end of the text when it is not closed. */
        private void skipBody(char close) {
            int depth = 0;
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == close && depth == 0) {
                    return;
                }
            }
        }

        private String identifier() {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c) || NOT_IN_IDENTIFIER.indexOf(c) >= 0 || c == '@') {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos);
        }

        private void skipWhite() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private int lineOf(int offset) {
            int i = Arrays.binarySearch(lineStarts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
