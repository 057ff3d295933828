package dev.texreport.core.staff;

import dev.texreport.core.ConfigurationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of an aggregator's team modules: {@code report.shard=2/3} is the second of three. Every runner of a CI
 * matrix computes the same {@link ShardPlan} and builds only the teams that fall to its index.
 *
 * @param index 1-based, at most {@code count}
 * @param count how many shards the teams are split into
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(index + "/" + count);
        }
    }

    /** Reads {@code i/k}; null or blank: no sharding (null). */
    public static Shard parse(String text) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = FORM.matcher(text);
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            int count = Integer.parseInt(matcher.group(2));
            if (count >= 1 && index >= 1 && index <= count) {
                return new Shard(index, count);
            }
        }
        throw new ConfigurationException("report.shard='" + text + "' is not a shard: write INDEX/COUNT with 1 <= "
                + "INDEX <= COUNT, e.g. -Dreport.shard=2/3 for the second of three shards (in a GitHub Actions "
                + "matrix: -Dreport.shard=${{ matrix.shard }}/3).");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
