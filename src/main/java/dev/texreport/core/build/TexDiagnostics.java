package dev.texreport.core.build;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.template.TemplateRenderer.RenderedFile;
import dev.texreport.core.tex.TexMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns TeX's messages about generated files into diagnostics about the files the team wrote: a message about
 * {@code sections/03-method.tex} line 40 becomes one about {@code src/report/final/03-method.tex.ftl} at the
 * template line that produced it, with that line's text.
 */
final class TexDiagnostics {
    /** Debian/Ubuntu packages that hold commonly wanted LaTeX packages not in the recommended install. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("pgfplots", "texlive-pictures"), Map.entry("tikz-cd", "texlive-pictures"),
            Map.entry("siunitx", "texlive-science"), Map.entry("algorithm2e", "texlive-science"),
            Map.entry("algorithmic", "texlive-science"), Map.entry("algpseudocode", "texlive-science"),
            Map.entry("minted", "texlive-latex-extra"), Map.entry("cleveref", "texlive-latex-extra"),
            Map.entry("subcaption", "texlive-latex-recommended"), Map.entry("microtype", "texlive-latex-recommended"),
            Map.entry("fontspec", "texlive-luatex"), Map.entry("xcolor", "texlive-latex-recommended"),
            Map.entry("biblatex", "texlive-bibtex-extra"), Map.entry("nicefrac", "texlive-latex-extra"),
            Map.entry("newtxmath", "texlive-fonts-extra"), Map.entry("newtxtext", "texlive-fonts-extra"));

    private static final Pattern UNDEFINED_SHAPE = Pattern.compile("Font shape `[^']*' undefined");
    private static final Pattern LATIN_MODERN = Pattern.compile("Font shape `\\w+/lmr/[^']*' undefined");
    /**
     * LuaLaTeX (and XeLaTeX) start every document in Latin Modern, before the style switches to Times; a TeX Live
     * install without the lmodern package warns about that start though the PDF has no Latin Modern in it.
     */
    static final String LATIN_MODERN_MISSING = "The engine's default font, Latin Modern, is not installed: LaTeX"
            + " substituted it while loading the document class, before the paper's style chose its fonts (the PDF"
            + " is not affected). Install it to silence this: on Debian/Ubuntu, sudo apt-get install lmodern.";

    private final Path workDir;
    private final Map<String, RenderedFile> generated;
    private final boolean undefinedIsError;
    private final Path bibFile;

    /**
     * @param generated        files in the working directory (relative, with /) mapped to the source that made them
     * @param undefinedIsError whether undefined citations and references are errors rather than warnings
     * @param bibFile          the team's references.bib, or null when there is none
     */
    private final List<String> searched;

    TexDiagnostics(Path workDir, Map<String, RenderedFile> generated, boolean undefinedIsError, Path bibFile) {
        this(workDir, generated, undefinedIsError, bibFile, List.of());
    }

    /** @param searched the team's folders on TeX's search path, as a "File not found" message lists them */
    TexDiagnostics(Path workDir, Map<String, RenderedFile> generated, boolean undefinedIsError, Path bibFile,
                   List<String> searched) {
        this.searched = List.copyOf(searched);
        this.workDir = workDir;
        this.generated = generated;
        this.undefinedIsError = undefinedIsError;
        this.bibFile = bibFile;
    }

