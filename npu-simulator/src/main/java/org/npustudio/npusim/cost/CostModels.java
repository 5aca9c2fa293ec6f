package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.plan.Precision;

/** One entry for pricing any work on any device: the NPU or CPU model, or a control-flow body on either. */
public final class CostModels {
    private CostModels() {}

    public static NodeCost cost(String nodeId, OpWork work, Device d, Precision p) throws SramTooSmallException {
        if (work instanceof BodyWork b) return BodyCost.cost(nodeId, b, d, p);
        return d.isNpu() ? NpuCostModel.cost(nodeId, work, d.npu(), p) : CpuCostModel.cost(work, d.cpu(), p);
    }
}
