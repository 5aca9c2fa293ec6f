package org.npustudio.app.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;

/**
 * What a laid-out scene holds, by kind, for the status bar: "12 operators, 1 graph input, 1 graph output".
 * The scene's boxes also hold graph inputs/outputs, weights and collapsed groups, so its plain box count
 * never matches the Summary's node count (operators only); naming each kind keeps the two in agreement.
 */
final class SceneCounts {
    private SceneCounts() {}

    static String describe(GraphScene s) {
        Map<NodeKind, Integer> by = new EnumMap<>(NodeKind.class);
        for (int i = 0; i < s.nodeCount(); i++) by.merge(s.kind(i), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        add(parts, by, NodeKind.OPERATOR, "operator");
        add(parts, by, NodeKind.GROUP, "collapsed group");
        add(parts, by, NodeKind.INPUT, "graph input");
        add(parts, by, NodeKind.OUTPUT, "graph output");
        add(parts, by, NodeKind.INITIALIZER, "weight");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, Map<NodeKind, Integer> by, NodeKind kind, String noun) {
        int n = by.getOrDefault(kind, 0);
        if (n > 0 || kind == NodeKind.OPERATOR) parts.add(String.format("%,d %s%s", n, noun, n == 1 ? "" : "s"));
    }
}
