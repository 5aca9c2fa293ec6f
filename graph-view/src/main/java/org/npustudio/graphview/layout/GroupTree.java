package org.npustudio.graphview.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nesting of layout nodes into groups (name scopes), built from one group path per node. Group 0 is the
 * root. Groups holding a single item are dissolved (a scope around one operator adds nothing), and groups with
 * more direct items than a threshold are split into artificial sub-groups of consecutive items, as Model
 * Explorer does, so no single level becomes too big to read. Order is first appearance, never hash order.
 */
public final class GroupTree {
    private final int[] parent;
    private final String[] name;
    private final String[] path;
    private final boolean[] artificial;
    private final int[] depth;
    private final int[][] childGroups;
    private final int[][] memberNodes;
    private final int[] groupOf;
    private final int[] firstNode;
    private final int[] nodeCount;
    private final Map<String, Integer> byPath = new HashMap<>();

    private GroupTree(List<Mutable> groups, int[] groupOf) {
        int g = groups.size();
        parent = new int[g];
        name = new String[g];
        path = new String[g];
        artificial = new boolean[g];
        depth = new int[g];
        childGroups = new int[g][];
        memberNodes = new int[g][];
        firstNode = new int[g];
        nodeCount = new int[g];
        for (int i = 0; i < g; i++) {
            Mutable m = groups.get(i);
            parent[i] = m.parent;
            name[i] = m.name;
            path[i] = m.path;
            artificial[i] = m.artificial;
            depth[i] = i == 0 ? 0 : depth[m.parent] + 1;
            childGroups[i] = m.children.toArray();
            memberNodes[i] = m.members.toArray();
            firstNode[i] = m.firstNode;
        }
        this.groupOf = groupOf;
        for (int i = 0; i < g; i++) byPath.putIfAbsent(path[i], i);
        for (int v = 0; v < groupOf.length; v++) for (int a = groupOf[v]; a >= 0; a = a == 0 ? -1 : parent[a]) nodeCount[a]++;
    }

    private static final class Mutable {
        int parent;
        String name;
        String path;
        boolean artificial;
        IntList members = new IntList(4);
        IntList children = new IntList(4);
        int firstNode = Integer.MAX_VALUE;
        int firstPos = Integer.MAX_VALUE;
        boolean removed;

        Mutable(int parent, String name, String path, boolean artificial) {
            this.parent = parent;
            this.name = name;
            this.path = path;
            this.artificial = artificial;
        }

        int items() { return members.size() + children.size(); }
    }

