package org.npustudio.npusim.cost;

import org.npustudio.npusim.ComputeCost;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.work.FreeWork;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.npusim.work.MoveWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.RecurrentWork;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.VectorWork;
import org.npustudio.plan.Precision;

/** Cost of one node's work on a systolic-array NPU: array GEMMs, the vector unit, and plain data movement. */
public final class NpuCostModel {
    private NpuCostModel() {}

    public static NodeCost cost(String nodeId, OpWork work, NpuConfig c, Precision p) throws SramTooSmallException {
        if (work instanceof GemmWork g) return gemm(nodeId, g, c, p);
        if (work instanceof VectorWork v) return vector(nodeId, v, c, p);
        if (work instanceof MoveWork m) return move(nodeId, m, c, p);
        if (work instanceof FreeWork f) return NodeCost.free(c.name(), f.inputElements().length, f.outputElements().length);
        if (work instanceof RecurrentWork r) return RecurrentCost.npu(nodeId, r, c, p);
        if (!(work instanceof UnknownWork)) throw new IllegalArgumentException("node '" + nodeId + "': " + work.opType() + " is priced by CostModels");
        UnknownWork u = (UnknownWork) work;
        throw new IllegalArgumentException("node '" + nodeId + "' (" + u.opType() + ") cannot run on an NPU: " + u.reason());
    }

    private static NodeCost gemm(String nodeId, GemmWork w, NpuConfig c, Precision p) throws SramTooSmallException {
        ComputeCost cc = c.array().compute(w.gemm());
        GemmTiling.Traffic t = GemmTiling.traffic(nodeId, w, cc, c, p);
        double[] reads = new double[w.inputElements().length];
        reads[0] = t.ifmapBytes();
        if (reads.length > 1) reads[1] = t.weightBytes();
        for (int i = 2; i < reads.length; i++) reads[i] = bytes(w, i, p);
        double[] writes = new double[w.outputElements().length];
        writes[0] = t.ofmapBytes();
        int pack = macsPerPe(p);
        long cycles = Math.addExact(Math.multiplyExact(w.count(), cc.cycles() + 1), -1);
        if (pack > 1) cycles = (cycles + pack - 1) / pack;
        long macs = w.macs();
        return new NodeCost(c.name(), cycles, cycles * c.secondsPerCycle(), macs, reads, writes, w.count() * cc.folds(),
                t.sramPeak(), macs / (c.peakMacsPerSecond() * pack), cc, sramCounts(w, cc, c.dataflow()));
    }

    /**
     * MACs one PE completes per cycle at {@code p}: an int8 PE splits into two 4x4-bit multipliers when both operands
     * are 4-bit (int4; the simulator only runs a node at a precision its NPU lists), else one. Mixed int4 weights with
     * 8- or 16-bit activations keep the wider operand's rate; they save DRAM bytes, not cycles.
     */
    public static int macsPerPe(Precision p) {
        return p.weightBits() <= 4 && p.activationBits() <= 4 ? 2 : 1;
    }

    /** SCALE-Sim's SRAM access counts for the mapping (Sr, Sc, T) folded rowFolds x colFolds. */
    private static SramCounts sramCounts(GemmWork w, ComputeCost cc, Dataflow df) {
        long m = w.gemm().m();
        long n = w.gemm().n();
        long k = w.gemm().k();
        long g = w.count();
        return switch (df) {
            case OS -> new SramCounts(g * m * k * cc.colFolds(), g * k * n * cc.rowFolds(), g * m * n);
            case WS -> new SramCounts(g * m * k * cc.colFolds(), g * k * n, g * m * n * cc.rowFolds());
            case IS -> new SramCounts(g * k * m, g * n * k * cc.colFolds(), g * m * n * cc.rowFolds());
        };
    }

    private static NodeCost vector(String nodeId, VectorWork v, NpuConfig c, Precision p) throws SramTooSmallException {
        double opCycles = VectorCosts.opCycles(v.opType(), c.vectorOpCycles());
        long cycles = (long) Math.ceil(v.workElements() * opCycles / c.vectorLanes());
        return streamed(nodeId, v, c, p, cycles, v.workElements() * opCycles / ((double) c.vectorLanes() * c.clockMhz() * 1e6));
    }

    private static NodeCost move(String nodeId, MoveWork m, NpuConfig c, Precision p) throws SramTooSmallException {
        return streamed(nodeId, m, c, p, 0, 0);
    }

    /** Vector and move ops stream their tensors through half of the activation buffer at a time. */
    private static NodeCost streamed(String nodeId, OpWork w, NpuConfig c, Precision p, long cycles, double busy)
            throws SramTooSmallException {
        double lanesBytes = 2.0 * c.vectorLanes() * p.activationBytes(1);
        Buffers buf = Buffers.check(c.name(), nodeId, c.sram(), lanesBytes, 0, lanesBytes);
        double[] reads = new double[w.inputElements().length];
        double inBytes = 0;
        for (int i = 0; i < reads.length; i++) {
            reads[i] = bytes(w, i, p);
            inBytes += reads[i];
        }
        double[] writes = new double[w.outputElements().length];
        double outBytes = 0;
        for (int i = 0; i < writes.length; i++) {
            writes[i] = w.outputElements()[i] * p.activationBytes(1);
            outBytes += writes[i];
        }
        double tile = Math.max(lanesBytes, Math.min(buf.ifmap(), buf.ofmap()) / 2);
        long steps = Math.max(1, (long) Math.ceil(Math.max(inBytes, outBytes) / tile));
        double peak = Math.min(inBytes + outBytes, buf.activationTotal());
        return new NodeCost(c.name(), cycles, cycles * c.secondsPerCycle(), 0, reads, writes, steps, peak, busy, null, null);
    }

    static double bytes(OpWork w, int input, Precision p) {
        long n = w.inputElements()[input];
        return w.constantInputs()[input] ? p.weightBytes(n) : p.activationBytes(n);
    }
}
