package org.npustudio.passes;

import org.npustudio.ir.Model;

/**
 * One graph transformation. A pass edits the model in place and says whether it changed anything; the
 * {@link PassManager} double-checks with a structural {@link Fingerprint}. Passes keep stable node ids:
 * a node that survives keeps its id, a node a pass creates gets {@link Model#freshNodeId} and records
 * the ids it replaced in {@link org.npustudio.ir.Node#provenance()}. Operators a pass does not know
 * are left as they are.
 */
public interface Pass {
    /** The name pipelines use, e.g. {@code fold-batchnorm}. */
    String name();

    /** The options this instance runs with (defaults filled in). */
    PassOptions options();

    /**
     * Transforms {@code model}. Problems tied to one node are thrown as {@link PassException} naming it;
     * the manager also names the node last passed to {@link PassContext#visit} when anything else is thrown.
     *
     * @return whether the pass changed the model; the manager holds the pass to it (a pass that says
     *         "unchanged" but changed the graph fails, since snapshots and diffs trust the answer)
     */
    boolean run(Model model, PassContext ctx);

    /**
     * Whether the manager also runs this pass on every If/Loop/Scan body (at any depth), each seen as a
     * graph of its own whose captured outer values are opaque inputs. Off for passes that need the whole
     * model (shape inference, layout, quantization, which visits bodies itself).
     */
    default boolean appliesToBodies() { return false; }

    /** What must hold before the pass runs and what holds after; checked by {@link PassManager}. */
    default PassContract contract() { return PassContract.NONE; }
}
