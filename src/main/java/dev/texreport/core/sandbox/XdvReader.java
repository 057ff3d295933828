package dev.texreport.core.sandbox;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a DVI or XeTeX XDV file asks the driver to open: the text of every {@code \special} and the font file
 * of every font definition. Hand-written because no Java library reads XDV (the few DVI readers in Java predate
 * XeTeX and stop at its opcodes), and the format is small: the DVI opcodes of dvitype.web plus five of XeTeX's,
 * whose layouts are taken from xdvipdfmx's reader (dvi.c in dvipdfm-x):
 * <ul>
 *   <li>250/251 begin/end_reflect: no parameters;</li>
 *   <li>252 native_font_def: k[4] size[4] flags[2] l[1] filename[l] index[4], then 4 bytes for each of the flags
 *       0x0200 colored, 0x1000 extend, 0x2000 slant, 0x4000 embolden;</li>
 *   <li>253 glyphs: width[4] n[2] then 10 bytes per glyph (x[4] y[4] id[2]);</li>
 *   <li>254 text_and_glyphs: l[2] text[2l] width[4] n[2] then 10 bytes per glyph.</li>
 * </ul>
 * The file is read from the start to the end of the postamble, opcode by opcode; an opcode it does not know is an
 * error, never skipped, so a file it cannot follow is never judged clean. xdvipdfmx finds the pages the other way,
 * from the postamble's pointer to the last page and each page's pointer to the one before, so the reader checks
 * that those pointers name exactly the pages it read: both then see the same bytes.
 */
public final class XdvReader {
    /** What the file asks the driver to open. */
    public record Contents(List<byte[]> specials, List<String> nativeFontFiles, List<String> tfmFonts) {
        public Contents {
            specials = List.copyOf(specials);
            nativeFontFiles = List.copyOf(nativeFontFiles);
            tfmFonts = List.copyOf(tfmFonts);
        }
    }

    private static final int PRE = 247;
    private static final int POST = 248;
    private static final int POST_POST = 249;
    private static final int FLAG_COLORED = 0x0200;
    private static final int FLAG_EXTEND = 0x1000;
    private static final int FLAG_SLANT = 0x2000;
    private static final int FLAG_EMBOLDEN = 0x4000;

    private XdvReader() {
    }

    public static Contents read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        }
    }

    static Contents read(InputStream stream) throws IOException {
        Counting counting = new Counting(stream);
        DataInputStream in = new DataInputStream(counting);
        List<byte[]> specials = new ArrayList<>();
        List<String> nativeFonts = new ArrayList<>();
        List<String> tfmFonts = new ArrayList<>();
        long lastPage = -1;
        long post = -1;
        int opcode;
        try {
            opcode = in.readUnsignedByte();
        } catch (EOFException e) {
            throw new IOException("the XDV file is empty");
        }
        if (opcode != PRE) {
            throw new IOException("not a DVI/XDV file (first byte " + opcode + ")");
        }
        skip(in, 1 + 4 + 4 + 4); // id, num, den, mag
        skip(in, in.readUnsignedByte()); // comment
        while (true) {
            long offset = counting.count;
            try {
                opcode = in.readUnsignedByte();
            } catch (EOFException e) {
                throw new IOException("the XDV file ends before its postamble");
            }
            if (opcode <= 127 || (opcode >= 171 && opcode <= 234)) {
                continue; // set_char, fnt_num
            }
            switch (opcode) {
                case 128, 133, 143, 148, 153, 157, 162, 167, 235 -> skip(in, 1);
                case 129, 134, 144, 149, 154, 158, 163, 168, 236 -> skip(in, 2);
                case 130, 135, 145, 150, 155, 159, 164, 169, 237 -> skip(in, 3);
                case 131, 136, 146, 151, 156, 160, 165, 170, 238 -> skip(in, 4);
                case 132, 137 -> skip(in, 8); // set_rule, put_rule
                case 138, 140, 141, 142, 147, 152, 161, 166, 250, 251 -> { } // nop, eop, push, pop, w0, x0, y0, z0
                case 139 -> { // bop: c0..c9, then the offset of the previous bop
                    skip(in, 40);
                    expectPointer(in.readInt(), lastPage, "a page");
                    lastPage = offset;
                }
                case 239, 240, 241, 242 -> specials.add(bytes(in, (int) unsigned(in, opcode - 238)));
                case 243, 244, 245, 246 -> {
                    skip(in, opcode - 242 + 12); // k, checksum, size, design size
                    int area = in.readUnsignedByte();
                    int name = in.readUnsignedByte();
                    tfmFonts.add(new String(bytes(in, area + name), StandardCharsets.ISO_8859_1));
                }
                case 252 -> nativeFonts.add(nativeFontDef(in));
                case 253 -> glyphs(in);
                case 254 -> {
                    skip(in, 2L * in.readUnsignedShort());
                    glyphs(in);
                }
                case POST -> {
                    if (post >= 0) {
                        throw new IOException("the XDV file has two postambles");
                    }
                    expectPointer(in.readInt(), lastPage, "the postamble");
                    skip(in, 24);
                    post = offset;
                }
                case POST_POST -> {
                    if (post < 0) {
                        throw new IOException("the XDV file has no postamble");
                    }
                    expectPointer(in.readInt(), post, "the end");
                    skip(in, 1);
                    byte[] tail = in.readAllBytes();
                    if (tail.length < 4 || tail.length > 7) {
                        throw new IOException("the XDV file does not end after its postamble");
                    }
                    return new Contents(specials, nativeFonts, tfmFonts);
                }
                default -> throw new IOException("unknown DVI/XDV opcode " + opcode + " at byte " + offset);
            }
        }
    }

    private static void expectPointer(long pointer, long expected, String where) throws IOException {
        if (pointer != expected) {
            throw new IOException("the XDV file's pointer in " + where + " (" + pointer + ") does not name the "
                    + "page read before it (" + expected + ")");
        }
    }

    /** Counts the bytes read, for the offsets the pointers name. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static String nativeFontDef(DataInputStream in) throws IOException {
        skip(in, 4 + 4); // k, size
        int flags = in.readUnsignedShort();
        String file = new String(bytes(in, in.readUnsignedByte()), StandardCharsets.UTF_8);
        skip(in, 4); // index in a collection
        for (int flag : new int[] {FLAG_COLORED, FLAG_EXTEND, FLAG_SLANT, FLAG_EMBOLDEN}) {
            if ((flags & flag) != 0) {
                skip(in, 4);
            }
        }
        return file;
    }

    private static void glyphs(DataInputStream in) throws IOException {
        skip(in, 4);
        skip(in, 10L * in.readUnsignedShort());
    }

    private static long unsigned(DataInputStream in, int size) throws IOException {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | in.readUnsignedByte();
        }
        if (value > Integer.MAX_VALUE) {
            throw new IOException("a \\special of " + value + " bytes");
        }
        return value;
    }

    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void skip(DataInputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                in.readUnsignedByte(); // throws EOFException at the end
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
