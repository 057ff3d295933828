package dev.texreport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void eachColumnIsAsWideAsItsWidestCellAndNoLineEndsInSpaces() {
        assertEquals(List.of(
                "team     proposal    final",
                "team-01  1.8/2 ok    -",
                "t2       2.4/2 OVER  7.9/8 ok"),
                TextTable.lines(List.of("team", "proposal", "final"), List.of(
                        List.of("team-01", "1.8/2 ok", "-"),
                        List.of("t2", "2.4/2 OVER", "7.9/8 ok"))));
    }
}
