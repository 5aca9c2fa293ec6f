package org.npustudio.passes.quant.sensitivity;

import java.util.Map;
import org.npustudio.plan.Precision;

/**
 * The cost (simulated latency, DRAM bytes or energy) of a model with its layers at given precisions; what the
 * automatic precision choice minimises. It lives here, without the simulator, so the search stays headless
 * and the simulator module supplies the implementations: the exact one simulates the assignment's plan with a
 * precision per node; an additive estimate may rank the greedy moves of large models
 * (docs/quantization-sensitivity.md, "Cost model").
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
