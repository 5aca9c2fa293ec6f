package org.npustudio.graphview.scene;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.GroupTree;
import org.npustudio.graphview.layout.NodeLabel;

/**
 * What a collapsed group's box says: its name, how many operators it holds and its op mix ("Conv 4 · Relu 3"),
 * plus the {@link GroupContent} behind the box. Computed per group on first use (only collapsed groups that
 * are visible are ever asked for), so opening a huge model does not summarise every scope up front.
 */
final class GroupSummaries {
    /** Op-mix lines are filled up to this many characters, at most two lines. */
    private static final int MIX_CHARS = 34;
    private static final int MIX_LINES = 2;

    private final GraphLayoutInput in;
    private final GroupTree tree;
    private final NodeLabel[] labels;
    private final GroupContent[] contents;

    GroupSummaries(GraphLayoutInput in, GroupTree tree) {
        this.in = in;
        this.tree = tree;
        labels = new NodeLabel[tree.groupCount()];
        contents = new GroupContent[tree.groupCount()];
    }

    synchronized NodeLabel label(int g) {
        if (labels[g] == null) summarise(g);
        return labels[g];
    }

    synchronized GroupContent content(int g) {
        if (contents[g] == null) summarise(g);
        return contents[g];
    }

    private void summarise(int g) {
        List<Integer> nodes = new ArrayList<>();
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(g);
        while (!stack.isEmpty()) {
            int a = stack.pop();
            for (int v : tree.memberNodes(a)) nodes.add(v);
            for (int c : tree.childGroups(a)) stack.push(c);
        }
        nodes.sort(null); // file order
        List<String> keys = new ArrayList<>(nodes.size());
        Map<String, Integer> ops = new LinkedHashMap<>();
        int[] categories = new int[OpCategory.values().length];
        for (int v : nodes) {
            keys.add(in.ref(v));
            if (in.kind(v) != GraphLayoutInput.Kind.OPERATOR) continue;
            String op = in.label(v).title();
            ops.merge(op, 1, Integer::sum);
            categories[OpCategory.of(op).ordinal()]++;
        }
        int count = 0;
        for (int c : categories) count += c;
        List<String> lines = new ArrayList<>();
        lines.add(count + (count == 1 ? " op" : " ops"));
        lines.addAll(mixLines(ops));
        labels[g] = new NodeLabel(tree.name(g), lines);
        contents[g] = new GroupContent(tree.path(g), keys, categories);
    }

    /** Op types by count (ties in order of appearance), packed into short lines; "…" when some do not fit. */
    static List<String> mixLines(Map<String, Integer> ops) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(ops.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Integer> e : sorted) {
            String item = e.getKey() + " " + e.getValue();
            if (line.length() > 0 && line.length() + 3 + item.length() > MIX_CHARS) {
                if (lines.size() + 1 == MIX_LINES) break;
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(" · ");
            line.append(item.length() > MIX_CHARS ? item.substring(0, MIX_CHARS - 1) + "…" : item);
            shown++;
        }
        if (line.length() > 0) lines.add(shown < sorted.size() ? line + " …" : line.toString());
        return lines;
    }
}
