package dev.texreport.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineMapTest {
    @Test
    void unchangedLinesMapToThemselvesAroundALoopThatExpandsToManyLines() {
        String source = String.join("\n",
                "\\section{Results}",          // 1
                "<#list 1..4 as i>",           // 2
                "Row ${i}.",                   // 3
                "</#list>",                    // 4
                "After the loop \\bfx here.",  // 5
                "Last line.");                 // 6
        String output = String.join("\n",
                "\\section{Results}",
                "Row 1.", "Row 2.", "Row 3.", "Row 4.",
                "After the loop \\bfx here.",
                "Last line.");
        LineMap map = LineMap.align(source, output);
        assertEquals(1, map.sourceLine(1));
        assertEquals(5, map.sourceLine(6), "the line after the loop is found again by its text");
        assertEquals(6, map.sourceLine(7));
        for (int line = 2; line <= 5; line++) {
            int mapped = map.sourceLine(line);
            assertEquals(true, mapped >= 2 && mapped <= 4, "loop output maps into the loop, got " + mapped);
        }
    }

    @Test
    void anInterpolatedLineMapsToItsTemplateLine() {
        String source = "a\nb\nValue ${x} here\nc\n";
        String output = "a\nb\nValue 42 here\nc\n";
        assertEquals(3, LineMap.align(source, output).sourceLine(3));
    }

    @Test
    void identityMapsEveryLineToItself() {
        assertEquals(17, LineMap.identity().sourceLine(17));
    }
}