    /** A tree with every node at the root (no grouping). */
    public static GroupTree flat(int nodes) {
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < nodes; i++) paths.add(List.of());
        return build(paths, Integer.MAX_VALUE);
    }

    /**
     * @param paths          per node, its group path, outermost first
     * @param splitThreshold groups with more direct items are split into artificial sub-groups
     */
    public static GroupTree build(List<List<String>> paths, int splitThreshold) { return build(paths, splitThreshold, null); }

    /**
     * @param position per node, its place in reading order (null: its index). Splitting cuts runs of this order,
     *                 so a graph input placed beside its first consumer lands in its part instead of all inputs
     *                 landing in the first part.
     */
    public static GroupTree build(List<List<String>> paths, int splitThreshold, int[] position) {
        if (position != null && position.length != paths.size()) throw new IllegalArgumentException("one position per node");
        if (splitThreshold < 2) throw new IllegalArgumentException("splitThreshold must be >= 2");
        List<Mutable> groups = new ArrayList<>();
        groups.add(new Mutable(-1, "", "", false));
        Map<String, Integer> byPath = new HashMap<>();
        int n = paths.size();
        int[] pos = position != null ? position.clone() : new int[n];
        if (position == null) for (int v = 0; v < n; v++) pos[v] = v;
        int[] groupOf = new int[n];
        for (int v = 0; v < n; v++) {
            int g = 0;
            StringBuilder key = new StringBuilder();
            for (String seg : paths.get(v)) {
                key.append('/').append(seg.replace("/", "//"));
                Integer c = byPath.get(key.toString());
                if (c == null) {
                    c = groups.size();
                    String parentPath = groups.get(g).path;
                    groups.add(new Mutable(g, seg, parentPath.isEmpty() ? seg : parentPath + "/" + seg, false));
                    groups.get(g).children.add(c);
                    byPath.put(key.toString(), c);
                }
                g = c;
            }
            groupOf[v] = g;
            groups.get(g).members.add(v);
            for (int a = g; a >= 0; a = groups.get(a).parent) {
                groups.get(a).firstNode = Math.min(groups.get(a).firstNode, v);
                groups.get(a).firstPos = Math.min(groups.get(a).firstPos, pos[v]);
            }
        }
        dissolveSingletons(groups, groupOf);
        split(groups, groupOf, splitThreshold, pos);
        return compact(groups, groupOf);
    }

    /** Deepest first, so a chain of single-item scopes collapses completely. */
    private static void dissolveSingletons(List<Mutable> groups, int[] groupOf) {
        int[] depth = new int[groups.size()];
        Integer[] order = new Integer[groups.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            depth[i] = i == 0 ? 0 : depth[groups.get(i).parent] + 1;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -depth[i]).thenComparingInt(i -> i));
        for (int gi : order) {
            Mutable g = groups.get(gi);
            if (gi == 0 || g.items() != 1) continue;
            Mutable p = groups.get(g.parent);
            IntList siblings = p.children;
            int at = indexOf(siblings, gi);
            if (g.members.size() == 1) {
                int v = g.members.get(0);
                groupOf[v] = g.parent;
                removeAt(siblings, at);
                p.members.add(v);
            } else {
                int c = g.children.get(0);
                groups.get(c).parent = g.parent;
                siblings.set(at, c);
            }
            g.removed = true;
        }
    }

    private static void split(List<Mutable> groups, int[] groupOf, int threshold, int[] pos) {
        for (int gi = 0; gi < groups.size(); gi++) {
            Mutable g = groups.get(gi);
            while (!g.removed && g.items() > threshold) {
                // Items in reading order of their first node, cut into consecutive runs.
                List<long[]> items = new ArrayList<>();
                for (int i = 0; i < g.members.size(); i++) {
                    int v = g.members.get(i);
                    items.add(new long[] {pos[v], 0, v, v});
                }
                for (int i = 0; i < g.children.size(); i++) {
                    int c = g.children.get(i);
                    items.add(new long[] {groups.get(c).firstPos, 1, c, groups.get(c).firstNode});
                }
                items.sort(Comparator.comparingLong((long[] a) -> a[0]).thenComparingLong(a -> a[1]));
                int parts = (items.size() + threshold - 1) / threshold;
                int per = (items.size() + parts - 1) / parts;
                g.members = new IntList(4);
                g.children = new IntList(parts);
                for (int p = 0; p < parts; p++) {
                    int id = groups.size();
                    String partName = (g.name.isEmpty() ? "graph" : g.name) + " (" + (p + 1) + "/" + parts + ")";
                    Mutable part = new Mutable(gi, partName, g.path.isEmpty() ? partName : g.path + "/" + partName, true);
                    groups.add(part);
                    g.children.add(id);
                    for (int k = p * per; k < Math.min(items.size(), (p + 1) * per); k++) {
                        long[] it = items.get(k);
                        part.firstPos = Math.min(part.firstPos, (int) it[0]);
                        part.firstNode = Math.min(part.firstNode, (int) it[3]);
                        if (it[1] == 0) {
                            part.members.add((int) it[2]);
                            groupOf[(int) it[2]] = id;
                        } else {
                            part.children.add((int) it[2]);
                            groups.get((int) it[2]).parent = id;
                        }
                    }
                }
                g.firstPos = groups.get(g.children.get(0)).firstPos;
            }
        }
    }

    /** Renumbers the groups still reachable from the root. */
    private static GroupTree compact(List<Mutable> groups, int[] groupOf) {
        // Parents must precede children (depths are computed in id order), and split parts adopt older groups,
        // so number the surviving groups in depth-first preorder from the root.
        List<Mutable> ordered = new ArrayList<>();
        int[] finalId = new int[groups.size()];
        IntList stack = new IntList();
        stack.add(0);
        while (!stack.isEmpty()) {
            int gi = stack.pop();
            finalId[gi] = ordered.size();
            ordered.add(groups.get(gi));
            IntList ch = groups.get(gi).children;
            for (int i = ch.size() - 1; i >= 0; i--) stack.add(ch.get(i));
        }
        for (Mutable m : ordered) {
            m.parent = m.parent < 0 ? -1 : finalId[m.parent];
            for (int i = 0; i < m.children.size(); i++) m.children.set(i, finalId[m.children.get(i)]);
        }
        for (int v = 0; v < groupOf.length; v++) groupOf[v] = finalId[groupOf[v]];
        return new GroupTree(ordered, groupOf);
    }

    private static int indexOf(IntList l, int v) {
        for (int i = 0; i < l.size(); i++) if (l.get(i) == v) return i;
        return -1;
    }

    private static void removeAt(IntList l, int at) {
        for (int i = at; i + 1 < l.size(); i++) l.set(i, l.get(i + 1));
        l.pop();
    }

    public int groupCount() { return parent.length; }

    public int nodeCount() { return groupOf.length; }

    /** Parent group, -1 for the root (group 0). */
    public int parent(int group) { return parent[group]; }

    public String name(int group) { return name[group]; }

    /**
     * The group's scope path joined with '/' ({@code layer1/layer1.0}), as the names spell it: dissolving a
     * single-item scope does not shorten the paths below it, so a path always names the same scope. Split parts
     * append their own name to the split group's path. Empty for the root.
     */
    public String path(int group) { return path[group]; }

    /** The group with this path, or -1. */
    public int groupOfPath(String p) { return byPath.getOrDefault(p, -1); }

    /** Whether the group was made by splitting an oversized group rather than taken from a name scope. */
    public boolean isArtificial(int group) { return artificial[group]; }

    public int depth(int group) { return depth[group]; }

    public int[] childGroups(int group) { return childGroups[group].clone(); }

    /** Nodes directly in the group (not in its sub-groups). */
    public int[] memberNodes(int group) { return memberNodes[group].clone(); }

    /** Innermost group of a node. */
    public int groupOf(int node) { return groupOf[node]; }

    /** Number of nodes in the group and all its sub-groups. */
    public int nodeCountIn(int group) { return nodeCount[group]; }

    /** Smallest node index inside the group (file order position). */
    public int firstNode(int group) { return firstNode[group]; }

    int[] childGroupsShared(int group) { return childGroups[group]; }

    int[] memberNodesShared(int group) { return memberNodes[group]; }
}
