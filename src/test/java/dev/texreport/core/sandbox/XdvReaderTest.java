package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class XdvReaderTest {
    private static final int BOP = 15; // pre is 15 bytes with an empty comment

    /** A small XDV file written opcode by opcode, with every XeTeX extension in it. */
    private static byte[] sample(boolean truncated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(247); out.write(7); quad(out, 25400000); quad(out, 473628672); quad(out, 1000);
        out.write(0); // empty comment
        out.write(139); out.writeBytes(new byte[40]); quad(out, -1); // bop, no page before
        // native_font_def k=1, size, flags colored|embolden, name, index, rgba, embolden
        out.write(252); quad(out, 1); quad(out, 655360); out.write(0x42); out.write(0x00);
        byte[] font = "/usr/share/fonts/lm.otf".getBytes(StandardCharsets.UTF_8);
        out.write(font.length); out.writeBytes(font); quad(out, 0); quad(out, 0xff0000ff); quad(out, 1000);
        out.write(171); // fnt_num_0
        out.write(253); quad(out, 5000); out.write(0); out.write(2); out.writeBytes(new byte[20]); // 2 glyphs
        out.write(254); out.write(0); out.write(3); out.writeBytes(new byte[6]); quad(out, 5000);
        out.write(0); out.write(1); out.writeBytes(new byte[10]);
        out.write(250); out.write(251); out.write(141); out.write(143); out.write(-5); out.write(142);
        out.write(132); out.writeBytes(new byte[8]);
        special(out, "pdf:image (figure.png)");
        out.write(243); out.write(2); quad(out, 0); quad(out, 655360); quad(out, 655360); out.write(0);
        out.write(5); out.writeBytes("cmr10".getBytes(StandardCharsets.US_ASCII));
        out.write(242); quad(out, 9); out.writeBytes("color red".getBytes(StandardCharsets.US_ASCII)); // xxx4
        out.write(140); // eop
        if (truncated) {
            return out.toByteArray();
        }
        int post = out.size();
        out.write(248); quad(out, BOP); out.writeBytes(new byte[24]); out.write(249); quad(out, post); out.write(7);
        out.writeBytes(new byte[] {(byte) 223, (byte) 223, (byte) 223, (byte) 223});
        return out.toByteArray();
    }

    private static void quad(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24); out.write(value >>> 16); out.write(value >>> 8); out.write(value);
    }

    private static void special(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(239); out.write(bytes.length); out.writeBytes(bytes);
    }

    @Test
    void readsSpecialsAndFontFilesThroughXetexsOpcodes() throws IOException {
        XdvReader.Contents contents = XdvReader.read(new ByteArrayInputStream(sample(false)));
        assertEquals(List.of("pdf:image (figure.png)", "color red"), contents.specials().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertEquals(List.of("/usr/share/fonts/lm.otf"), contents.nativeFontFiles());
        assertEquals(List.of("cmr10"), contents.tfmFonts());
    }

    @Test
    void aFileItCannotFollowIsAnErrorNotACleanResult() {
        assertThrows(IOException.class, () -> XdvReader.read(new ByteArrayInputStream(sample(true))));
        byte[] unknown = sample(false);
        unknown[unknown.length - 40] = (byte) 255; // an opcode XeTeX never writes, where eop stood
        assertThrows(IOException.class, () -> XdvReader.read(new ByteArrayInputStream(unknown)));
        assertThrows(IOException.class, () -> XdvReader.read(new ByteArrayInputStream(new byte[] {1, 2})));
        byte[] pointer = sample(false);
        pointer[pointer.length - 38] = 99; // the postamble's pointer no longer names the page that was read
        assertThrows(IOException.class, () -> XdvReader.read(new ByteArrayInputStream(pointer)));
    }

    @Test
    void pdfStringsAreDecodedAsXdvipdfmxReadsThem() {
        assertEquals("/tmp/a b.png", XdvSpecialCheck.firstPdfString(" width 1cm (/tmp/a b.png) <</X 1>>"));
        assertEquals("/tmp/(x).png", XdvSpecialCheck.firstPdfString("(/tmp/\\(x\\).png)"));
        assertEquals("/tmp/x.png", XdvSpecialCheck.firstPdfString("(/tm\\160/x.png)"));
        assertEquals("/tmp/x.png", XdvSpecialCheck.firstPdfString("(/tmp/\\\nx.png)"));
        assertEquals("/tmp", XdvSpecialCheck.firstPdfString("<2F 746D70>"));
        assertEquals(null, XdvSpecialCheck.firstPdfString("(/tmp/unbalanced"));
        assertEquals(null, XdvSpecialCheck.firstPdfString("<< /F (x) >>"));
    }

    @Test
    void namesAreJudgedAgainstTheRoots() {
        SandboxRoots roots = new SandboxRoots(Path.of("/p/work"), List.of(Path.of("/p/work"),
                Path.of("/usr/share/texlive")), List.of(Path.of("/p/work")), List.of(Path.of("/usr/share/texlive")));
        XdvSpecialCheck check = new XdvSpecialCheck(roots);
        List<byte[]> specials = List.of("pdf:image (figures/plot.png)", "pdf:image (/usr/share/texlive/a.png)",
                "color push rgb 1 0 0", "pdf:bann << /Subtype /Link >>", "dvipdfmx:config C 0x0010",
                "pdf:image (/etc/passwd)", "  PDF:IMAGE (/etc/passwd)", "pdf:image (a/../../b.png)")
                .stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> problems = check.problems(new XdvReader.Contents(specials,
                List.of("/usr/share/texlive/lm.otf", "/home/evil/font.otf"), List.of("cmr10")));
        assertEquals(List.of("the file /etc/passwd, outside the project in \\special{pdf:image (/etc/passwd)}",
                "the file /etc/passwd, outside the project in \\special{PDF:IMAGE (/etc/passwd)}",
                "the file a/../../b.png (a name with '..' leaves its folder) in \\special{pdf:image (a/../../b.png)}",
                "font file /home/evil/font.otf: the file /home/evil/font.otf, outside the project"), problems);
    }
}
