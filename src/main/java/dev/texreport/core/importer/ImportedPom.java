package dev.texreport.core.importer;

import dev.texreport.core.Author;
import java.util.List;
import java.util.Locale;

/** The POM of an imported paper: its title and authors (rows kept), the pack and mode it was written for, the plugin. */
final class ImportedPom {
    private ImportedPom() {
    }

    static String text(String artifactId, String title, List<Author> authors, String template, String mode,
                       String pluginGroupId, String pluginArtifactId, String pluginVersion) {
        StringBuilder pom = new StringBuilder();
        // Plain strings, not a text block: the plugin descriptor's source parser does not read text blocks.
        pom.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        pom.append("<!-- A paper imported by report:import: `mvn report:build` writes target/report/<milestone>.pdf. -->\n");
        pom.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"\n");
        pom.append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        pom.append("         xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd\">\n");
        pom.append("  <modelVersion>4.0.0</modelVersion>\n");
        pom.append("  <groupId>edu.example.course</groupId>\n");
        pom.append("  <artifactId>").append(xml(artifactId)).append("</artifactId>\n");
        pom.append("  <version>1.0.0-SNAPSHOT</version>\n  <packaging>pom</packaging>\n");
        pom.append("  <!-- The paper's title. -->\n  <name>").append(xml(title)).append("</name>\n");
        pom.append("  <!-- The authors, in the paper's order; <row> starts a new row of the author block (\\AND). -->\n");
        pom.append("  <developers>\n");
        for (Author a : authors) {
            pom.append("    <developer>\n      <name>").append(xml(a.name())).append("</name>\n");
            if (!a.email().isEmpty()) {
                pom.append("      <email>").append(xml(a.email())).append("</email>\n");
            }
            if (!a.affiliation().isEmpty()) {
                pom.append("      <organization>").append(xml(a.affiliation())).append("</organization>\n");
            }
            if (a.row() > 0) {
                pom.append("      <properties><row>").append(a.row()).append("</row></properties>\n");
            }
            pom.append("    </developer>\n");
        }
        pom.append("  </developers>\n  <properties>\n");
        pom.append("    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n");
        if (!template.equals("builtin")) {
            pom.append("    <report.template>").append(xml(template)).append("</report.template>\n");
        }
        if (!mode.equals("final")) {
            pom.append("    <report.mode>").append(xml(mode.toLowerCase(Locale.ROOT))).append("</report.mode>\n");
        }
        pom.append("  </properties>\n  <build>\n    <plugins>\n      <plugin>\n");
        pom.append("        <groupId>").append(xml(pluginGroupId)).append("</groupId>\n");
        pom.append("        <artifactId>").append(xml(pluginArtifactId)).append("</artifactId>\n");
        pom.append("        <version>").append(xml(pluginVersion)).append("</version>\n");
        pom.append("      </plugin>\n    </plugins>\n  </build>\n</project>\n");
        return pom.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
