package org.npustudio.passes.quant.sensitivity;

import java.util.Map;
import org.npustudio.plan.Precision;

/**
 * The cost (simulated latency, DRAM bytes or energy) of a model with its layers at given precisions; what the
 * automatic precision choice minimises. It lives here, without the simulator, so the search stays headless
 * and the simulator module supplies the implementation (today one uniform-precision simulation per
 * candidate; a per-node-precision simulation can replace it without touching the search).
 */
public interface PrecisionCostModel {
    /** The cost with each listed layer (node id) at its precision; unlisted layers at {@link #base()}. */
    double cost(Map<String, Precision> perLayer);

    /** The precision of layers an assignment does not list. */
    Precision base();

    /** A cost for tables and charts, e.g. "412.3 us". */
    String format(double cost);

    /** What the cost is, e.g. "simulated latency". */
    String quantity();
}
