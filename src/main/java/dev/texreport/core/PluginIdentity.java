package dev.texreport.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies the plugin build that produced a PDF: its version, plus a hash of its jar so that a rebuilt snapshot
 * with the same version still counts as a change. Computed once per JVM.
 */
final class PluginIdentity {
    private static volatile String value;

    private PluginIdentity() {
    }

    static String value() {
        String known = value;
        if (known == null) {
            known = compute();
            value = known;
        }
        return known;
    }

    private static String compute() {
        String version = PluginIdentity.class.getPackage().getImplementationVersion();
        StringBuilder id = new StringBuilder(version == null ? "dev" : version);
        try {
            CodeSource source = PluginIdentity.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(location)) {
                    byte[] buffer = new byte[65536];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
                id.append('+').append(HexFormat.of().formatHex(digest.digest()), 0, 16);
            } else {
                id.append("+classes");
            }
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
            id.append("+unknown");
        }
        return id.toString();
    }
}
