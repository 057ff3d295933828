package dev.texreport.core.numbers;

import static dev.texreport.core.numbers.Ranking.Mark.BEST;
import static dev.texreport.core.numbers.Ranking.Mark.NONE;
import static dev.texreport.core.numbers.Ranking.Mark.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static List<BigDecimal> printed(String... texts) {
        return Arrays.stream(texts).map(t -> t == null ? null : new BigDecimal(t)).toList();
    }

    @Test
    void higherIsBetter() {
        assertEquals(List.of(SECOND, BEST, NONE), Ranking.rank(printed("80.1", "81.3", "79.0"), Direction.HIGHER));
    }

    @Test
    void lowerIsBetter() {
        assertEquals(List.of(SECOND, BEST, NONE), Ranking.rank(printed("0.31", "0.22", "0.40"), Direction.LOWER));
    }

    @Test
    void valuesThatPrintTheSameAreTiedAndAllMarked() {
        // 81.34 and 81.26 both print as 81.3: both are best; the next value is second.
        assertEquals(List.of(BEST, BEST, SECOND, NONE),
                Ranking.rank(printed("81.3", "81.30", "80.9", "70.0"), Direction.HIGHER));
        assertEquals(List.of(BEST, SECOND, SECOND), Ranking.rank(printed("1.0", "2.0", "2.0"), Direction.LOWER));
    }

    @Test
    void missingCellsAndUnrankedMetricsAreNotMarked() {
        assertEquals(List.of(BEST, NONE, SECOND), Ranking.rank(printed("3", null, "2"), Direction.HIGHER));
        assertEquals(List.of(NONE, NONE), Ranking.rank(printed("3", "2"), Direction.NONE));
        assertEquals(List.of(NONE, NONE), Ranking.rank(printed("3", null), Direction.HIGHER), "one value: nothing to rank");
    }
}
