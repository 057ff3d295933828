package dev.texreport.core.checks;

import dev.texreport.core.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What a page draws, as a hash: its content streams and every object they can use (fonts with their programs,
 * images, forms, ...), byte for byte, and its boxes. Two pages with the same digest draw the same ink in the same
 * places, whichever PDF they are in, so a check of one holds for the other ({@link MarginCheck} keeps its results
 * by this digest between the builds of a {@code report:watch}).
 *
 * <p>Written here: PDFBox gives the objects, not a content hash of an object graph. Dictionaries are hashed with
 * their keys in order, references are followed (each object once per document, shared fonts included), and a
 * reference back to an object being hashed (a cycle) counts as a fixed marker.
 */
final class PageDigest {
    private static final byte[] CYCLE = "<cycle>".getBytes(StandardCharsets.US_ASCII);
    /** The digests of the document's objects met so far, by object: fonts are shared by most pages. */
    private final Map<COSBase, byte[]> known = new IdentityHashMap<>();

    /** The page's digest; {@code context} is hashed with it (what else the result depends on). */
    String of(PDPage page, String context) throws IOException {
        COSDictionary dict = page.getCOSObject();
        MessageDigest digest = Hashes.sha256();
        digest.update(context.getBytes(StandardCharsets.UTF_8));
        for (COSName key : new COSName[] {COSName.CONTENTS, COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX,
                COSName.ROTATE, COSName.USER_UNIT}) {
            digest.update(key.getName().getBytes(StandardCharsets.US_ASCII));
            // Resources and boxes may be inherited from the page tree: PDFBox's accessors resolve that.
            COSBase value = key == COSName.RESOURCES ? (page.getResources() == null ? null
                    : page.getResources().getCOSObject())
                    : key == COSName.MEDIA_BOX ? page.getMediaBox().getCOSArray()
                    : key == COSName.CROP_BOX ? page.getCropBox().getCOSArray() : dict.getItem(key);
            digest.update(of(value));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private byte[] of(COSBase value) throws IOException {
        COSBase base = value instanceof COSObject object ? object.getObject() : value;
        if (base == null) {
            return new byte[0];
        }
        if (!(base instanceof COSDictionary) && !(base instanceof COSArray)) {
            return base.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] done = known.get(base);
        if (done != null) {
            return done;
        }
        known.put(base, CYCLE);
        MessageDigest digest = Hashes.sha256();
        if (base instanceof COSArray array) {
            digest.update((byte) '[');
            for (int i = 0; i < array.size(); i++) {
                digest.update(of(array.get(i)));
            }
        } else {
            COSDictionary dictionary = (COSDictionary) base;
            digest.update((byte) '<');
            for (COSName key : dictionary.keySet().stream().sorted().toList()) {
                digest.update(key.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(of(dictionary.getItem(key)));
            }
            if (dictionary instanceof COSStream stream) {
                try (InputStream raw = stream.createRawInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = raw.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        byte[] result = digest.digest();
        known.put(base, result);
        return result;
    }
}
