package nl.tijdig.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readers of rendered resources: label maps, selectors, lists. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> of(JsonNode map) {
        Map<String, String> labels = new TreeMap<>();
        map.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Whether a label selector (matchLabels only, as ours are) selects pods with these labels. */
    static boolean selects(JsonNode selector, JsonNode podLabels) {
        if (selector.has("matchExpressions")) {
            throw new AssertionError("matchExpressions are not read by these checks: " + selector);
        }
        return of(podLabels).entrySet().containsAll(of(selector.path("matchLabels")).entrySet());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }
}
