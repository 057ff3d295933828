package dev.texreport.core.staff;

import dev.texreport.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The teams staff expect ({@code report.teams}): one team per line, as its folder (or CI artifact) is named;
 * blank lines and {@code #} comments are ignored. A team listed here without a summary is shown as missing.
 */
public final class TeamsFile {
    private TeamsFile() {
    }

    public static List<String> read(Path file) throws ConfigurationException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("report.teams: " + file + " does not exist. It lists the teams you "
                    + "expect, one per line (e.g. team-07), so that a team without a report is shown as missing.");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigurationException("report.teams: " + file + " is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigurationException("report.teams: cannot read " + file + ": " + e.getMessage());
        }
        Set<String> teams = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String team = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (team.isEmpty()) {
                continue;
            }
            if (team.contains("/") || team.contains("\\") || team.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigurationException("report.teams: " + file + ":" + (i + 1) + ": '" + team + "' is not "
                        + "a team name; write one team per line as its folder is named, e.g. team-07.");
            }
            teams.add(team);
        }
        return new ArrayList<>(teams);
    }

    /** Each listed team with the reason shown when it has no summary. */
    public static void expect(List<String> teams, Path file, Map<String, String> expected) {
        teams.forEach(t -> expected.putIfAbsent(t, "no summary.json for it below report.aggregateFrom (listed in "
                + file.getFileName() + ")"));
    }

    /** The build seconds of each team in a staff summary.json (for {@link ShardPlan}); empty when there is none. */
    public static Map<String, Double> previousSeconds(Path staffSummary) {
        return StaffSummaryJson.buildSeconds(staffSummary);
    }
}
