package org.npustudio.plan;

/**
 * A plan member: the node's stable id and its ONNX name (empty for unnamed nodes). The id is what
 * binds; the name is kept so people and vendor tools can read the plan, and as a fallback match.
 */
public record NodeRef(String id, String name) {
    public NodeRef {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("a node reference needs an id");
        name = name == null ? "" : name;
    }

    /** A node whose name is its id (every named node with a unique name). */
    public static NodeRef named(String name) { return new NodeRef(name, name); }

    public static NodeRef of(org.npustudio.ir.Node n) { return new NodeRef(n.id(), n.name()); }

    public String displayName() { return name.isEmpty() ? id : name; }
}
