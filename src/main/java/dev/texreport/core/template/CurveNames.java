package dev.texreport.core.template;

import java.util.Map;
import java.util.Set;

/**
 * The names the legend gives to the keys of a Hugging Face {@code log_history}: {@code loss} is "training loss",
 * {@code eval_loss} "validation loss", and so on; other keys keep their name unless the call names them.
 */
public final class CurveNames {
    private static final Map<String, String> NAMES = Map.of("loss", "training loss", "eval_loss", "validation loss",
            "eval_accuracy", "validation accuracy", "learning_rate", "learning rate", "grad_norm", "gradient norm");
    private static final Set<String> POSITIONS = Set.of("step", "epoch");

    private CurveNames() {
    }

    public static String of(String key) {
        return NAMES.getOrDefault(key, key);
    }

    /** Whether a key is where a value was logged (step, epoch) rather than a value. */
    public static boolean isPosition(String key) {
        return POSITIONS.contains(key);
    }
}
