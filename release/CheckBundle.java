import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Inspects a Maven Central bundle (the zip central-publishing-maven-plugin uploads) for what Central's validation
 * rejects: per component, a POM with name, description, url, a licence, a developer and scm; the jar, the sources jar
 * and the javadoc jar; an .md5 and a .sha1 (and any .sha256/.sha512) matching each file; and an ASCII-armoured .asc
 * signature for each file unless {@code --unsigned}. Whether a signature is valid for a published key is only checked
 * by Central. A single-file program (run with {@code java release/CheckBundle.java}), so checking a bundle needs
 * nothing but the JDK the build already uses.
 *
 * <p>Usage: {@code java release/CheckBundle.java [--unsigned] bundle.zip}. Prints one line per check and exits 1
 * when any fails.
 */
public final class CheckBundle {
    private static final List<String> DIGESTS = List.of("md5", "sha1", "sha256", "sha512");
    private final List<String> failures = new ArrayList<>();
    private int checks;

    public static void main(String[] args) throws Exception {
        boolean unsigned = false;
        Path zip = null;
        for (String arg : args) {
            if (arg.equals("--unsigned")) {
                unsigned = true;
            } else {
                zip = Path.of(arg);
            }
        }
        if (zip == null || !Files.isRegularFile(zip)) {
            System.err.println("usage: java release/CheckBundle.java [--unsigned] path/to/central-bundle.zip"
                    + (zip == null ? "" : " (" + zip + " is not a file)"));
            System.exit(2);
        }
        CheckBundle check = new CheckBundle();
        check.inspect(read(zip), unsigned);
        System.out.println();
        if (check.failures.isEmpty()) {
            System.out.println("BUNDLE OK: " + zip + ", " + check.checks + " checks passed"
                    + (unsigned ? " (signatures not checked: --unsigned)" : ""));
        } else {
            System.out.println("BUNDLE REJECTED: " + check.failures.size() + " of " + check.checks
                    + " checks failed in " + zip + ":");
            check.failures.forEach(f -> System.out.println("  " + f));
            System.exit(1);
        }
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private void inspect(Map<String, byte[]> entries, boolean unsigned) throws Exception {
        List<String> poms = entries.keySet().stream().filter(n -> n.endsWith(".pom")).toList();
        check(!poms.isEmpty(), "the bundle holds at least one component (a .pom)");
        for (String pom : poms) {
            component(entries, pom, unsigned);
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (isSidecar(name)) {
                continue;
            }
            for (String digest : DIGESTS) {
                byte[] sidecar = entries.get(name + "." + digest);
                boolean required = digest.equals("md5") || digest.equals("sha1");
                if (sidecar == null) {
                    if (required) {
                        check(false, name + "." + digest + " present");
                    }
                    continue;
                }
                String stated = new String(sidecar, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                check(stated.equalsIgnoreCase(hash(digest, e.getValue())), name + "." + digest + " matches the file");
            }
            if (unsigned) {
                continue;
            }
            byte[] asc = entries.get(name + ".asc");
            check(asc != null && new String(asc, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP SIGNATURE-----"),
                    name + ".asc present, an ASCII-armoured signature");
        }
    }

    private void component(Map<String, byte[]> entries, String pomPath, boolean unsigned) throws Exception {
        Element pom = parse(entries.get(pomPath)).getDocumentElement();
        String group = text(pom, "groupId");
        String artifact = text(pom, "artifactId");
        String version = text(pom, "version");
        String packaging = text(pom, "packaging").isEmpty() ? "jar" : text(pom, "packaging");
        check(child(pom, "parent") == null, pomPath + ": no <parent> (its inherited fields could not be checked here)");
        String dir = group.replace('.', '/') + "/" + artifact + "/" + version + "/";
        String base = dir + artifact + "-" + version;
        check(pomPath.equals(base + ".pom"), pomPath + " lies where its coordinates say: " + base + ".pom");
        check(!version.isEmpty() && !version.endsWith("-SNAPSHOT"), pomPath + ": a release version (" + version + ")");
        for (String field : List.of("name", "description", "url")) {
            check(!text(pom, field).isEmpty(), pomPath + ": <" + field + "> set");
        }
        List<Element> licenses = children(child(pom, "licenses"), "license");
        check(!licenses.isEmpty() && licenses.stream().allMatch(l -> !text(l, "name").isEmpty()
                && !text(l, "url").isEmpty()), pomPath + ": <licenses> with a name and url each");
        List<Element> developers = children(child(pom, "developers"), "developer");
        check(!developers.isEmpty() && developers.stream().allMatch(d -> !text(d, "name").isEmpty()),
                pomPath + ": <developers> with a name each");
        Element scm = child(pom, "scm");
        check(scm != null && !text(scm, "url").isEmpty() && !text(scm, "connection").isEmpty(),
                pomPath + ": <scm> with url and connection");
        if (!packaging.equals("pom")) {
            byte[] jar = entries.get(base + ".jar");
            check(jar != null, base + ".jar present");
            if (jar != null && packaging.equals("maven-plugin")) {
                check(names(jar).contains("META-INF/maven/plugin.xml"), base + ".jar holds META-INF/maven/plugin.xml");
            }
            byte[] sources = entries.get(base + "-sources.jar");
            check(sources != null && names(sources).stream().anyMatch(n -> n.endsWith(".java")),
                    base + "-sources.jar present, with .java files");
            byte[] javadoc = entries.get(base + "-javadoc.jar");
            check(javadoc != null && names(javadoc).contains("index.html"), base + "-javadoc.jar present, with index.html");
        }
    }

    private void check(boolean ok, String what) {
        checks++;
        System.out.println((ok ? "ok    " : "FAIL  ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    private static boolean isSidecar(String name) {
        return name.endsWith(".asc") || DIGESTS.stream().anyMatch(d -> name.endsWith("." + d));
    }

    private static String hash(String digest, byte[] data) throws NoSuchAlgorithmException {
        String algorithm = switch (digest) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> digest.toUpperCase(Locale.ROOT);
        };
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    private static List<String> names(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = new ByteArrayInputStream(xml)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            NodeList list = parent.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }
}
