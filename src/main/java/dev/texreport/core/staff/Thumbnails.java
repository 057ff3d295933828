package dev.texreport.core.staff;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A small PNG of a PDF's first page, rendered with PDFBox: 26 dots per inch, so a US Letter page becomes about
 * 221 x 286 pixels, sharp when the page shows it at half that size on a high-density screen.
 */
public final class Thumbnails {
    static final float DPI = 26;

    private Thumbnails() {
    }

    public static void render(Path pdf, Path png) throws EnvironmentException {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (document.getNumberOfPages() == 0) {
                throw new EnvironmentException(pdf + " has no pages");
            }
            image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot render the first page of " + pdf + ": " + e.getMessage(), e);
        }
        AtomicFile.write(png, temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
