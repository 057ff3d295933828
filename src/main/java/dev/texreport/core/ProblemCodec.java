package dev.texreport.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problems as flat string maps and back, for what one build keeps for the next (a milestone's saved state, the
 * build stamp). Plain maps, so that the no-op build can read them from a properties file without a JSON library.
 */
public final class ProblemCodec {
    private ProblemCodec() {
    }

    public static Map<String, String> encode(Problem problem) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("kind", problem.kind());
        map.put("severity", problem.severity().name());
        if (problem instanceof Problem.PageLimitExceeded p) {
            put(map, "milestone", p.milestone(), "limit", p.limit(), "pages", p.pages(), "linesOver", p.linesOver(),
                    "failing", p.failing());
        } else if (problem instanceof Problem.ContentMissing p) {
            put(map, "milestone", p.milestone(), "folder", p.folder(), "requirement", p.requirement(),
                    "text", p.text());
        } else if (problem instanceof Problem.FormatFinding p) {
            put(map, "milestone", p.milestone(), "check", p.check(), "page", p.page(), "text", p.text(),
                    "failing", p.failing());
        } else if (problem instanceof Problem.SourceProblem p) {
            put(map, "file", p.file(), "line", p.line(), "column", p.column(), "text", p.text(),
                    "sourceLine", p.sourceLine());
        } else if (problem instanceof Problem.StrayFloat p) {
            put(map, "milestone", p.milestone(), "label", p.label(), "page", p.page(),
                    "backMatterPage", p.backMatterPage(), "where", p.where());
        } else if (problem instanceof Problem.BuildError p) {
            put(map, "text", p.text(), "userMistake", p.userMistake());
        } else if (problem instanceof Problem.Note p) {
            put(map, "topic", p.topic(), "text", p.text());
        }
        return map;
    }

    /** The problem {@link #encode} wrote; an unknown or damaged entry throws IllegalArgumentException. */
    public static Problem decode(Map<String, String> map) {
        Problem.Severity severity = Problem.Severity.valueOf(get(map, "severity"));
        String kind = get(map, "kind");
        return switch (kind) {
            case "page-limit" -> new Problem.PageLimitExceeded(get(map, "milestone"), integer(map, "limit"),
                    Double.parseDouble(get(map, "pages")), Long.parseLong(get(map, "linesOver")),
                    Boolean.parseBoolean(get(map, "failing")));
            case "content-missing" -> new Problem.ContentMissing(get(map, "milestone"), get(map, "folder"),
                    get(map, "requirement"), get(map, "text"));
            case "format" -> new Problem.FormatFinding(get(map, "milestone"), get(map, "check"), integer(map, "page"),
                    get(map, "text"), Boolean.parseBoolean(get(map, "failing")));
            case "source" -> new Problem.SourceProblem(severity, get(map, "file"), integer(map, "line"),
                    integer(map, "column"), get(map, "text"), get(map, "sourceLine"));
            case "stray-float" -> new Problem.StrayFloat(get(map, "milestone"), get(map, "label"),
                    integer(map, "page"), integer(map, "backMatterPage"), get(map, "where"));
            case "build" -> new Problem.BuildError(get(map, "text"), Boolean.parseBoolean(get(map, "userMistake")));
            default -> new Problem.Note(severity, get(map, "topic"), get(map, "text"));
        };
    }

    private static void put(Map<String, String> map, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
    }

    private static String get(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("a stored problem lacks '" + key + "'");
        }
        return value;
    }

    private static int integer(Map<String, String> map, String key) {
        return Integer.parseInt(get(map, key));
    }
}
