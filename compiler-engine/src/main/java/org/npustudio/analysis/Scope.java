package org.npustudio.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of the name-scope tree, e.g. {@code layer1/layer1.0}. The root has an empty path and holds
 * the nodes whose names carry no scope.
 */
public final class Scope {
    private final String path;
    private final String name;
    private final Scope parent;
    private final Map<String, Scope> children = new LinkedHashMap<>();
    private final List<String> members = new ArrayList<>();
    private int total;

    Scope(String path, String name, Scope parent) {
        this.path = path;
        this.name = name;
        this.parent = parent;
    }

    /** Scope names from the root joined by '/', e.g. {@code layer1/layer1.0}; empty for the root. */
    public String path() { return path; }

    /** The last path segment, e.g. {@code layer1.0}; empty for the root. */
    public String name() { return name; }

    /** The enclosing scope, null for the root. */
    public Scope parent() { return parent; }

    public boolean isRoot() { return parent == null; }

    /** Nested scopes in order of first appearance. */
    public List<Scope> children() { return List.copyOf(children.values()); }

    public Scope child(String childName) { return children.get(childName); }

    /** Ids of the nodes directly in this scope (not in a nested one), in graph order. */
    public List<String> memberNodeIds() { return Collections.unmodifiableList(members); }

    /** Number of nodes in this scope and all nested scopes. */
    public int totalNodeCount() { return total; }

    /** Depth below the root (the root is 0). */
    public int depth() {
        int d = 0;
        for (Scope s = parent; s != null; s = s.parent) d++;
        return d;
    }

    Scope childOrCreate(String childName) {
        Scope c = children.get(childName);
        if (c == null) {
            c = new Scope(path.isEmpty() ? childName : path + "/" + childName, childName, this);
            children.put(childName, c);
        }
        return c;
    }

    void addMember(String nodeId) { members.add(nodeId); }

    void countOne() { total++; }

    @Override
    public String toString() {
        return (isRoot() ? "<root>" : path) + " (" + total + " nodes)";
    }
}
