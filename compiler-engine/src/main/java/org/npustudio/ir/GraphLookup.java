package org.npustudio.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Producer, consumers and id of every node of one graph, kept up to date edit by edit (O(degree) per
 * edit) so a pass that rewires thousands of nodes never rebuilds an index per edit. Built in file order,
 * so on a freshly read graph it answers exactly like {@link GraphIndex}; after edits a value's consumers
 * are listed in the order they were wired, and when several nodes write one value or share one id (a
 * malformed graph, or a rewrite that adds the replacement before removing the original) the one
 * tracked first answers. A subgraph edited behind its node's back makes {@link #remove} return false;
 * the graph then drops the maps and rebuilds them from file order on the next query.
 */
final class GraphLookup {
    private final FirstWins producer;
    private final Map<String, List<Node>> consumers;
    private final FirstWins byId;

    GraphLookup(List<Node> nodes) {
        int n = nodes.size();
        producer = new FirstWins(n * 2);
        consumers = new HashMap<>(n * 2);
        byId = new FirstWins(n * 2);
        for (Node node : nodes) add(node);
    }

    Node producer(String value) { return producer.get(value); }

    List<Node> consumers(String value) {
        List<Node> c = consumers.get(value);
        return c == null ? List.of() : java.util.Collections.unmodifiableList(c);
    }

    Node byId(String id) { return byId.get(id); }

    /** Records a node that joined the graph (or was just rewired). */
    void add(Node node) {
        byId.add(node.id(), node);
        for (String out : node.outputs()) if (!out.isEmpty()) producer.add(out, node);
        forEachRead(node, v -> consumers.computeIfAbsent(v, k -> new ArrayList<>(2)).add(node));
    }

    /** Forgets a node that left the graph (or is about to be rewired); false when the maps disagree. */
    boolean remove(Node node) {
        boolean exact = byId.remove(node.id(), node);
        for (String out : node.outputs()) if (!out.isEmpty()) exact &= producer.remove(out, node);
        boolean[] ok = {exact};
        forEachRead(node, v -> {
            List<Node> c = consumers.get(v);
            if (c == null || !removeSame(c, node)) ok[0] = false;
            else if (c.isEmpty()) consumers.remove(v);
        });
        return ok[0];
    }

    /**
     * A key → node map that remembers later claimants of a key, so removing the first promotes the next
     * instead of losing the key. Later claimants are rare, so they live in a second, usually empty map.
     */
    private static final class FirstWins {
        private final Map<String, Node> first;
        private final Map<String, List<Node>> later = new HashMap<>();

        FirstWins(int capacity) { first = new HashMap<>(capacity); }

        Node get(String key) { return first.get(key); }

        void add(String key, Node n) {
            if (first.putIfAbsent(key, n) != null) later.computeIfAbsent(key, k -> new ArrayList<>(1)).add(n);
        }

        boolean remove(String key, Node n) {
            List<Node> rest = later.get(key);
            if (first.get(key) == n) {
                if (rest == null) first.remove(key);
                else {
                    first.put(key, rest.remove(0));
                    if (rest.isEmpty()) later.remove(key);
                }
                return true;
            }
            if (rest == null || !removeSame(rest, n)) return false;
            if (rest.isEmpty()) later.remove(key);
            return true;
        }
    }

    /** Removes one occurrence of {@code node} by identity, searching from the end (recent wiring first). */
    private static boolean removeSame(List<Node> list, Node node) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == node) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    /** The values a node reads: its non-empty inputs (once per use) and what its subgraphs capture. */
    private static void forEachRead(Node node, java.util.function.Consumer<String> f) {
        for (String in : node.inputs()) if (!in.isEmpty()) f.accept(in);
        for (Graph sub : node.subgraphs()) for (String outer : sub.outerScopeReferences()) f.accept(outer);
    }
}
