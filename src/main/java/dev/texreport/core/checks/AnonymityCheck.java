package dev.texreport.core.checks;

import dev.texreport.core.Author;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.FormatCheck;
import dev.texreport.core.Mode;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/** In anonymous builds: no team member's name or e-mail anywhere in the PDF's text or metadata. */
final class AnonymityCheck implements MilestoneCheck {
    @Override
    public List<Problem> check(CheckInput input) throws ReportException {
        List<String> forbidden = words(input);
        if (forbidden.isEmpty()) {
            return List.of();
        }
        PDDocument document = input.pdf().document();
        List<Problem> problems = new ArrayList<>();
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(document).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                for (String word : forbidden) {
                    if (text.contains(word.toLowerCase(Locale.ROOT))) {
                        problems.add(Findings.of(input, FormatCheck.ANONYMITY, i, "page " + i + " shows '" + word
                                + "' in an anonymous PDF; remove it (write about your own earlier work in the third"
                                + " person)"));
                    }
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

    /** Every name and e-mail of the team, and each last name of four letters or more. */
    static List<String> words(CheckInput input) {
        if (input.request().mode() != Mode.ANONYMOUS) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (Author author : input.request().authors()) {
            if (!author.name().isBlank()) {
                words.add(author.name());
                String[] parts = author.name().split("\\s+");
                String last = parts[parts.length - 1];
                if (parts.length > 1 && last.length() >= 4) {
                    words.add(last);
                }
            }
            if (!author.email().isBlank()) {
                words.add(author.email());
            }
        }
        return words;
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
