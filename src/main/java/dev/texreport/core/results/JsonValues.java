package dev.texreport.core.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.texreport.core.numbers.NonFinite;
import dev.texreport.core.numbers.WrittenDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file into plain Java values with Jackson's streaming parser: objects become maps in file order,
 * arrays lists, and every number a {@link WrittenDecimal} that keeps the text the file wrote ({@code 2.50},
 * {@code 1e-05}), which a tree of {@code JsonNode}s would have lost. Python's {@code NaN}, {@code Infinity} and
 * {@code -Infinity} are read as {@link NonFinite} values. The line of every object is kept for messages.
 */
final class JsonValues {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** What reading one file found besides its value. */
    static final class FileFacts {
        /** The line each object of the file starts on, by identity. */
        final Map<Object, Integer> lines = new java.util.IdentityHashMap<>();
        /** NaN and infinite values, counted by the key they were found under. */
        final Map<String, Integer> notFinite = new LinkedHashMap<>();
    }

    Object read(Path file, FileFacts facts) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "the file is empty; write a JSON object or list");
            }
            Object value = value(parser, first, "", facts);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more content after the end of the JSON value");
            }
            return value;
        }
    }

    private Object value(JsonParser parser, JsonToken token, String key, FileFacts facts) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                facts.lines.put(map, parser.currentTokenLocation().getLineNr());
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, value(parser, parser.nextToken(), name, facts));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    list.add(value(parser, next, key, facts));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                if (parser.isNaN()) {
                    facts.notFinite.merge(key, 1, Integer::sum);
                    return NonFinite.parse(text);
                }
                return new WrittenDecimal(text);
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }
}
