package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.NoOpLog;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.junit.jupiter.api.Test;

/**
 * PDFBox's own messages ("No Unicode mapping for a104 (104) in font F53", "Invalid ToUnicode CMap") stay out of the
 * build log: the plugin's commons-logging.properties sends them nowhere (an invoker build of a real paper printed
 * sixty such lines before).
 */
class PdfBoxLoggingTest {
    @Test
    void pdfBoxLogsNowhere() {
        assertInstanceOf(NoOpLog.class, LogFactory.getLog(PDSimpleFont.class));
        assertInstanceOf(NoOpLog.class, LogFactory.getLog("org.apache.fontbox.cmap.CMapParser"));
    }
}
