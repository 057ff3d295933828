package dev.texreport.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Holds biber to the sandbox. biber is a Perl program without kpathsea's openin_any: {@code \addbibresource{/any/file.bib}}
 * makes it read any file (and {@code location=remote} fetch a URL), and the entries it parses are typeset. TeX writes
 * the list of data sources into {@code <job>.bcf}, which a document can also write itself, so before biber runs the
 * plugin checks that file: every data source must be a local file name inside the sandbox, and the only biber
 * options are the ones biblatex writes (none of them names a file).
 */
public final class BcfCheck {
    private static final String BCF = "https://sourceforge.net/projects/biblatex";
    /** What biblatex (3.x) writes in {@code <bcf:options component="biber">}. */
    private static final Set<String> BIBER_OPTIONS = Set.of("output_encoding", "input_encoding", "debug",
            "mincrossrefs", "minxrefs", "sortcase", "sortupper", "sortlocale");

    private final SandboxRoots roots;

    public BcfCheck(SandboxRoots roots) {
        this.roots = roots;
    }

    /** The problems in one .bcf file; empty when biber may run on it. */
    public List<String> problems(Path bcf) throws IOException {
        Document document;
        try (InputStream in = Files.newInputStream(bcf)) {
            document = parser().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            return List.of(bcf.getFileName() + " is not the XML biblatex writes: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        NodeList sources = document.getElementsByTagNameNS(BCF, "datasource");
        for (int i = 0; i < sources.getLength(); i++) {
            Element source = (Element) sources.item(i);
            String name = source.getTextContent().strip();
            String problem = judge(name, source.getAttribute("type"));
            if (problem != null) {
                problems.add("the bibliography data source " + name + ": " + problem);
            }
        }
        NodeList options = document.getElementsByTagNameNS(BCF, "options");
        for (int i = 0; i < options.getLength(); i++) {
            Element group = (Element) options.item(i);
            if (!"biber".equals(group.getAttribute("component"))) {
                continue;
            }
            NodeList keys = group.getElementsByTagNameNS(BCF, "key");
            for (int k = 0; k < keys.getLength(); k++) {
                String key = keys.item(k).getTextContent().strip();
                if (!BIBER_OPTIONS.contains(key)) {
                    problems.add("the biber option " + key + " (biblatex never sets it)");
                }
            }
        }
        return problems;
    }

    private String judge(String name, String type) {
        if (!type.isEmpty() && !type.equals("file")) {
            return "a data source of type " + type;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("://") || lower.startsWith("data:")) {
            return "biber would fetch it from the network";
        }
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("~") || name.contains("$")) {
            return "not a plain file name";
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            return "not a file name";
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                return "a name with '..' leaves its folder";
            }
        }
        if (path.isAbsolute() && !roots.mayRead(path)) {
            return "outside the project";
        }
        return null;
    }

    // The .bcf may come from the document: no DTD, no external entities (they would read files for it).
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // the problem is reported, not printed to standard error
        return builder;
    }
}
