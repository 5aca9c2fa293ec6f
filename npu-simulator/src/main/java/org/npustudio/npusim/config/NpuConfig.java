package org.npustudio.npusim.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.SystolicArray;
import org.npustudio.npusim.energy.AreaTable;
import org.npustudio.npusim.energy.EnergyTable;
import org.npustudio.plan.Precision;

/**
 * An NPU as the simulator sees it (schema in docs/npu-config.md). Times are derived from the clock;
 * bandwidths are bytes per second. {@code supportedOps} empty means "every op the cost model knows";
 * {@code vectorOpCycles} gives cycles per element per lane for vector-unit ops (default 1). {@code energy}
 * and {@code area} are the per-access energies and area parameters (docs/energy-area.md).
 */
public record NpuConfig(String name, double clockMhz, int rows, int cols, Dataflow dataflow, int vectorLanes,
                        Map<String, Double> vectorOpCycles, SramConfig sram, double dramBytesPerSecond,
                        double dramLatencySeconds, List<Precision> precisions, Precision defaultPrecision,
                        Set<String> supportedOps, double hostLinkBytesPerSecond, double hostLinkLatencySeconds,
                        EnergyTable energy, AreaTable area) {

    /** An NPU with the default (45 nm) energy and area tables. */
    public NpuConfig(String name, double clockMhz, int rows, int cols, Dataflow dataflow, int vectorLanes,
                     Map<String, Double> vectorOpCycles, SramConfig sram, double dramBytesPerSecond, double dramLatencySeconds,
                     List<Precision> precisions, Precision defaultPrecision, Set<String> supportedOps,
                     double hostLinkBytesPerSecond, double hostLinkLatencySeconds) {
        this(name, clockMhz, rows, cols, dataflow, vectorLanes, vectorOpCycles, sram, dramBytesPerSecond, dramLatencySeconds,
                precisions, defaultPrecision, supportedOps, hostLinkBytesPerSecond, hostLinkLatencySeconds,
                EnergyTable.defaults(), AreaTable.defaults());
    }

    public SystolicArray array() { return new SystolicArray(rows, cols, dataflow); }

    public long macsPerCycle() { return (long) rows * cols; }

    /** Peak throughput in MAC/s. */
    public double peakMacsPerSecond() { return macsPerCycle() * clockMhz * 1e6; }

    public double secondsPerCycle() { return 1.0 / (clockMhz * 1e6); }

    public double dramBytesPerCycle() { return dramBytesPerSecond * secondsPerCycle(); }

    public boolean supports(String opType) { return supportedOps.isEmpty() || supportedOps.contains(opType); }

    public boolean supports(Precision p) { return precisions.contains(p); }

    public NpuConfig withName(String n) {
        return new NpuConfig(n, clockMhz, rows, cols, dataflow, vectorLanes, vectorOpCycles, sram, dramBytesPerSecond,
                dramLatencySeconds, precisions, defaultPrecision, supportedOps, hostLinkBytesPerSecond, hostLinkLatencySeconds, energy, area);
    }

    /** The same NPU with another clock, array, dataflow, buffers, DRAM bandwidth and default precision (an edited preset). */
    public NpuConfig edited(String n, double clock, int r, int c, Dataflow df, SramConfig s, double dramBps, Precision dflt) {
        return new NpuConfig(n, clock, r, c, df, vectorLanes, vectorOpCycles, s, dramBps, dramLatencySeconds, precisions, dflt,
                supportedOps, hostLinkBytesPerSecond, hostLinkLatencySeconds, energy, area);
    }

    /** The same NPU with other energy and area tables (a sweep point, a what-if). */
    public NpuConfig withTables(EnergyTable e, AreaTable a) {
        return new NpuConfig(name, clockMhz, rows, cols, dataflow, vectorLanes, vectorOpCycles, sram, dramBytesPerSecond,
                dramLatencySeconds, precisions, defaultPrecision, supportedOps, hostLinkBytesPerSecond, hostLinkLatencySeconds, e, a);
    }

    /** Area estimate of this NPU by part (docs/energy-area.md). */
    public AreaTable.Area areaEstimate() {
        return area.of(macsPerCycle(), precisions, sram.totalBytes(), vectorLanes);
    }

    /** Static energy per clock cycle (given, or derived from the array: docs/energy-area.md). */
    public double leakagePjPerCycle() { return energy.leakagePerCycle(macsPerCycle(), precisions); }
}
