package org.npustudio.passes;

import org.npustudio.error.StudioException;

/** Why a pipeline stopped: the pass (and its position), the node it was working on, the problem. */
public final class PassFailure extends StudioException {
    private final String pass;
    private final int step;
    private final String nodeId;

    public PassFailure(String pass, int step, String nodeId, String problem, Throwable cause) {
        super("pass '" + pass + "' (step " + step + ")", nodeId == null ? "" : "node '" + nodeId + "'", problem, cause);
        this.pass = pass;
        this.step = step;
        this.nodeId = nodeId;
    }

    public String pass() { return pass; }

    /** 1-based position of the failing pass in the pipeline. */
    public int step() { return step; }

    /** Stable id of the node being processed, or null when unknown. */
    public String nodeId() { return nodeId; }
}
