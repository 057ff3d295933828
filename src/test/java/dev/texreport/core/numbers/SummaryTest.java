package dev.texreport.core.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static List<BigDecimal> values(String... texts) {
        return Arrays.stream(texts).map(t -> t == null ? null : new BigDecimal(t)).toList();
    }

    @Test
    void meanAndSampleStdMatchHandComputedValues() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, sample variance 32/7, std 2.13809...
        Summary s = Summary.of(values("2", "4", "4", "4", "5", "5", "7", "9"));
        assertEquals(8, s.n());
        assertEquals(0, new BigDecimal("5").compareTo(s.mean()));
        assertEquals("2.138090", Rounding.round(s.std(), 6).toPlainString());
        // SEM = std / sqrt(8) = 0.755928...
        assertEquals("0.755929", Rounding.round(s.sem(), 6).toPlainString());
    }

    @Test
    void threeSeedsOfAccuracy() {
        // 0.81, 0.83, 0.82: mean 0.82, deviations -0.01, 0.01, 0: variance 0.0002/2 = 0.0001, std 0.01
        Summary s = Summary.of(values("0.81", "0.83", "0.82"));
        assertEquals(0, new BigDecimal("0.82").compareTo(s.mean()));
        assertEquals(0, new BigDecimal("0.01").compareTo(s.std()));
    }

    @Test
    void oneSeedHasNoSpreadAndMissingValuesAreLeftOut() {
        Summary one = Summary.of(values("0.5", null));
        assertEquals(1, one.n());
        assertNull(one.std());
        assertNull(one.sem());
        Summary none = Summary.of(values(null, null));
        assertEquals(0, none.n());
        assertNull(none.mean());
    }

    @Test
    void scalingKeepsTheSpreadPositive() {
        Summary s = Summary.of(values("0.1", "0.3")).scaled(new BigDecimal("-100"));
        assertEquals(0, new BigDecimal("-20").compareTo(s.mean()));
        assertEquals(1, s.std().signum());
    }
}
