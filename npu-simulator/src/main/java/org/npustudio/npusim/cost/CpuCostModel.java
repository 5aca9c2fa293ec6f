package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.work.FreeWork;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.RecurrentWork;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.VectorWork;
import org.npustudio.plan.Precision;

/**
 * A roofline CPU: compute time = FLOPs / (peak x per-op efficiency), memory time = bytes / bandwidth
 * (every tensor read and written once: caches are not modelled). An op it knows nothing about is
 * charged one FLOP per output element (the simulator itself reports such a node as not costed).
 * LSTM/GRU/RNN: 2 FLOPs per MAC plus one per gate element operation.
 */
public final class CpuCostModel {
    private CpuCostModel() {}

    public static NodeCost cost(OpWork work, CpuConfig c, Precision p) {
        if (work instanceof FreeWork f) return NodeCost.free(c.name(), f.inputElements().length, f.outputElements().length);
        double flops = 0;
        if (work instanceof GemmWork g) flops = 2.0 * g.macs();
        else if (work instanceof VectorWork v) flops = v.workElements() * VectorCosts.opCycles(v.opType(), java.util.Map.of());
        else if (work instanceof RecurrentWork r) flops = 2.0 * r.macs() + r.vectorElements();
        else if (work instanceof UnknownWork u) flops = sum(u.outputElements());
        double eff = c.efficiencyOf(work.opType());
        double seconds = flops / (c.peakFlopsPerSecond() * eff);
        double[] reads = new double[work.inputElements().length];
        for (int i = 0; i < reads.length; i++) reads[i] = NpuCostModel.bytes(work, i, p);
        double[] writes = new double[work.outputElements().length];
        for (int i = 0; i < writes.length; i++) writes[i] = p.activationBytes(work.outputElements()[i]);
        double peakBytes = sum(reads) + sum(writes);
        return new NodeCost(c.name(), 0, seconds, work.macs(), reads, writes, 1, peakBytes, flops / c.peakFlopsPerSecond(), null, null);
    }

    private static double sum(long[] a) {
        double s = 0;
        for (long v : a) s += v;
        return s;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }
}
