package org.npustudio.passes;

import org.npustudio.ir.Node;

/** A pass cannot handle a node; the pipeline stops and reports the pass and the node. */
public final class PassException extends RuntimeException {
    private final String nodeId;

    public PassException(Node node, String problem) {
        this(node == null ? null : node.id(), problem, null);
    }

    public PassException(String nodeId, String problem, Throwable cause) {
        super(problem, cause);
        this.nodeId = nodeId;
    }

    /** Stable id of the node the problem is about, or null when it is about the whole graph. */
    public String nodeId() { return nodeId; }
}
