package dev.texreport.core.checks;

import dev.texreport.core.Author;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Mode;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import dev.texreport.core.pages.PageMeasure;
import dev.texreport.core.pages.PagePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * In anonymous builds: no team member's name, e-mail or repository (github.com/member) in the PDF's text, footnotes
 * or metadata. Writing about one's own work in the third person is allowed, as NeurIPS asks for it: the reference
 * list (found by the page-measure package's marks, not by its heading) and citations in the text ("Brandt et al.,
 * 2021", "Brandt and Nowak [2021]") are not leaks.
 */
final class AnonymityCheck implements MilestoneCheck {
    /** Where a repository's owner shows: code hosts whose first path segment is a user or organisation. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:github\\.com|gitlab\\.com|bitbucket\\.org|huggingface\\.co)/([a-z0-9][a-z0-9._-]*)");
    /** After a name, what makes it a citation: co-authors or "et al.", then a year or a citation number. */
    private static final Pattern CITATION_TAIL = Pattern.compile(
            "^(?:\\s*(?:,\\s*and|,|and|&)\\s*[\\p{L}'-]+)*(?:\\s*et al\\.?)?,?\\s*[\\[(]?\\s*(?:(?:19|20)\\d\\d[a-z]?\\b|\\d{1,3}\\])");

    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        List<String> forbidden = words(input);
        if (forbidden.isEmpty()) {
            return List.of();
        }
        PDDocument document = input.pdf().document();
        List<Problem> problems = new ArrayList<>();
        try {
            List<String> pages = textOutsideReferences(document, input.measure());
            for (int i = 0; i < pages.size(); i++) {
                String text = pages.get(i);
                Set<String> found = new LinkedHashSet<>();
                for (String word : forbidden) {
                    if (leaks(text, word.toLowerCase(Locale.ROOT), lastNames(input).contains(word))) {
                        found.add("'" + word + "' in an anonymous PDF; remove it (write about your own earlier work"
                                + " in the third person)");
                    }
                }
                Matcher repository = REPOSITORY.matcher(text);
                while (repository.find()) {
                    if (memberHandle(repository.group(1), input.request().authors())) {
                        found.add("the repository link '" + repository.group() + "' of a team member in an"
                                + " anonymous PDF; link the code through an anonymised copy of the repository");
                    }
                }
                for (String what : found) {
                    problems.add(Findings.of(input, FormatCheck.ANONYMITY, i + 1, "page " + (i + 1) + " shows "
                            + what));
                }
            }
            String meta = metadata(document).toLowerCase(Locale.ROOT);
            for (String word : forbidden) {
                if (meta.contains(word.toLowerCase(Locale.ROOT))) {
                    problems.add(Findings.of(input, FormatCheck.ANONYMITY, 0, "the PDF's metadata contains '" + word
                            + "' in an anonymous PDF; a figure or package may set it (e.g. hyperref's pdfauthor)"));
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the text of " + input.pdf().file() + ": " + e.getMessage(), e);
        }
        return problems;
    }

    /**
     * Whether {@code word} shows in {@code text} other than as a cited author: a last name followed by a year or a
     * citation number is a citation; a full name or an e-mail is always a leak.
     */
    static boolean leaks(String text, String word, boolean lastName) {
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            String after = text.substring(at + word.length(), Math.min(text.length(), at + word.length() + 60));
            boolean wordEnd = after.isEmpty() || !Character.isLetterOrDigit(after.charAt(0));
            if (wordStart && wordEnd && !(lastName && CITATION_TAIL.matcher(after).find())) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }

    /** Whether a repository owner is a team member: their last name, first name, e-mail name or initial + name. */
    static boolean memberHandle(String owner, List<Author> authors) {
        String handle = fold(owner);
        for (Author author : authors) {
            String[] names = fold(author.name()).split("\\s+");
            String first = names[0];
            String last = names[names.length - 1];
            String mail = author.email().contains("@") ? fold(author.email().substring(0, author.email().indexOf('@')))
                    : "";
            if ((last.length() >= 4 && handle.contains(last)) || (first.length() >= 4 && handle.contains(first))
                    || (mail.length() >= 3 && handle.equals(mail.replaceAll("[^a-z0-9]", "")))
                    || (names.length > 1 && last.length() >= 4 && handle.startsWith(first.charAt(0)
                    + last.substring(0, 4)))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents, dots, dashes or underscores: how a name appears in a user name. */
    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[._-]", "");
    }

    /**
     * Each page's text, lower case with white space folded, without the lines of the reference list (which lie
     * between the page-measure package's marks at the start of the bibliography and the end of its last entry).
     */
    private static List<String> textOutsideReferences(PDDocument document, PageMeasure measure) throws IOException {
        List<StringBuilder> pages = new ArrayList<>();
        PageMeasure.Span references = measure == null ? null : measure.references();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                int page = getCurrentPageNo();
                while (pages.size() < page) {
                    pages.add(new StringBuilder());
                }
                if (references != null && measure.geometry() != null && !positions.isEmpty()) {
                    // PDF points from the top edge to the baseline, as TeX points.
                    double belowTop = positions.get(0).getYDirAdj() * 72.27 / 72;
                    PagePosition where = measure.geometry().at(page, belowTop);
                    if (references.contains(new PagePosition(page, where.fraction() - 0.002))) {
                        return;
                    }
                }
                pages.get(page - 1).append(text).append(' ');
            }
        };
        stripper.getText(document);
        // Link targets too: a URL in a bitmap font (T1 typewriter without cm-super) has no text to extract, but
        // hyperref's link keeps it.
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            while (pages.size() <= i) {
                pages.add(new StringBuilder());
            }
            PDPage page = document.getPage(i);
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
                        && uri.getURI() != null) {
                    double belowTop = (page.getMediaBox().getUpperRightY() - link.getRectangle().getUpperRightY())
                            * 72.27 / 72;
                    if (references == null || measure.geometry() == null
                            || !references.contains(measure.geometry().at(i + 1, belowTop))) {
                        pages.get(i).append(' ').append(uri.getURI()).append(' ');
                    }
                }
            }
        }
        List<String> texts = new ArrayList<>();
        for (StringBuilder page : pages) {
            texts.add(Normalizer.normalize(page.toString(), Normalizer.Form.NFC).replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT));
        }
        return texts;
    }

    /** Every name and e-mail of the team, and each last name of four letters or more. */
    static List<String> words(CheckInput input) {
        if (input.request().mode() != Mode.ANONYMOUS) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (Author author : input.request().authors()) {
            if (!author.name().isBlank()) {
                words.add(author.name());
                words.addAll(lastNames(List.of(author)));
            }
            if (!author.email().isBlank()) {
                words.add(author.email());
            }
        }
        return words;
    }

    private static List<String> lastNames(CheckInput input) {
        return lastNames(input.request().authors());
    }

    private static List<String> lastNames(List<Author> authors) {
        List<String> last = new ArrayList<>();
        for (Author author : authors) {
            String[] parts = author.name().strip().split("\\s+");
            if (parts.length > 1 && parts[parts.length - 1].length() >= 4) {
                last.add(parts[parts.length - 1]);
            }
        }
        return last;
    }

    private static String metadata(PDDocument document) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        StringBuilder metadata = new StringBuilder();
        for (String value : new String[] {info.getTitle(), info.getAuthor(), info.getSubject(), info.getKeywords(),
            info.getCreator()}) {
            metadata.append(value == null ? "" : value).append('\n');
        }
        if (document.getDocumentCatalog().getMetadata() != null) {
            metadata.append(new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    StandardCharsets.UTF_8));
        }
        return metadata.toString();
    }
}
