import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.*;
/** Made src/report/figures/helvetica-chart.pdf: a chart whose font is not embedded (PDFBox, Standard 14 Helvetica). */
public class MakeChart {
    public static void main(String[] a) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(200, 80));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(5, 5, 190, 70); cs.stroke();
                cs.beginText(); cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(20, 35); cs.showText("Accuracy 81.3%"); cs.endText();
            }
            doc.getDocumentInformation().setProducer("report-maven-plugin test");
            doc.save(a[0]);
        }
    }
}
