package dev.texreport.core.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberTextTest {
    @Test
    void groupsFiveDigitIntegersWithThinSpacesButNotFourDigitOnes() {
        assertEquals("1234.5", NumberText.latex(new BigDecimal("1234.5"), NumberText.Grouping.SI));
        assertEquals("12\\,345.6", NumberText.latex(new BigDecimal("12345.6"), NumberText.Grouping.SI));
        assertEquals("1\\,234\\,567", NumberText.latex(new BigDecimal("1234567"), NumberText.Grouping.SI));
        assertEquals("1234567", NumberText.latex(new BigDecimal("1234567"), NumberText.Grouping.NONE));
        assertEquals("1\\,234", NumberText.latex(new BigDecimal("1234"), NumberText.Grouping.ALWAYS));
    }

    @Test
    void negativeNumbersGetATrueMinusAndMissingValuesADash() {
        assertEquals("\\textminus{}0.3", NumberText.latex(new BigDecimal("-0.3"), NumberText.Grouping.SI));
        assertEquals("--", NumberText.latex(null, NumberText.Grouping.SI));
        assertEquals("81.3\\,\\textpm\\,0.4", NumberText.withSpread("81.3", "0.4"));
        assertEquals("81.3", NumberText.withSpread("81.3", null));
    }
}
