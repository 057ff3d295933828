package dev.texreport.core.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentRulesTest {
    @Test
    void headingsAreComparedAsWordsIgnoringCaseCommandsAndPunctuation() {
        String heading = ContentRules.normalize("Key \\emph{Idea}: and Motivation");
        assertEquals("key idea and motivation", heading);
        assertTrue(ContentRules.contains(heading, "Key idea"));
        assertTrue(ContentRules.contains(ContentRules.normalize("Datasets"), "Datasets"));
        assertFalse(ContentRules.contains(ContentRules.normalize("Metadata"), "Data"), "whole words only");
    }

    @Test
    void aTitleIsReadToItsClosingBraceWhateverFollows() {
        String line = "\\@writefile{toc}{\\contentsline {section}{\\numberline {3}Deliverables {\\em and} plan}{2}{}"
                + "\\protected@file@percent }";
        int start = line.indexOf("}{", line.indexOf("{section}")) + 2;
        assertEquals("\\numberline {3}Deliverables {\\em and} plan", ContentRules.balanced(line, start));
    }
}
