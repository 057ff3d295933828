package dev.texreport.core.importer;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title, a name or an affiliation as plain text for the POM ({@code Zo\"e} becomes Zoë): the plugin escapes POM
 * text for LaTeX when it typesets it, so markup must go. Footnote marks ({@code \thanks}, superscripts) are dropped;
 * what is left of other commands is their argument.
 */
final class PlainText {
    private static final Map<String, String> ACCENTS = Map.ofEntries(Map.entry("\"", "\u0308"),
            Map.entry("'", "\u0301"), Map.entry("`", "\u0300"), Map.entry("^", "\u0302"), Map.entry("~", "\u0303"),
            Map.entry("=", "\u0304"), Map.entry(".", "\u0307"), Map.entry("c", "\u0327"), Map.entry("v", "\u030C"),
            Map.entry("u", "\u0306"), Map.entry("H", "\u030B"), Map.entry("k", "\u0328"), Map.entry("r", "\u030A"));
    private static final Map<String, String> LETTERS = Map.of("l", "\u0142", "L", "\u0141", "o", "\u00F8",
            "O", "\u00D8", "ss", "\u00DF", "ae", "\u00E6", "AE", "\u00C6", "i", "\u0131", "aa", "\u00E5",
            "AA", "\u00C5");
    private static final Pattern ACCENT = Pattern.compile(
            "\\{?\\\\([\"'`^~=.]|[cvuHkr](?=[\\s{]))\\s*(?:\\{\\s*(\\\\?[A-Za-z])\\s*}|(\\\\?[A-Za-z]))}?");
    private static final Pattern LETTER = Pattern.compile("\\{?\\\\(ss|ae|AE|aa|AA|[lLoOi])(?![A-Za-z])\\s*(?:\\{})?}?");
    private static final Pattern MARKS = Pattern.compile(
            "\\\\(?:thanks|footnote|textsuperscript|footnotetext)\\s*(?:\\[[^]]*])?\\{(?:[^{}]|\\{[^{}]*})*}"
                    + "|\\$\\s*\\^\\s*(?:\\{[^}]*}|\\\\?\\w+)\\s*\\$|\\\\footnotemark(?:\\[[^]]*])?");

    private PlainText() {
    }

    static String of(String latex) {
        String s = MARKS.matcher(latex).replaceAll(" ");
        s = s.replace("\\\\", " ").replace("~", " ").replace("\\,", " ").replace("\\ ", " ");
        s = s.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_").replace("\\#", "#").replace("\\$", "$");
        Matcher accent = ACCENT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (accent.find()) {
            String base = accent.group(2) != null ? accent.group(2) : accent.group(3);
            base = base.equals("\\i") ? "i" : base.equals("\\j") ? "j" : base;
            accent.appendReplacement(out, Matcher.quoteReplacement(Normalizer.normalize(base
                    + ACCENTS.get(accent.group(1)), Normalizer.Form.NFC)));
        }
        accent.appendTail(out);
        Matcher letter = LETTER.matcher(out.toString());
        StringBuilder letters = new StringBuilder();
        while (letter.find()) {
            letter.appendReplacement(letters, Matcher.quoteReplacement(LETTERS.get(letter.group(1))));
        }
        letter.appendTail(letters);
        // Other commands: their arguments stay, the command names go.
        s = letters.toString().replaceAll("\\\\[A-Za-z@]+\\*?\\s*(?:\\[[^]]*])?", " ").replaceAll("[{}$]", "");
        return s.replaceAll("\\s+", " ").strip();
    }
}
