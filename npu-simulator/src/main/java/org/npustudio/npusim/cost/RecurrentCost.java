package org.npustudio.npusim.cost;

import org.npustudio.npusim.ComputeCost;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.RecurrentWork;
import org.npustudio.plan.Precision;

/**
 * LSTM/GRU/RNN on a systolic-array NPU. Cycles: the input-projection GEMM once per direction, the
 * recurrent GEMM once per step (steps are serial: each needs the previous hidden state), then the vector
 * unit's gate work. Traffic: X and W priced as the input-projection GEMM's tiling ({@link GemmTiling});
 * R read once when one direction's R fits the weight buffer, else once per step; the gate pre-activations
 * stay on chip when they fit the ofmap buffer, else are written and read back once (counted on X and Y);
 * biases, initial states, sequence lengths and peepholes read once; outputs written once.
 */
final class RecurrentCost {
    private RecurrentCost() {}

    static NodeCost npu(String nodeId, RecurrentWork w, NpuConfig c, Precision p) throws SramTooSmallException {
        ComputeCost in = c.array().compute(w.input());
        ComputeCost rec = c.array().compute(w.recurrent());
        long[] ie = w.inputElements();
        boolean[] cst = w.constantInputs();
        long preActivations = Math.multiplyExact(Math.multiplyExact(w.input().m(), w.input().n()), w.directions());
        GemmWork projection = new GemmWork(w.opType(), w.input(), w.directions(),
                new long[] {Math.multiplyExact(ie[0], w.directions()), ie[1]}, new boolean[] {cst[0], cst[1]}, new long[] {preActivations}, 0);
        GemmTiling.Traffic t = GemmTiling.traffic(nodeId, projection, in, c, p);
        double[] reads = new double[ie.length];
        for (int i = 0; i < ie.length; i++) reads[i] = NpuCostModel.bytes(w, i, p);
        reads[0] = t.ifmapBytes();
        reads[1] = t.weightBytes();
        double rBytes = reads[2];
        boolean rFits = rBytes / w.directions() <= c.sram().filterBytes();
        if (!rFits) reads[2] = rBytes * (w.steps() / w.directions());
        double[] writes = new double[w.outputElements().length];
        for (int i = 0; i < writes.length; i++) writes[i] = p.activationBytes(w.outputElements()[i]);
        double pre = p.activationBytes(preActivations);
        if (pre > (c.sram().unified() ? c.sram().activationBytes() : c.sram().ofmapBytes()) && writes.length > 0) {
            writes[0] += pre;
            reads[0] += pre;
        }
        long arrayCycles = Math.addExact(Math.multiplyExact(w.directions(), in.cycles() + 1), Math.multiplyExact(w.steps(), rec.cycles() + 1)) - 1;
        double opCycles = VectorCosts.opCycles(w.opType(), c.vectorOpCycles());
        long vectorCycles = (long) Math.ceil(w.vectorElements() * opCycles / c.vectorLanes());
        long cycles = Math.addExact(arrayCycles, vectorCycles);
        double busy = w.macs() / c.peakMacsPerSecond() + w.vectorElements() * opCycles / ((double) c.vectorLanes() * c.clockMhz() * 1e6);
        double peak = t.sramPeak() + Math.min(rBytes / w.directions(), c.sram().filterBytes());
        return new NodeCost(c.name(), cycles, cycles * c.secondsPerCycle(), w.macs(), reads, writes, Math.max(1, w.steps()), peak, busy,
                null, null);
    }
}
