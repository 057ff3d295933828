package dev.texreport.core.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingTest {
    private static String round(String value, int decimals) {
        return Rounding.round(new BigDecimal(value), decimals).toPlainString();
    }

    @Test
    void halvesRoundAwayFromZeroOnTheExactDecimal() {
        assertEquals("0.1", round("0.05", 1));
        assertEquals("-0.1", round("-0.05", 1));
        assertEquals("0.2", round("0.15", 1), "binary floating point would give 0.1 here");
        assertEquals("2.68", round("2.675", 2), "binary floating point would give 2.67 here");
    }

    @Test
    void zeroNegativeLargeAndSmallValues() {
        assertEquals("0.0", round("0", 1));
        assertEquals("-3.1", round("-3.14159", 1));
        assertEquals("123456789.0", round("123456789.04", 1));
        assertEquals("0.00012", round("0.000123", 5));
    }

    @Test
    void significantDigitsChooseTheDecimalPlaceButNeverRoundAwayIntegerDigits() {
        assertEquals(1, Rounding.decimalsFor(new BigDecimal("81.32"), null, 3));
        assertEquals(3, Rounding.decimalsFor(new BigDecimal("0.2314"), null, 3));
        assertEquals(6, Rounding.decimalsFor(new BigDecimal("0.000123"), null, 3));
        assertEquals(0, Rounding.decimalsFor(new BigDecimal("123456"), null, 3));
        assertEquals(2, Rounding.decimalsFor(BigDecimal.ZERO, null, 3));
        assertEquals(4, Rounding.decimalsFor(new BigDecimal("81.32"), 4, 3), "explicit decimals win");
        assertEquals(2, Rounding.decimalsFor(new BigDecimal("-5.5"), null, null), "default is 3 significant digits");
    }

    @Test
    void significantDigitsThatCarryIntoTheNextPowerOfTenKeepTheirNumber() {
        assertEquals("1.00", Rounding.round(new java.math.BigDecimal("0.9996"),
                Rounding.decimalsFor(new java.math.BigDecimal("0.9996"), null, 3)).toPlainString());
        assertEquals("100", Rounding.round(new java.math.BigDecimal("99.96"),
                Rounding.decimalsFor(new java.math.BigDecimal("99.96"), null, 3)).toPlainString());
        assertEquals("10.0", Rounding.round(new java.math.BigDecimal("9.9996"),
                Rounding.decimalsFor(new java.math.BigDecimal("9.9996"), null, 3)).toPlainString());
        assertEquals(3, Rounding.decimalsFor(new java.math.BigDecimal("0.9994"), null, 3), "0.999 needs no carry");
    }
}
