package dev.texreport.core.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Identifies the plugin build that produced a PDF: its version and a SHA-256 of its compiled classes, resources and
 * POM, which its own build writes into {@code plugin-build.properties}. A snapshot rebuilt with changed code therefore
 * still counts as a change, while two builds of the same sources agree (the jar stays reproducible). Reading that
 * small file costs nothing, where hashing the jar (libraries included) would cost tens of milliseconds of every no-op
 * build. Computed once per JVM.
 */
public final class PluginIdentity {
    private static final String RESOURCE = "/dev/texreport/plugin-build.properties";
    private static volatile String value;

    private PluginIdentity() {
    }

    public static String value() {
        String known = value;
        if (known == null) {
            known = compute();
            value = known;
        }
        return known;
    }

    private static String compute() {
        Properties build = new Properties();
        try (InputStream in = PluginIdentity.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource identifies nothing; the fallback below still names the plugin
        }
        return build.getProperty("version", "dev") + "+" + build.getProperty("classes", "unknown");
    }
}
