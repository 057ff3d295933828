package dev.texreport.core.template.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, messages: every mistake names what is missing and what exists. */
class MessagesTest {
    @TempDir
    Path dir;

    private VocabFixture fixture() throws Exception {
        return new VocabFixture(dir)
                .file("results/cifar.json", "{\"top1_acc\": 0.8132, \"top5_acc\": 0.97}")
                .file("results/main.json", "{\"runs\": [{\"method\": \"ViT-S\", \"seed\": 0, \"top1\": 0.8},"
                        + " {\"method\": \"ResNet-18\", \"seed\": 0, \"top1\": 0.7}]}")
                .file("results/trainer_state.json", "{\"log_history\": [{\"loss\": 2.0, \"grad_norm\": 1.5, "
                        + "\"step\": 50}, {\"eval_loss\": 1.1, \"eval_accuracy\": 0.6, \"step\": 100}]}")
                .file("results/empty_state.json", "{\"global_step\": 0, \"log_history\": []}");
    }

    @Test
    void aTypoInsideACallNamesTheMissingKeyAndTheKeysThatExist() throws Exception {
        assertEquals("<@num>: 'value' is results.cifar.top1, which is missing: results.cifar has no 'top1'; it has: "
                + "top1_acc, top5_acc", fixture().error("<@num value=results.cifar.top1 percent=true/>\n"));
    }

    @Test
    void aTypoThroughAnAssignedVariableBlamesThatVariable() throws Exception {
        assertEquals("'c.top1' is missing: c has no 'top1'; it has: top1_acc, top5_acc",
                fixture().error("<#assign c = results.cifar>${c.top1}\n"));
        assertEquals("<@stat>: 'runs' is m.runz, which is missing: m has no 'runz'; it has: runs",
                fixture().error("<#assign m = results.main><@stat runs=m.runz metric=\"top1\"/>\n"));
    }

    @Test
    void aTypoOnALoopVariableListsTheRecordsKeys() throws Exception {
        assertEquals("'run.top11' is missing: run has no 'top11'; it has: method, seed, top1",
                fixture().error("<#list results.main.runs as run>${run.top11}</#list>\n"));
    }

    @Test
    void whereThatMatchesNothingListsTheValuesThatExist() throws Exception {
        assertEquals("<@stat>: no run matches where={method=ViT-L}: no run has method=ViT-L; its values are: ViT-S,"
                + " ResNet-18 (2 runs in all)",
                fixture().error("<@stat runs=results.main where={\"method\": \"ViT-L\"} metric=\"top1\"/>\n"));
        assertTrue(fixture().error("<@stat runs=results.main where={\"methd\": \"ViT-S\"} metric=\"top1\"/>\n")
                .contains("no run has the field 'methd'; the runs have: method, seed, top1"));
    }

    @Test
    void curveListsTheKeysTheLogHasAndCallsAnEmptyLogEmpty() throws Exception {
        assertEquals("<@curve>: the log_history has no 'eval_f1'; its keys are: loss, grad_norm, step, eval_loss, "
                + "eval_accuracy", fixture().error("<@curve state=results.trainer_state metrics=[\"eval_f1\"]/>\n"));
        assertTrue(fixture().error("<@curve state=results.empty_state/>\n")
                .startsWith("<@curve>: the log_history of this trainer state is empty"));
    }

    @Test
    void exponentNumbersAndBackslashesInStringsGetHints() throws Exception {
        String exponent = fixture().error("<@num value=results.cifar.top1_acc scale=1e-15/>\n");
        assertTrue(exponent.startsWith("FreeMarker syntax error: "), exponent);
        assertTrue(exponent.endsWith(". FreeMarker has no exponent notation: write 1e-15 as 0.000000000000001, or as"
                + " the string \"1e-15\" (the calls read numbers given as text)"), exponent);
        String backslash = fixture().error("<@table runs=results.main rows=\"method\" metrics=[\"top1\"] "
                + "caption=\"W\\&B runs\"/>\n");
        assertTrue(backslash.contains("In a FreeMarker string a backslash starts an escape, and \\& is none: text "
                + "given to a call prints literally, so write the character alone (\"W&B\" prints W&B)"), backslash);
    }

    @Test
    void aNumberGivenAsTextIsAccepted() throws Exception {
        assertEquals("813 200\n", fixture().render("<@num value=results.cifar.top1_acc scale=\"1e3\" decimals=0/>"
                + " <@num value=0.2 scale=\"1e3\"/>\n").text());
    }
}
