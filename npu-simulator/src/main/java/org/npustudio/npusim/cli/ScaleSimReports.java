package org.npustudio.npusim.cli;

import java.util.Locale;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;

/**
 * SCALE-Sim's COMPUTE_REPORT.csv and DETAILED_ACCESS_REPORT.csv, with its exact header lines, one row
 * per array layer (GEMM node) in topological order. Counts are bytes (SCALE-Sim's word is one byte).
 * Cycle, utilisation and DRAM count columns are ours and equal SCALE-Sim's (see docs/npu-simulator.md);
 * the start/stop cycle columns are our model's timeline, not SCALE-Sim's trace positions.
 */
public final class ScaleSimReports {
    public static final String COMPUTE_HEADER = "LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,";
    public static final String ACCESS_HEADER = "LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, "
            + "SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, "
            + "SRAM OFMAP Writes, DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, DRAM Filter Start Cycle, "
            + "DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,";

    private ScaleSimReports() {}

    public static String compute(SimulationResult r, NpuConfig npu) {
        StringBuilder b = new StringBuilder(COMPUTE_HEADER).append('\n');
        int id = 0;
        for (NodeResult n : r.nodes()) {
            if (n.gemm() == null) continue;
            double overall = 100.0 * n.macs() / ((double) n.cycles() * npu.macsPerCycle());
            b.append(id++).append(", ").append(n.cycles()).append(", 0, ").append(overall).append(", ")
                    .append(100 * n.gemm().mappingEfficiency()).append(", ").append(100 * n.gemm().computeUtilisation()).append(",\n");
        }
        return b.toString();
    }

    public static String access(SimulationResult r, NpuConfig npu) {
        StringBuilder b = new StringBuilder(ACCESS_HEADER).append('\n');
        double perCycle = npu.dramBytesPerCycle();
        int id = 0;
        for (NodeResult n : r.nodes()) {
            if (n.gemm() == null) continue;
            long c = n.cycles();
            double ifmap = n.readBytes() - n.weightReadBytes();
            // our timeline: operands are loaded before cycle 0 at the DRAM rate, outputs stored after the last cycle
            b.append(id++).append(", ")
                    .append(f(1)).append(", ").append(f(c)).append(", ").append(n.sram().ifmapReads()).append(", ")
                    .append(f(1)).append(", ").append(f(c)).append(", ").append(n.sram().filterReads()).append(", ")
                    .append(f(1)).append(", ").append(f(c)).append(", ").append(n.sram().ofmapWrites()).append(", ")
                    .append(f(-cycles(ifmap, perCycle))).append(", ").append(f(-1)).append(", ").append(Math.round(ifmap)).append(", ")
                    .append(f(-cycles(n.weightReadBytes(), perCycle))).append(", ").append(f(-1)).append(", ")
                    .append(Math.round(n.weightReadBytes())).append(", ")
                    .append(f(c)).append(", ").append(f(c + cycles(n.writeBytes(), perCycle))).append(", ")
                    .append(Math.round(n.writeBytes())).append(",\n");
        }
        return b.toString();
    }

    private static long cycles(double bytes, double perCycle) {
        return bytes == 0 ? 0 : (long) Math.ceil(bytes / perCycle);
    }

    private static String f(long v) { return String.format(Locale.ROOT, "%d.0", v); }
}
