package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.energy.EnergyTable;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.RecurrentWork;
import org.npustudio.npusim.work.VectorWork;
import org.npustudio.plan.Precision;

/**
 * One node's energy from the counts its cost already has (docs/energy-area.md, "Per-op energy"). On an NPU:
 * each MAC pays its precision's MAC energy, register accesses for its two operands and the partial sum's
 * read and write, and two operand hops to a neighbouring PE; array ops pay SCALE-Sim's SRAM access counts,
 * other ops read their inputs from and write their outputs to the buffers once; every DRAM byte also
 * writes (loads) or reads (stores) its buffer; leakage runs for the node's latency. On a CPU: power x latency.
 * {@code reads}/{@code writes} are the node's DRAM bytes after fusion.
 */
public final class EnergyModel {
    private EnergyModel() {}

    public static Energy of(OpWork work, NodeCost c, Device d, Precision p, double[] reads, double[] writes, double latencySeconds) {
        if (!d.isNpu()) return new Energy(d.cpu().powerWatts() * latencySeconds * 1e12, 0, 0, 0, 0, 0);
        NpuConfig npu = d.npu();
        EnergyTable e = npu.energy();
        double act = p.activationBytes(1), wt = p.weightBytes(1);
        long macs = c.macs();
        double compute = macs * e.mac(p) + vectorOps(work, npu) * e.vectorOp(p);
        double register = macs * ((2 * act + wt) * e.registerPjPerByte() + (act + wt) * e.arrayPjPerByte());
        double sram = 0;
        boolean[] constant = work.constantInputs();
        if (c.sram() != null) {
            SramCounts s = c.sram();
            sram += s.ifmapReads() * act * e.ifmap().readPjPerByte() + s.filterReads() * wt * e.filter().readPjPerByte()
                    + s.ofmapWrites() * act * e.ofmap().writePjPerByte();
        } else {
            // Streamed through the buffers once: each input read, each output written, at the unfused sizes.
            for (int k = 0; k < c.readBytes().length; k++) {
                sram += c.readBytes()[k] * (constant[k] ? e.filter() : e.ifmap()).readPjPerByte();
                register += c.readBytes()[k] * e.registerPjPerByte();
            }
            for (double w : c.writeBytes()) {
                sram += w * e.ofmap().writePjPerByte();
                register += w * e.registerPjPerByte();
            }
        }
        double dram = 0;
        for (int k = 0; k < reads.length; k++) {
            dram += reads[k];
            sram += reads[k] * (k < constant.length && constant[k] ? e.filter() : e.ifmap()).writePjPerByte();
        }
        for (double w : writes) {
            dram += w;
            sram += w * e.ofmap().readPjPerByte();
        }
        double leakage = latencySeconds * npu.clockMhz() * 1e6 * npu.leakagePjPerCycle();
        return new Energy(compute, register, sram, dram * e.dramPjPerByte(), 0, leakage);
    }

    /** Element operations of the vector unit (per op cycle): vector ops and an LSTM/GRU's gate arithmetic. */
    private static double vectorOps(OpWork work, NpuConfig npu) {
        if (work instanceof VectorWork v) return v.workElements() * VectorCosts.opCycles(v.opType(), npu.vectorOpCycles());
        if (work instanceof RecurrentWork r) return r.vectorElements();
        return 0;
    }

    /** Energy of moving {@code bytes} over an NPU's host link (0 for a CPU: it has no link of its own). */
    public static double hostLinkPj(Device d, double bytes) {
        return d.isNpu() ? bytes * d.npu().energy().hostLinkPjPerByte() : 0;
    }
}
