package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.numbers.Curves;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, figures: panels, width, log axes, limits, a second y axis, smoothing and legend names. */
class FiguresTest {
    @TempDir
    Path dir;

    private VocabFixture fixture() throws Exception {
        return new VocabFixture(dir)
                .file("results/curves.csv", "method,seed,epoch,val_acc,lr\nA,0,1,0.5,0.1\nA,0,2,0.6,0.01\n"
                        + "B,0,1,0.4,0.1\nB,0,2,0.7,0.01\n")
                .file("results/trainer_state.json", "{\"log_history\": [{\"loss\": 2.0, \"learning_rate\": 1e-05,"
                        + " \"step\": 10}, {\"loss\": 1.0, \"learning_rate\": 2e-05, \"step\": 20}, {\"loss\": 1.5,"
                        + " \"learning_rate\": 1e-05, \"step\": 30}, {\"eval_macro_f1\": 0.7, \"step\": 30}]}");
    }

    @Test
    void aFigurePutsItsPlotsSideBySideWithSubCaptionsAndOneLegend() throws Exception {
        String tex = fixture().render("""
                <@figure caption="Two views." label="fig:both">
                  <@lineplot runs=results.curves x="epoch" y="val_acc" series="method" caption="Accuracy." label="fig:acc"/>
                  <@curve state=results.trainer_state caption="Loss."/>
                </@figure>
                """).text();
        assertEquals(1, tex.split("\\\\begin\\{figure}", -1).length - 1, tex);
        assertEquals(3, tex.split("\\\\begin\\{minipage}", -1).length - 1, "a row and two panels: " + tex);
        assertTrue(tex.contains("{\\small (a) Accuracy.\\par}") && tex.contains("{\\small (b) Loss.\\par}"), tex);
        assertTrue(tex.contains("\\csname @currentlabel\\endcsname{\\thefigure a}\\label{fig:acc}"), tex);
        assertTrue(tex.indexOf("\\stepcounter{figure}") < tex.indexOf("\\addtocounter{figure}{-1}")
                && tex.indexOf("\\addtocounter{figure}{-1}") < tex.indexOf("\\caption{Two views.}"), tex);
        assertTrue(!tex.contains("\\addlegendentry"), "the panels draw no legend of their own: " + tex);
        assertTrue(tex.contains("\\,A}\\quad") && tex.contains("\\,B}\\quad"), "one shared legend: " + tex);
    }

    @Test
    void axesTakeWidthLogModesAndLimits() throws Exception {
        String tex = fixture().render("<@lineplot runs=results.curves x=\"epoch\" y=\"lr\" series=\"method\" "
                + "width=\"0.6\\\\linewidth\" ymode=\"log\" xmin=0 xmax=3 ymin=\"1e-3\" ymax=1/>\n").text();
        assertTrue(tex.contains("width=0.6\\linewidth, height=0.5\\linewidth"), tex);
        assertTrue(tex.contains("xmin=0, xmax=3, enlarge x limits=false"), tex);
        assertTrue(tex.contains("ymode=log, log basis y=10,\n      ymin=0.001, ymax=1,"), tex);
    }

    @Test
    void aSecondMetricCanHaveItsOwnAxisOnTheRight() throws Exception {
        String tex = fixture().render("<@curve state=results.trainer_state metrics2=[\"learning_rate\"]/>\n").text();
        assertEquals(2, tex.split("\\\\begin\\{axis}", -1).length - 1, tex);
        assertTrue(tex.contains("axis y line*=right, axis x line=none"), tex);
        assertTrue(tex.contains("ylabel={learning rate}"), tex);
        assertTrue(tex.contains("\\addlegendimage{") && tex.contains("\\addlegendentry{learning rate}"), tex);
    }

    @Test
    void smoothingDrawsTensorBoardsMovingAverageWithTheRawCurveFaintBehind() throws Exception {
        String tex = fixture().render("<@curve state=results.trainer_state smooth=0.5/>\n").text();
        // TensorBoard: last = 0.5 last + 0.5 y, divided by 1 - 0.5^k: 2, (0.5*1+0.25*... ) -> 2, 1.3333333, 1.4285714.
        assertTrue(tex.contains("opacity=0.3, no marks, line width=0.5pt] coordinates {(10,2) (20,1) (30,1.5) }"), tex);
        assertTrue(tex.contains("coordinates {(10,2) (20,1.3333333) (30,1.4285714) }"), tex);
    }

    @Test
    void emaFollowsTensorBoardsDebiasedFormula() {
        double[] smoothed = Curves.ema(new double[] {1, 0, 0, 1}, 0.6);
        // last: 0.4, 0.24, 0.144, 0.4864; debias 1-0.6^k: 0.4, 0.64, 0.784, 0.8704.
        assertEquals(1.0, smoothed[0], 1e-12);
        assertEquals(0.375, smoothed[1], 1e-12);
        assertEquals(0.144 / 0.784, smoothed[2], 1e-12);
        assertEquals(0.4864 / 0.8704, smoothed[3], 1e-12);
    }

    @Test
    void legendNamesComeFromTheCallOrTheMetricDeclarations() throws Exception {
        String tex = fixture().render("<@curve state=results.trainer_state metrics={\"eval_macro_f1\": {\"name\": "
                + "\"Macro F1\"}, \"loss\": {}}/><@lineplot runs=results.curves x=\"epoch\" y=\"val_acc\" "
                + "series=\"method\" names={\"A\": \"ResNet-50\"}/>\n").text();
        assertTrue(tex.contains("\\addlegendentry{Macro F1}") && tex.contains("\\addlegendentry{training loss}"), tex);
        assertTrue(tex.contains("\\addlegendentry{ResNet-50}") && tex.contains("\\addlegendentry{B}"), tex);
    }
}
