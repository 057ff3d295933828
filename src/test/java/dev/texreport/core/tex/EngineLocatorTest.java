package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.EnvironmentException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {
    @TempDir
    Path dir;

    @Test
    void aMissingEngineSaysHowToInstallItOrWhereToPointTexBin() {
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> new EngineLocator(null, dir.toString()).locate("pdflatex"));
        assertTrue(e.getMessage().startsWith("pdflatex was not found on the PATH. Install TeX Live, e.g. on "
                + "Debian/Ubuntu: sudo apt-get install texlive-latex-extra"), e.getMessage());
        assertTrue(e.getMessage().contains("report.texBin"), e.getMessage());
    }

    @Test
    void findsTheEngineInTheFirstPathEntryThatHasIt() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path tex = Files.createDirectory(dir.resolve("tex"));
        Path engine = tex.resolve("xelatex");
        Files.writeString(engine, "#!/bin/sh\n");
        engine.toFile().setExecutable(true);
        assertEquals(engine, new EngineLocator(null, empty + File.pathSeparator + tex).locate("xelatex"));
    }

    @Test
    void texBinReplacesThePathSearch() {
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> new EngineLocator(dir, "/usr/bin").locate("pdflatex"));
        assertTrue(e.getMessage().startsWith("pdflatex was not found in report.texBin (" + dir + ")"));
    }
}
