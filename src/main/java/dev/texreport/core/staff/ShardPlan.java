package dev.texreport.core.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which shard builds which team. The plan depends only on the team names, the build times of the last staff
 * summary and the number of shards, so every runner of a CI matrix computes the same plan without talking to the
 * others. Balanced by the previous build's times when known: longest first, each onto the shard with the least
 * work so far (the classic greedy "longest processing time" rule, at most 4/3 of the best split). A team without a
 * known time counts as the mean of the known ones (or 1 when none is known); ties go by name, so without any times
 * the teams are dealt round-robin in name order.
 */
public final class ShardPlan {
    private final Map<String, Integer> shardOf;
    private final Map<String, Double> estimate;
    private final int count;

    private ShardPlan(Map<String, Integer> shardOf, Map<String, Double> estimate, int count) {
        this.shardOf = shardOf;
        this.estimate = estimate;
        this.count = count;
    }

    /**
     * @param teams    every team of the aggregator (order does not matter; duplicates are ignored)
     * @param seconds  the build time of some teams in the last build, in seconds
     * @param count    the number of shards
     */
    public static ShardPlan of(List<String> teams, Map<String, Double> seconds, int count) {
        Map<String, Double> estimate = new TreeMap<>();
        List<Double> known = new ArrayList<>();
        for (String team : teams) {
            Double time = seconds.get(team);
            if (time != null && time > 0 && Double.isFinite(time)) {
                known.add(time);
            }
        }
        double fallback = known.isEmpty() ? 1 : known.stream().mapToDouble(Double::doubleValue).average().orElse(1);
        for (String team : teams) {
            Double time = seconds.get(team);
            estimate.put(team, time != null && time > 0 && Double.isFinite(time) ? time : fallback);
        }
        List<String> order = new ArrayList<>(estimate.keySet());
        order.sort(Comparator.comparing((String t) -> estimate.get(t)).reversed().thenComparing(t -> t));
        double[] load = new double[count];
        Map<String, Integer> shardOf = new TreeMap<>();
        for (String team : order) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            load[least] += estimate.get(team);
            shardOf.put(team, least + 1);
        }
        return new ShardPlan(shardOf, estimate, count);
    }

    /** The shard (1-based) that builds {@code team}, or 0 for a team the plan does not know. */
    public int shardOf(String team) {
        return shardOf.getOrDefault(team, 0);
    }

    public boolean builds(Shard shard, String team) {
        return shard == null || shardOf(team) == shard.index();
    }

    /** The teams of one shard, by name. */
    public List<String> teams(int index) {
        return shardOf.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).toList();
    }

    /** Every team with its shard, by name. */
    public Map<String, Integer> assignments() {
        return new TreeMap<>(shardOf);
    }

    /** The estimated seconds of each shard: what the plan balanced. */
    public double[] loads() {
        double[] load = new double[count];
        shardOf.forEach((team, s) -> load[s - 1] += estimate.get(team));
        return load;
    }

    public int count() {
        return count;
    }
}
