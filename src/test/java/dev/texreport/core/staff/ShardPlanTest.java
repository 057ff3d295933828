package dev.texreport.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    private static final List<String> TEAMS = List.of("team-01", "team-02", "team-03", "team-04", "team-05",
            "team-06", "team-07");

    @Test
    void withoutTimesTheTeamsAreDealtInNameOrder() {
        ShardPlan plan = ShardPlan.of(TEAMS, Map.of(), 3);
        assertEquals(List.of("team-01", "team-04", "team-07"), plan.teams(1));
        assertEquals(List.of("team-02", "team-05"), plan.teams(2));
        assertEquals(List.of("team-03", "team-06"), plan.teams(3));
    }

    @Test
    void everyRunnerComputesTheSamePlanWhateverOrderItListsTheTeamsIn() {
        Map<String, Double> times = Map.of("team-01", 12.0, "team-02", 3.5, "team-05", 8.25, "team-07", 1.0);
        ShardPlan first = ShardPlan.of(TEAMS, times, 3);
        List<String> shuffled = new ArrayList<>(TEAMS);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(first.assignments(), ShardPlan.of(shuffled, times, 3).assignments());
        assertEquals(TEAMS.size(), first.assignments().size(), "every team exactly once");
    }

    @Test
    void theLastTimesBalanceTheShards() {
        // One slow team (a long final report) and five quick ones: dealt by name, shard 1 would get the slow one
        // and two others; balanced, the slow one builds alone.
        List<String> teams = List.of("a", "b", "c", "d", "e", "f");
        Map<String, Double> times = Map.of("a", 30.0, "b", 10.0, "c", 10.0, "d", 10.0, "e", 10.0, "f", 10.0);
        ShardPlan plan = ShardPlan.of(teams, times, 3);
        assertEquals(List.of("a"), plan.teams(1));
        assertEquals(List.of("b", "d", "f"), plan.teams(2));
        assertEquals(List.of("c", "e"), plan.teams(3));
        double[] loads = plan.loads();
        assertEquals(30.0, loads[0]);
        assertEquals(30.0, loads[1]);
        assertEquals(20.0, loads[2]);
    }

    @Test
    void aTeamWithoutATimeCountsAsTheMeanOfTheOthers() {
        ShardPlan plan = ShardPlan.of(List.of("new", "old1", "old2"), Map.of("old1", 4.0, "old2", 2.0), 2);
        // new counts 3.0: old1 (4.0) alone, then new (3.0) and old2 (2.0) together.
        assertEquals(List.of("old1"), plan.teams(1));
        assertEquals(List.of("new", "old2"), plan.teams(2));
        assertTrue(plan.builds(new Shard(2, 2), "new"));
        assertEquals(0, plan.shardOf("unknown"));
    }

    @Test
    void aShardIsWrittenIndexSlashCount() throws Exception {
        assertEquals(new Shard(2, 3), Shard.parse(" 2/3 "));
        assertNull(Shard.parse(""));
        assertNull(Shard.parse(null));
        for (String wrong : List.of("0/3", "4/3", "3", "a/b", "1/0", "-1/2")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> Shard.parse(wrong));
            assertEquals("report.shard='" + wrong + "' is not a shard: write INDEX/COUNT with 1 <= INDEX <= COUNT,"
                    + " e.g. -Dreport.shard=2/3 for the second of three shards (in a GitHub Actions matrix: "
                    + "-Dreport.shard=${{ matrix.shard }}/3).", e.getMessage());
        }
    }
}
