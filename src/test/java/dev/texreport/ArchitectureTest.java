package dev.texreport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages that ARCHITECTURE.md draws, enforced: the core never uses Maven, the kernel (the
 * root package) uses nothing of the project, feature packages use only the packages listed for them, and no
 * package cycle exists. A new arrow is a decision: add it here and to ARCHITECTURE.md.
 */
class ArchitectureTest {
    private static final String CORE = "dev.texreport.core";
    /** Each feature package (with its subpackages) and the project packages it may use besides the kernel. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("numbers", List.of()),
            Map.entry("results", List.of("numbers")),
            Map.entry("template", List.of("numbers", "results")),
            Map.entry("sandbox", List.of()),
            Map.entry("tex", List.of("sandbox")),
            Map.entry("pages", List.of()),
            Map.entry("course", List.of()),
            Map.entry("checks", List.of("course", "pages")),
            Map.entry("incremental", List.of("tex", "sandbox")),
            Map.entry("report", List.of("course", "tex", "sandbox")),
            Map.entry("scaffold", List.of("course", "template")),
            Map.entry("importer", List.of()),
            Map.entry("staff", List.of("course", "tex")),
            Map.entry("build", List.of("numbers", "results", "template", "tex", "pages", "course", "checks",
                    "incremental", "report", "sandbox")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The compiled main classes only: scanning the whole class path for the package takes seconds.
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void theCoreKnowsNothingOfMaven() {
        noClasses().that().resideInAPackage(CORE + "..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..")
                .check(classes);
    }

    @Test
    void theKernelUsesNoOtherPackageOfTheProject() {
        classes().that().resideInAPackage(CORE).should().onlyDependOnClassesThat(
                resideOutsideOfPackage("dev.texreport..").or(resideInAnyPackage(CORE)))
                .check(classes);
    }

    @Test
    void eachFeaturePackageUsesOnlyItsListedNeighbours() {
        List<String> broken = new ArrayList<>();
        ALLOWED.forEach((pkg, neighbours) -> {
            List<String> allowed = new ArrayList<>(List.of(CORE, CORE + "." + pkg + ".."));
            neighbours.forEach(n -> allowed.add(CORE + "." + n + ".."));
            ArchRule rule = classes().that().resideInAPackage(CORE + "." + pkg + "..").should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage("dev.texreport..")
                            .or(resideInAnyPackage(allowed.toArray(String[]::new))));
            try {
                rule.check(classes);
            } catch (AssertionError e) {
                broken.add(e.getMessage());
            }
        });
        if (!broken.isEmpty()) {
            throw new AssertionError(String.join("\n\n", broken));
        }
    }

    @Test
    void everyCorePackageIsListed() {
        classes().that().resideInAPackage(CORE + "..").and(not(resideInAnyPackage(CORE)))
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.resideInAnyPackage(
                        ALLOWED.keySet().stream().map(p -> CORE + "." + p + "..").toArray(String[]::new)))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theMavenAdapterIsTheOnlyUserOfMaven() {
        noClasses().that().resideOutsideOfPackage("dev.texreport.maven..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..").check(classes);
    }

    /** A file over the house's 250 lines says at its top why it is not split (the issue 11 rule). */
    @Test
    void aLongSourceFileSaysWhyItIsLong() throws IOException {
        List<String> unexplained = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String top = String.join("\n", lines.subList(0, Math.min(60, lines.size())));
                if (lines.size() > 250 && !top.contains("250 lines")) {
                    unexplained.add(file + " (" + lines.size() + " lines)");
                }
            }
        }
        assertTrue(unexplained.isEmpty(), "over 250 lines without saying why: " + unexplained);
    }
}
