package dev.texreport.core.importer;

import dev.texreport.core.Author;
import java.util.ArrayList;
import java.util.List;

/**
 * The authors of a NeurIPS-style {@code \author{...}}: authors are separated by {@code \And} (same row while there
 * is room) or {@code \AND} (a new row); within one, lines separated by {@code \\} are the name, then the
 * affiliation lines, then the e-mail (a {@code \texttt} line or one with an '@'). Rows are numbered only when the
 * paper starts one with {@code \AND}, as the POM's {@code <row>} means exactly that.
 */
final class AuthorBlock {
    private AuthorBlock() {
    }

    /** The authors in order; {@code notes} gets what could not be read as name, affiliation and e-mail. */
    static List<Author> parse(String block, List<String> notes) {
        List<Author> authors = new ArrayList<>();
        List<String[]> pieces = split(block);
        boolean rows = pieces.stream().anyMatch(p -> p[0].equals("AND"));
        int row = 1;
        for (String[] piece : pieces) {
            if (piece[0].equals("AND")) {
                row++;
            }
            List<String> lines = lines(piece[1]);
            if (lines.isEmpty()) {
                continue;
            }
            String name = PlainText.of(lines.get(0));
            List<String> affiliation = new ArrayList<>();
            String email = "";
            for (String line : lines.subList(1, lines.size())) {
                String plain = PlainText.of(line);
                if (plain.isEmpty()) {
                    continue;
                }
                if (email.isEmpty() && (line.contains("\\texttt") || line.contains("\\url")
                        || plain.matches("\\S+@\\S+"))) {
                    email = plain;
                } else {
                    affiliation.add(plain);
                }
            }
            if (name.isEmpty()) {
                notes.add("an author without a name in \\author: " + piece[1].strip().replaceAll("\\s+", " "));
                continue;
            }
            if (lines.get(0).contains("\\thanks") || lines.get(0).contains("\\footnote")) {
                notes.add("the footnote (\\thanks) of " + name + " is left out: pom.xml has no place for it");
            }
            if (name.contains(",") || name.contains(" and ")) {
                notes.add("the author line \"" + name + "\" looks like several people; give each a <developer> in"
                        + " pom.xml");
            }
            if (!email.isEmpty() && !email.matches("[^\\s@]+@[^\\s@]+")) {
                notes.add("the e-mail of " + name + " was written as \"" + email + "\"; check it in pom.xml");
            }
            authors.add(new Author(name, email, String.join(", ", affiliation), rows ? row : 0));
        }
        return authors;
    }

    /** The pieces between {@code \And}/{@code \AND} at brace depth 0, each with the separator before it. */
    private static List<String[]> split(String block) {
        List<String[]> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        String before = "";
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\\' && depth == 0) {
                String word = controlWord(block, i);
                if (word.equals("And") || word.equals("AND")) {
                    pieces.add(new String[] {before, block.substring(start, i)});
                    before = word;
                    start = i + 1 + word.length();
                    i = start - 1;
                    continue;
                }
                i++;
            } else if (c == '\\') {
                i++;
            }
        }
        pieces.add(new String[] {before, block.substring(start)});
        return pieces;
    }

    /** Lines separated by {@code \\} at brace depth 0, without blank ones. */
    private static List<String> lines(String author) {
        List<String> lines = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < author.length(); i++) {
            char c = author.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\\' && i + 1 < author.length() && author.charAt(i + 1) == '\\' && depth == 0) {
                lines.add(author.substring(start, i));
                int next = i + 2;
                // \\[2pt]: the space is layout, not text.
                if (next < author.length() && author.charAt(next) == '[') {
                    int close = author.indexOf(']', next);
                    next = close < 0 ? next : close + 1;
                }
                start = next;
                i = next - 1;
            } else if (c == '\\') {
                i++;
            }
        }
        lines.add(author.substring(start));
        return lines.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    private static String controlWord(String text, int backslash) {
        int i = backslash + 1;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(backslash + 1, i);
    }
}
