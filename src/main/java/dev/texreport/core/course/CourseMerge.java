package dev.texreport.core.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a pack that {@code "extends"} another changes it: fields replace the parent's, objects (such as
 * {@code layout}) and milestones (by id) merge field by field, style files add up.
 */
final class CourseMerge {
    private CourseMerge() {
    }

    /** A child's course.json over its parent's: fields replace, milestones merge by id, files add up. */
    static ObjectNode merge(ObjectNode parent, ObjectNode child) {
        ObjectNode merged = parent.deepCopy();
        merged.remove("extends");
        child.fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("extends")) {
                return;
            }
            if (key.equals("milestones") && value.isArray() && merged.get(key) instanceof ArrayNode base) {
                merged.set(key, mergeById(base, (ArrayNode) value));
            } else if (key.equals("files") && value.isArray() && merged.get(key) instanceof ArrayNode base) {
                ArrayNode files = base.deepCopy();
                value.forEach(f -> {
                    if (!files.toString().contains(f.toString())) {
                        files.add(f);
                    }
                });
                merged.set(key, files);
            } else if (value.isObject() && merged.get(key) instanceof ObjectNode base) {
                merged.set(key, mergeObjects(base, (ObjectNode) value));
            } else {
                merged.set(key, value.deepCopy());
            }
        });
        return merged;
    }

    private static ObjectNode mergeObjects(ObjectNode base, ObjectNode changes) {
        ObjectNode result = base.deepCopy();
        changes.fields().forEachRemaining(f -> result.set(f.getKey(), f.getValue().isObject()
                && result.get(f.getKey()) instanceof ObjectNode inner
                ? mergeObjects(inner, (ObjectNode) f.getValue()) : f.getValue().deepCopy()));
        return result;
    }

    private static ArrayNode mergeById(ArrayNode base, ArrayNode changes) {
        ArrayNode result = base.deepCopy();
        for (JsonNode change : changes) {
            String id = change.path("id").asText();
            boolean found = false;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).path("id").asText().equals(id) && result.get(i) instanceof ObjectNode old) {
                    ObjectNode updated = old.deepCopy();
                    change.fields().forEachRemaining(f -> updated.set(f.getKey(), f.getValue().deepCopy()));
                    result.set(i, updated);
                    found = true;
                }
            }
            if (!found) {
                result.add(change.deepCopy());
            }
        }
        return result;
    }
}
