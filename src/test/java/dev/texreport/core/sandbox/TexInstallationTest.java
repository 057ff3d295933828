package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TexInstallationTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheExistingAbsoluteFoldersKpathseaNamesAndNeverDotOrTheRoot() throws Exception {
        Path dist = Files.createDirectories(dir.resolve("texmf-dist"));
        Path var = Files.createDirectories(dir.resolve("texmf-var"));
        Path fonts = Files.createDirectories(dir.resolve("home/.fonts"));
        TexInstallation tex = TexInstallation.fromKpsewhich(List.of(".:!!" + dist + ":" + var + ":/:"
                + dir.resolve("missing") + "::" + dist), dir.resolve("home").toString());
        assertEquals(List.of(dist, var), tex.folders().subList(0, 2));
        assertTrue(tex.folders().contains(fonts), "fontconfig's folder in the home: " + tex.folders());
        assertTrue(tex.folders().stream().noneMatch(p -> p.getNameCount() == 0 || !p.isAbsolute()));
        assertEquals(List.of("-expand-path=" + TexInstallation.KPSE_PATH), TexInstallation.kpsewhichArguments());
    }
}
