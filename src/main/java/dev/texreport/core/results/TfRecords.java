package dev.texreport.core.results;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The record framing of TensorFlow's TFRecord files, which TensorBoard event files use. Each record is
 * <pre>
 *   uint64 length            little-endian
 *   uint32 masked_crc32c(length bytes)
 *   byte   data[length]
 *   uint32 masked_crc32c(data)
 * </pre>
 * where {@code masked(crc) = ((crc >>> 15) | (crc << 17)) + 0xa282ead8} (32-bit arithmetic) over the Castagnoli
 * CRC-32C (java.util.zip.CRC32C). No library on Maven Central reads this framing without TensorFlow itself, and it
 * is these few lines.
 */
final class TfRecords implements AutoCloseable {
    private static final int MASK_DELTA = 0xa282ead8;

    /** A record that failed its check, or a file cut off in the middle of a record. */
    static final class BadRecord extends IOException {
        final long offset;
        final boolean truncated;

        BadRecord(String message, long offset, boolean truncated) {
            super(message);
            this.offset = offset;
            this.truncated = truncated;
        }
    }

    private final InputStream in;
    private long offset;

    TfRecords(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next record's data, or null at the end of the file. */
    byte[] next() throws IOException {
        long start = offset;
        byte[] header = new byte[12];
        int got = readFully(header);
        if (got == 0) {
            return null;
        }
        if (got < header.length) {
            throw new BadRecord("the file ends inside a record's header", start, true);
        }
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = buffer.getLong(0);
        int lengthCrc = buffer.getInt(8);
        if (masked(header, 0, 8) != lengthCrc) {
            throw new BadRecord("the record's length fails its CRC check", start, false);
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new BadRecord("the record's length (" + length + " bytes) is impossible", start, false);
        }
        byte[] data = new byte[(int) length];
        byte[] footer = new byte[4];
        if (readFully(data) < data.length || readFully(footer) < footer.length) {
            throw new BadRecord("the file ends inside a record", start, true);
        }
        int dataCrc = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (masked(data, 0, data.length) != dataCrc) {
            throw new BadRecord("the record's data fails its CRC check", start, false);
        }
        return data;
    }

    static int masked(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    private int readFully(byte[] target) throws IOException {
        int total = 0;
        while (total < target.length) {
            int n = in.read(target, total, target.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        offset += total;
        return total;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
