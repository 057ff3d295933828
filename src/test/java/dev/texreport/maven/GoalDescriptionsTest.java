package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goal and parameter descriptions that {@code mvn help:describe -Dplugin=dev.texreport:report-maven-plugin
 * -Ddetail} prints come from the Mojos' Javadoc via the generated plugin descriptor. help:describe reads them as HTML,
 * so a placeholder written in angle brackets ({@code target/report/<milestone>.pdf}) is dropped as an unknown tag
 * and the user reads "target/report/.pdf". Placeholders are therefore written in capitals.
 */
class GoalDescriptionsTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    @Test
    void noDescriptionHoldsTextThatHelpDescribeWouldDropAsATag() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), DESCRIPTOR + " is written by maven-plugin-plugin before the tests");
        Document plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList descriptions = plugin.getElementsByTagName("description");
        List<String> eaten = new ArrayList<>();
        for (int i = 0; i < descriptions.getLength(); i++) {
            String text = descriptions.item(i).getTextContent();
            if (text.matches("(?s).*<[A-Za-z/!][^>]*>.*")) {
                Element owner = (Element) descriptions.item(i).getParentNode();
                eaten.add(owner.getElementsByTagName(owner.getTagName().equals("mojo") ? "goal" : "name").item(0)
                        .getTextContent() + ": " + text);
            }
        }
        assertEquals(List.of(), eaten, "descriptions with <...>, which help:describe drops");
    }

    @Test
    void everyGoalAndUserParameterIsDescribed() throws Exception {
        Document plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList mojos = plugin.getElementsByTagName("mojo");
        assertEquals(6, mojos.getLength(), "aggregate, build, import, init, sample, watch");
        List<String> undescribed = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            if (text(mojo, "description").isBlank()) {
                undescribed.add(goal);
            }
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (text(parameter, "editable").equals("true") && text(parameter, "description").isBlank()) {
                    undescribed.add(goal + " " + text(parameter, "name"));
                }
            }
        }
        assertEquals(List.of(), undescribed, "goals and parameters without a description");
    }

    private static String text(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }
}
