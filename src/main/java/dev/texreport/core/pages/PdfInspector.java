package dev.texreport.core.pages;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Reads facts back from a built PDF with PDFBox, so the summary describes the file the team hands in. */
public final class PdfInspector {
    public int pageCount(Path pdf) throws EnvironmentException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the PDF " + pdf + ": " + e.getMessage(), e);
        }
    }
}
