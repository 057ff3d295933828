package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reading what TeX and its helpers write: logs in TeX's 8-bit form, files that may not exist yet. */
final class TexFiles {
    private TexFiles() {
    }

    static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * TeX writes its log in the input's 8-bit form: ISO-8859-1 reads every byte without failing, and the bytes are
     * then decoded as the UTF-8 the sources are written in.
     */
    static List<String> readLog(Path file) {
        String text = readOrEmpty(file);
        if (text.isEmpty()) {
            return List.of();
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(bytes, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    /** The last lines of a log, for failures no rule recognised. */
    static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }
}
