package dev.texreport.core.build;

import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;

/** The plugin's page-measure package, which every milestone's document loads first; it typesets nothing. */
final class MeasurePackage {
    static final String FILE = "texreport-measure.sty";
    private static volatile byte[] bytes;

    private MeasurePackage() {
    }

    static byte[] bytes() throws EnvironmentException {
        byte[] known = bytes;
        if (known == null) {
            try (InputStream in = MeasurePackage.class.getResourceAsStream("/dev/texreport/tex/" + FILE)) {
                if (in == null) {
                    throw new EnvironmentException(FILE + " is missing from the plugin jar; reinstall the plugin.");
                }
                known = in.readAllBytes();
                bytes = known;
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + FILE + ": " + e.getMessage(), e);
            }
        }
        return known.clone();
    }
}
