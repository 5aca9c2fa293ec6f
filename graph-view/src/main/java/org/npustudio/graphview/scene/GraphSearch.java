package org.npustudio.graphview.scene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * Finds scene nodes by a regular expression (case-insensitive, anywhere in the text) over op types, node
 * names and ids, tensor names (inputs and outputs, including hidden initializers) and attribute values.
 * Hits come in reading order of the drawing (rows, then columns) so cycling through them walks down the graph.
 * A pattern that is not a valid regex is searched literally. Operators hidden in a collapsed group are
 * searched too: their hits carry the operator's key and the group's node index (where the hit shows).
 */
public final class GraphSearch {
    /**
     * A matching node and what matched, e.g. {@code op type Conv} or {@code attr kernel_shape=[3, 3]}.
     * {@code node} is the scene index where it shows: the node itself, or the collapsed group hiding it.
     */
    public record Hit(int node, String key, String title, String matched) {
        /** True when the hit is hidden in a collapsed group (its key is not drawn). */
        public boolean hidden(GraphScene scene) { return scene.indexOf(key) != node; }
    }

    private final GraphScene scene;
    private final Graph graph;

    /** @param graph the IR behind the scene, or null to search titles and keys only */
    public GraphSearch(GraphScene scene, Graph graph) {
        this.scene = scene;
        this.graph = graph;
    }

    /** Compiles a user pattern: a regex when valid, else the literal text; always case-insensitive. */
    public static Pattern compile(String text) {
        try {
            return Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) return hits;
        Matcher m = compile(text.strip()).matcher("");
        for (int i = 0; i < scene.nodeCount(); i++) {
            GroupContent group = scene.groupContent(i);
            if (group != null) {
                findHidden(m, i, group, hits);
                continue;
            }
            String why = match(m, i);
            if (why != null) hits.add(new Hit(i, scene.key(i), scene.title(i), why));
        }
        hits.sort(Comparator.<Hit>comparingDouble(h -> scene.horizontal() ? scene.x(h.node()) : scene.y(h.node()))
                .thenComparingDouble(h -> scene.horizontal() ? scene.y(h.node()) : scene.x(h.node())));
        return hits;
    }

    private void findHidden(Matcher m, int group, GroupContent content, List<Hit> hits) {
        if (graph == null) return;
        for (String key : content.memberKeys()) {
            Node n = graph.nodeById(key);
            String why = n == null ? null : match(m, n);
            if (why != null) hits.add(new Hit(group, key, n.opType(), why + " (in " + scene.title(group) + ")"));
        }
    }

    private String match(Matcher m, int i) {
        Node n = scene.kind(i) == NodeKind.OPERATOR && graph != null ? graph.nodeById(scene.key(i)) : null;
        if (n == null) {
            if (found(m, scene.key(i))) return "tensor " + scene.key(i);
            if (found(m, scene.title(i))) return "title " + scene.title(i);
            return null;
        }
        return match(m, n);
    }

    private static String match(Matcher m, Node n) {
        if (found(m, n.opType())) return "op type " + n.opType();
        if (found(m, n.name())) return "name " + n.name();
        if (found(m, n.id())) return "id " + n.id();
        for (String v : n.inputs()) if (found(m, v)) return "input " + v;
        for (String v : n.outputs()) if (found(m, v)) return "output " + v;
        for (Map.Entry<String, Attribute> a : n.attributes().entrySet()) {
            String d = a.getValue().display();
            if (found(m, d) || found(m, a.getKey() + "=" + d)) return "attr " + a.getKey() + "=" + d;
        }
        return null;
    }

    private static boolean found(Matcher m, String s) {
        return s != null && !s.isEmpty() && m.reset(s).find();
    }
}