    List<Diagnostic> map(List<TexMessage> messages) {
        Set<String> blockedReads = messages.stream().filter(m -> m.kind() == TexMessage.Kind.READ_BLOCKED)
                .map(TexMessage::subject).collect(Collectors.toSet());
        List<TexMessage> undefinedShapes = messages.stream().filter(m -> m.kind() == TexMessage.Kind.FONT_WARNING
                && UNDEFINED_SHAPE.matcher(m.text()).find()).toList();
        boolean latinModernOnly = !undefinedShapes.isEmpty()
                && undefinedShapes.stream().allMatch(m -> LATIN_MODERN.matcher(m.text()).find());
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (latinModernOnly) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, null, LATIN_MODERN_MISSING, ""));
        }
        Set<String> refusedStems = new java.util.HashSet<>();
        for (TexMessage message : messages) {
            // LaTeX tries an image name with every extension it knows: one refused read is one problem.
            if (message.kind() == TexMessage.Kind.READ_BLOCKED && !refusedStems.add(stem(message.subject()))) {
                continue;
            }
            if (latinModernOnly && message.kind() == TexMessage.Kind.FONT_WARNING
                    && (undefinedShapes.contains(message) || message.text().startsWith("Some font shapes"))) {
                continue;
            }
            if (message.kind() == TexMessage.Kind.MISSING_FILE
                    && blockedReads.stream().anyMatch(b -> message.subject().startsWith(b))) {
                continue;
            }
            if (message.kind() == TexMessage.Kind.READ_BLOCKED) {
                diagnostics.add(map(locate(message, messages)));
            } else if (message.kind() == TexMessage.Kind.MISSING_FILE && message.subject().endsWith(".sty")) {
                diagnostics.add(map(locatePackage(message)));
            } else if (message.kind() == TexMessage.Kind.BAD_IMAGE && message.line() == 0) {
                diagnostics.add(map(locateImage(message)));
            } else {
                diagnostics.add(map(message));
            }
        }
        return diagnostics;
    }

    /** The engine reports a refused read without a place; LaTeX's "file not found" that follows has one. */
    private static TexMessage locate(TexMessage blocked, List<TexMessage> messages) {
        return messages.stream()
                .filter(m -> m.kind() == TexMessage.Kind.MISSING_FILE && m.subject().startsWith(blocked.subject()))
                .findFirst()
                .map(m -> new TexMessage(blocked.kind(), m.file(), m.line(), blocked.text(), blocked.subject()))
                .orElse(blocked);
    }

    /**
     * LaTeX reports a missing package after the file that asked for it was closed, so the log's place is the
     * \\input in the document template. The \\usepackage line itself is found in the team's files instead.
     */
    private TexMessage locatePackage(TexMessage missing) {
        String name = missing.subject().substring(0, missing.subject().length() - ".sty".length());
        Pattern use = Pattern.compile("\\\\(?:usepackage|RequirePackage)\\s*(?:\\[[^]]*])?\\s*\\{[^}]*\\b"
                + Pattern.quote(name) + "\\b[^}]*}");
        for (Map.Entry<String, RenderedFile> file : generated.entrySet()) {
            String[] lines = file.getValue().text().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (use.matcher(lines[i]).find()) {
                    return new TexMessage(missing.kind(), file.getKey(), i + 1, missing.text(), missing.subject());
                }
            }
        }
        return missing;
    }

    /** A file name without an extension LaTeX adds when it looks for an image or a TeX file. */
    private static String stem(String file) {
        return file.replaceFirst("(?i)\\.(pdf|png|jpe?g|mps|jbig2|jb2|eps|tex)$", "");
    }

    /**
     * The engine stops on a damaged image before it says where it was included: the {@code \includegraphics} of
     * that image (or, when the name is not known, of any image) in the file that was being read.
     */
    private TexMessage locateImage(TexMessage bad) {
        String name = bad.subject().isEmpty() ? "" : stem(bad.subject());
        Pattern include = Pattern.compile("\\\\includegraphics\\s*(?:\\[[^]]*])?\\s*\\{[^}]*"
                + (name.isEmpty() ? "" : Pattern.quote(name)) + "[^}]*}");
        List<Map.Entry<String, RenderedFile>> files = new ArrayList<>(generated.entrySet());
        files.sort(java.util.Comparator.comparing(e -> !e.getKey().equals(bad.file())));
        for (Map.Entry<String, RenderedFile> file : files) {
            String[] lines = file.getValue().text().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (include.matcher(lines[i]).find()) {
                    return new TexMessage(bad.kind(), file.getKey(), i + 1, bad.text(), bad.subject());
                }
            }
        }
        return bad;
    }

    Diagnostic map(TexMessage message) {
        boolean undefined = message.kind() == TexMessage.Kind.UNDEFINED_CITATION
                || message.kind() == TexMessage.Kind.UNDEFINED_REFERENCE;
        Diagnostic.Severity severity = message.kind().isError() || undefined && undefinedIsError
                ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
        SourceLocation location = null;
        String sourceLine = "";
        RenderedFile source = generated.get(message.file());
        if (isBibliographyFile(message.file()) && message.line() > 0) {
            // bibtex/biber messages are already at their .bib (or .bst) line, named relative to the working
            // directory or, for the team's src/report/references.bib, by absolute path.
            Path file = workDir.resolve(message.file());
            location = SourceLocation.of(file, message.line());
            sourceLine = SourceLines.line(file, message.line());
        } else if (message.kind() == TexMessage.Kind.BIB_WARNING && bibFile != null && !message.subject().isEmpty()) {
            int line = entryLine(message.subject());
            location = SourceLocation.of(bibFile, line);
            sourceLine = SourceLines.line(bibFile, line);
        } else if (source != null) {
            int line = source.lines().sourceLine(message.line());
            location = SourceLocation.of(source.source(), line);
            sourceLine = SourceLines.line(source.source(), line);
        } else if (!message.file().isEmpty() && !Path.of(message.file()).isAbsolute()) {
            Path file = workDir.resolve(message.file());
            location = SourceLocation.of(file, message.line());
            sourceLine = SourceLines.line(file, message.line());
        }
        return new Diagnostic(severity, location, explain(message), sourceLine);
    }

    private static boolean isBibliographyFile(String file) {
        return file.endsWith(".bib") || file.endsWith(".bst");
    }

    private String explain(TexMessage message) {
        return switch (message.kind()) {
            case UNDEFINED_CITATION -> message.text() + (bibFile != null
                    ? ": src/report/references.bib has no entry with this key; add one or fix the key."
                    : ": there is no src/report/references.bib; create it with an entry for this key.");
            case UNDEFINED_REFERENCE -> message.text() + ": no \\label{" + message.subject() + "} exists; check the"
                    + " spelling or add the label.";
            case MISSING_FILE -> missingFile(message.subject(), searched);
            case BAD_IMAGE -> message.text() + ": the file is damaged or not really the kind of image its name"
                    + " says. Open it in an image viewer and export it again (PNG, JPEG or PDF).";
            case READ_BLOCKED -> message.text() + (message.text().startsWith("reading") ? "; put the file into"
                    + " src/report/figures/ (or the milestone's folder) and refer to it by its name" : "");
            case SHELL_ESCAPE_BLOCKED -> "this needs shell escape, which is off: TeX did not run '" + message.subject()
                    + "'. Packages such as minted or tikz externalize need it; set report.shellEscape=true only"
                    + " for sources you trust.";
            default -> message.text();
        };
    }

    static String missingFile(String file, List<String> searched) {
        if (file.endsWith(".sty") || file.endsWith(".cls")) {
            String name = file.substring(0, file.length() - 4);
            String kind = file.endsWith(".sty") ? "package" : "class";
            String debian = DEBIAN_PACKAGES.get(name);
            String install = debian != null
                    ? "On Debian/Ubuntu: sudo apt-get install " + debian
                    : "Check the name; if it is right, find the TeX Live package that holds it with"
                      + " 'tlmgr search --global --file " + file + "' (on Debian/Ubuntu: apt-file search " + file + ")";
            return "LaTeX " + kind + " '" + name + "' is not installed (" + file + " not found). " + install + ".";
        }
        String where = searched.isEmpty() ? "" : " in " + String.join(", ", searched) + " or the TeX installation";
        return "File '" + file + "' not found" + where + ". Keep a paper's folders as they are under src/report/"
                + " (src/report/Images/x.png for \\includegraphics{Images/x.png}), or put figures in"
                + " src/report/figures/ and refer to them by name, e.g. \\includegraphics{plot}.";
    }

    /** The line of {@code @type{key,} in the .bib, 0 when it is not found. */
    private int entryLine(String key) {
        try {
            List<String> lines = Files.readAllLines(bibFile, StandardCharsets.UTF_8);
            Pattern entry = Pattern.compile("^\\s*@\\w+\\s*[{(]\\s*" + Pattern.quote(key) + "\\s*,");
            for (int i = 0; i < lines.size(); i++) {
                if (entry.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

}
