package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The expression a call gave for a parameter, as a message about its missing value quotes it. */
class CallSourceTest {
    @Test
    void findsTheExpressionUpToTheNextParameterOrTheEndOfTheCall() {
        String call = "<@num value=results.cifar.top1 percent=true/>";
        assertEquals("results.cifar.top1", CallSource.expression(call, "value"));
        assertEquals("true", CallSource.expression(call, "percent"));
        assertEquals("runs[0].loss", CallSource.expression("<@num value = runs[0].loss>", "value"));
    }

    @Test
    void looksOnlyOutsideStringsAndBrackets() {
        String call = "<@table rows=results?filter(r -> r.name == \"value=3\") value=x[\"a b\"] caption='c=d' />";
        assertEquals("x[\"a b\"]", CallSource.expression(call, "value"));
        assertEquals("results?filter(r -> r.name == \"value=3\")", CallSource.expression(call, "rows"));
        assertEquals("'c=d'", CallSource.expression(call, "caption"));
    }

    @Test
    void aComparisonOrALongerNameIsNotTheParameter() {
        assertNull(CallSource.expression("<@num x=(value == 2)/>", "value"));
        assertNull(CallSource.expression("<@num myvalue=3/>", "value"));
        assertNull(CallSource.expression("<@num value/>", "value"));
    }
}
