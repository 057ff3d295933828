package dev.texreport.core.checks;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** The PDF under check, parsed by PDFBox on first use and closed once every check has seen it. */
public final class CheckedPdf implements AutoCloseable {
    private final Path file;
    private PDDocument document;

    public CheckedPdf(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized PDDocument document() throws EnvironmentException {
        if (document == null) {
            try {
                document = Loader.loadPDF(file.toFile());
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read the PDF " + file + " to check it: " + e.getMessage(), e);
            }
        }
        return document;
    }

    public int pageCount() throws EnvironmentException {
        return document().getNumberOfPages();
    }

    @Override
    public synchronized void close() {
        if (document != null) {
            try {
                document.close();
            } catch (IOException ignored) {
                // only a file handle of a read-only document
            }
            document = null;
        }
    }
}
