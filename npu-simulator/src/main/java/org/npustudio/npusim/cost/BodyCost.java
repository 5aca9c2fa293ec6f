package org.npustudio.npusim.cost;

import java.util.List;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.plan.Precision;

/**
 * A control-flow node's cost: its body's ops priced one after another on the node's device (each with
 * its own DRAM traffic and double-buffered timing, no fusion inside the body), times the trip count.
 * The summed body latency becomes the node's compute time, so the outer timing never undercuts it; the
 * body's DRAM bytes sit in the node's trailing body slot.
 */
final class BodyCost {
    private BodyCost() {}

    static NodeCost cost(String nodeId, BodyWork b, Device d, Precision p) throws SramTooSmallException {
        long cycles = 0, macs = 0, steps = 0;
        double seconds = 0, reads = 0, writes = 0, busy = 0, peak = 0;
        List<OpWork> body = b.body();
        for (OpWork w : body) {
            NodeCost c = CostModels.cost(nodeId, w, d, p);
            double r = c.totalReadBytes(), wr = c.totalWriteBytes();
            seconds += Timing.of(c, d, r, wr).latencySeconds();
            cycles = Math.addExact(cycles, c.cycles());
            macs = Math.addExact(macs, c.macs());
            steps = Math.addExact(steps, c.steps());
            reads += r;
            writes += wr;
            busy += c.busySeconds();
            peak = Math.max(peak, c.sramPeakBytes());
        }
        long t = b.trips();
        double[] readBytes = new double[b.inputElements().length];
        double[] writeBytes = new double[b.outputElements().length];
        readBytes[readBytes.length - 1] = reads * t;
        writeBytes[writeBytes.length - 1] = writes * t;
        return new NodeCost(d.name(), Math.multiplyExact(cycles, t), seconds * t, Math.multiplyExact(macs, t), readBytes, writeBytes,
                Math.max(1, Math.multiplyExact(steps, t)), peak, busy * t, null, null);
    }
}
