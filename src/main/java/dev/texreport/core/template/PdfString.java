package dev.texreport.core.template;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * PDF text strings for the document information (title, author, subject): UTF-16BE with a byte-order mark, in hex,
 * so any name (Zoë, Łukasz) reaches the PDF intact and no character of it can be read as TeX or PDF syntax.
 */
public final class PdfString {
    private PdfString() {
    }

    public static String hex(String text) {
        byte[] utf16 = (text == null ? "" : text).getBytes(StandardCharsets.UTF_16BE);
        return "<FEFF" + HexFormat.of().withUpperCase().formatHex(utf16) + ">";
    }
}
