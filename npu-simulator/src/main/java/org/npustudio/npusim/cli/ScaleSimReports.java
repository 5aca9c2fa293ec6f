package org.npustudio.npusim.cli;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.npustudio.io.Csv;
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
    /** SCALE-Sim's own layout: ", " between cells and a comma ending every line. */
    static final CSVFormat FORMAT = Csv.FORMAT.builder().setDelimiter(", ").setRecordSeparator(",\n").get();
    static final String[] COMPUTE_COLUMNS = {"LayerID", "Total Cycles", "Stall Cycles", "Overall Util %", "Mapping Efficiency %",
        "Compute Util %"};
    static final String[] ACCESS_COLUMNS = {"LayerID", "SRAM IFMAP Start Cycle", "SRAM IFMAP Stop Cycle", "SRAM IFMAP Reads",
        "SRAM Filter Start Cycle", "SRAM Filter Stop Cycle", "SRAM Filter Reads", "SRAM OFMAP Start Cycle", "SRAM OFMAP Stop Cycle",
        "SRAM OFMAP Writes", "DRAM IFMAP Start Cycle", "DRAM IFMAP Stop Cycle", "DRAM IFMAP Reads", "DRAM Filter Start Cycle",
        "DRAM Filter Stop Cycle", "DRAM Filter Reads", "DRAM OFMAP Start Cycle", "DRAM OFMAP Stop Cycle", "DRAM OFMAP Writes"};

    private ScaleSimReports() {}

    public static String compute(SimulationResult r, NpuConfig npu) {
        return Csv.write(FORMAT.builder().setHeader(COMPUTE_COLUMNS).get(), out -> {
            int id = 0;
            for (NodeResult n : r.nodes()) {
                if (n.gemm() == null) continue;
                double overall = 100.0 * n.macs() / ((double) n.cycles() * npu.macsPerCycle());
                out.printRecord(id++, n.cycles(), 0, overall, 100 * n.gemm().mappingEfficiency(), 100 * n.gemm().computeUtilisation());
            }
        });
    }

    public static String access(SimulationResult r, NpuConfig npu) {
        double perCycle = npu.dramBytesPerCycle();
        return Csv.write(FORMAT.builder().setHeader(ACCESS_COLUMNS).get(), out -> {
            int id = 0;
            for (NodeResult n : r.nodes()) {
                if (n.gemm() == null) continue;
                long c = n.cycles();
                double ifmap = n.readBytes() - n.weightReadBytes();
                // our timeline: operands are loaded before cycle 0 at the DRAM rate, outputs stored after the last cycle
                out.printRecord(id++,
                        f(1), f(c), n.sram().ifmapReads(),
                        f(1), f(c), n.sram().filterReads(),
                        f(1), f(c), n.sram().ofmapWrites(),
                        f(-cycles(ifmap, perCycle)), f(-1), Math.round(ifmap),
                        f(-cycles(n.weightReadBytes(), perCycle)), f(-1), Math.round(n.weightReadBytes()),
                        f(c), f(c + cycles(n.writeBytes(), perCycle)), Math.round(n.writeBytes()));
            }
        });
    }

    private static long cycles(double bytes, double perCycle) {
        return bytes == 0 ? 0 : (long) Math.ceil(bytes / perCycle);
    }

    private static String f(long v) { return String.format(Locale.ROOT, "%d.0", v); }
}
