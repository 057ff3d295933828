package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.template.Palette;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, colours: one style per name everywhere, ten colours before styles repeat, visible error bars. */
class ColoursTest {
    @TempDir
    Path dir;

    private static final String RUNS = """
            [{"method": "ResNet", "seed": 0, "acc": 0.8, "epoch": 0}, {"method": "ResNet", "seed": 0, "acc": 0.85, "epoch": 1},
             {"method": "ViT", "seed": 0, "acc": 0.7, "epoch": 0}, {"method": "ViT", "seed": 0, "acc": 0.9, "epoch": 1}]
            """;
    private static final String STATE = """
            {"log_history": [{"loss": 2.0, "step": 0}, {"loss": 1.0, "step": 50}, {"eval_loss": 1.2, "step": 50}]}
            """;

    private static String colourOf(String tex, String legend) {
        Matcher m = Pattern.compile("color=(texreport\\d), mark=[^\\]]*\\] coordinates \\{[^}]*\\};\\n"
                + "    \\\\addlegendentry\\{" + Pattern.quote(legend) + "}").matcher(tex);
        assertTrue(m.find(), legend + " in " + tex);
        return m.group(1);
    }

    @Test
    void theSameSeriesNameHasTheSameColourInTwoFiguresAndTwoMilestones() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/runs.json", RUNS).file("results/trainer_state.json", STATE);
        // Milestone one: a line plot of the methods, then the learning curve.
        String first = f.render("<@lineplot runs=results.runs x=\"epoch\" y=\"acc\" series=\"method\"/>"
                + "<@curve state=results.trainer_state/>\n").text();
        // Milestone two uses the names in the opposite order, in another figure type.
        String second = f.render("<@curve state=results.trainer_state/>"
                + "<@lineplot runs=results.runs x=\"epoch\" y=\"acc\" series=\"method\" where={\"method\": \"ViT\"}/>"
                + "<@barchart runs=results.runs x=\"method\" y=\"acc\"/>\n").text();
        assertEquals(colourOf(first, "ViT"), colourOf(second, "ViT"));
        assertEquals(colourOf(first, "training loss"), colourOf(second, "training loss"));
        assertTrue(second.contains("fill=" + colourOf(first, "ViT") + ", draw=" + colourOf(first, "ViT")),
                "the bar of ViT has ViT's colour: " + second);
        assertTrue(!colourOf(first, "ResNet").equals(colourOf(first, "ViT"))
                && !colourOf(first, "training loss").equals(colourOf(first, "validation loss")), first);
    }

    @Test
    void tenNamesOfOneFieldGetTenColoursAndLaterOnesADashPattern() throws Exception {
        StringBuilder runs = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            runs.append(i == 0 ? "" : ",").append("{\"method\": \"m").append(i).append("\", \"acc\": 0.5}");
        }
        VocabFixture f = new VocabFixture(dir).file("results/many.json", runs + "]");
        Palette palette = Palette.of(f.render("x\n").results().model());
        Set<String> colours = new HashSet<>();
        Set<String> styles = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String name = "m" + i;
            if (i < 10) {
                colours.add(palette.colour(name));
                assertEquals("solid", palette.dash(name));
            } else {
                assertEquals("dashed", palette.dash(name));
            }
            styles.add(palette.colour(name) + palette.mark(name) + palette.dash(name));
        }
        assertEquals(10, colours.size());
        assertEquals(12, styles.size());
        assertTrue(Palette.definitions().lines().count() >= 10);
    }

    @Test
    void errorBarsHaveAWhiteHaloSoTheyShowOnADarkBar() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/runs.json", RUNS);
        String tex = f.render("<@barchart runs=results.runs x=\"method\" y=\"acc\"/>\n").text();
        assertTrue(tex.contains("error bar style={black, line width=0.7pt, preaction={draw=white, line width=2.2pt}}"),
                tex);
    }

    @Test
    void theStepAxisStartsAtTheFirstStep() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/trainer_state.json", STATE);
        String tex = f.render("<@curve state=results.trainer_state/>\n").text();
        assertTrue(tex.contains("xmin=0, xmax=50, enlarge x limits=false, scaled x ticks=false"), tex);
    }

    @Test
    void aLegendNameDoesNotChangeASeriesColour() throws Exception {
        VocabFixture f = new VocabFixture(dir).file("results/runs.json", RUNS);
        String plain = f.render("<@lineplot runs=results.runs x=\"epoch\" y=\"acc\" series=\"method\"/>\n").text();
        String renamed = f.render("<@lineplot runs=results.runs x=\"epoch\" y=\"acc\" series=\"method\" "
                + "names={\"ViT\": \"ViT-B/16\", \"ResNet\": \"ResNet-50\"}/>\n").text();
        assertEquals(colourOf(plain, "ViT"), colourOf(renamed, "ViT-B/16"));
        assertEquals(colourOf(plain, "ResNet"), colourOf(renamed, "ResNet-50"));
    }
}
