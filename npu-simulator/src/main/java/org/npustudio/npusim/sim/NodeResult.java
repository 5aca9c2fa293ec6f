package org.npustudio.npusim.sim;

import org.npustudio.npusim.ComputeCost;
import org.npustudio.npusim.cost.Bound;
import org.npustudio.npusim.cost.CostSource;
import org.npustudio.npusim.cost.SramCounts;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.work.Uncosted;
import org.npustudio.plan.Precision;

/**
 * Everything the simulator says about one node. Bytes are DRAM bytes after fusion; the {@code unfused}
 * pair is the same op with every tensor through DRAM. {@code featureMapBytes} counts the non-weight part
 * (activations read plus written). {@code cycles} are compute cycles on an NPU (0 on a CPU, which has
 * no cycle model); {@code fusionGroup} is -1 outside any group. {@code gemm}/{@code sram} are set for
 * array ops (SCALE-Sim report columns). {@code uncosted} is null for a costed node; otherwise why its cost is
 * unknown — its numbers are then 0 placeholders that reports print as "?" (JSON null) and totals do not add.
 * {@code costSource} says whether the latency was measured on the host or modelled (docs/host-profile.md).
 * {@code compiled} is null when the graph was costed as written; as compiled (docs/npu-simulator.md, "As
 * compiled") it says what this node of the opened graph became: "Conv + folded BatchNormalization 'bn1'
 * (FusedConv)", or "folded into 'conv1' (fold-batchnorm)" on a node whose cost its absorber carries.
 * {@code energy} is the node's energy by part (docs/energy-area.md); {@link Energy#ZERO} when not costed.
 * {@code precision} is the one it was costed at (its plan's choice when its device offers it, else the device's
 * default; docs/npu-simulator.md, "Precision per node"), null when unknown.
 */
public record NodeResult(String id, String opType, String device, boolean onNpu, long cycles, double latencySeconds,
                         long macs, double readBytes, double writeBytes, double weightReadBytes, double featureMapBytes,
                         double unfusedReadBytes, double unfusedWriteBytes, double unfusedFeatureMapBytes,
                         double sramPeakBytes, double utilisation, Bound bound, int fusionGroup, double startSeconds,
                         double endSeconds, ComputeCost gemm, SramCounts sram, Uncosted uncosted, CostSource costSource,
                         String compiled, Energy energy, Precision precision) {

    /** A node without a recorded precision (built before precision per node): null. */
    public NodeResult(String id, String opType, String device, boolean onNpu, long cycles, double latencySeconds, long macs,
                      double readBytes, double writeBytes, double weightReadBytes, double featureMapBytes, double unfusedReadBytes,
                      double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes, double utilisation, Bound bound,
                      int fusionGroup, double startSeconds, double endSeconds, ComputeCost gemm, SramCounts sram, Uncosted uncosted,
                      CostSource costSource, String compiled, Energy energy) {
        this(id, opType, device, onNpu, cycles, latencySeconds, macs, readBytes, writeBytes, weightReadBytes, featureMapBytes,
                unfusedReadBytes, unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, utilisation, bound, fusionGroup,
                startSeconds, endSeconds, gemm, sram, uncosted, costSource, compiled, energy, null);
    }

    /** A node without an energy figure (built before energy was modelled): {@link Energy#ZERO}. */
    public NodeResult(String id, String opType, String device, boolean onNpu, long cycles, double latencySeconds, long macs,
                      double readBytes, double writeBytes, double weightReadBytes, double featureMapBytes, double unfusedReadBytes,
                      double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes, double utilisation, Bound bound,
                      int fusionGroup, double startSeconds, double endSeconds, ComputeCost gemm, SramCounts sram, Uncosted uncosted,
                      CostSource costSource, String compiled) {
        this(id, opType, device, onNpu, cycles, latencySeconds, macs, readBytes, writeBytes, weightReadBytes, featureMapBytes,
                unfusedReadBytes, unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, utilisation, bound, fusionGroup,
                startSeconds, endSeconds, gemm, sram, uncosted, costSource, compiled, Energy.ZERO);
    }

    /** A modelled node costed as written (or not costed: {@code uncosted} says why). */
    public NodeResult(String id, String opType, String device, boolean onNpu, long cycles, double latencySeconds, long macs,
                      double readBytes, double writeBytes, double weightReadBytes, double featureMapBytes, double unfusedReadBytes,
                      double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes, double utilisation, Bound bound,
                      int fusionGroup, double startSeconds, double endSeconds, ComputeCost gemm, SramCounts sram, Uncosted uncosted) {
        this(id, opType, device, onNpu, cycles, latencySeconds, macs, readBytes, writeBytes, weightReadBytes, featureMapBytes,
                unfusedReadBytes, unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, utilisation, bound, fusionGroup,
                startSeconds, endSeconds, gemm, sram, uncosted, CostSource.MODELLED, null);
    }

    /** A costed node (what callers built before costs could be unknown). */
    public NodeResult(String id, String opType, String device, boolean onNpu, long cycles, double latencySeconds, long macs,
                      double readBytes, double writeBytes, double weightReadBytes, double featureMapBytes, double unfusedReadBytes,
                      double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes, double utilisation, Bound bound,
                      int fusionGroup, double startSeconds, double endSeconds, ComputeCost gemm, SramCounts sram) {
        this(id, opType, device, onNpu, cycles, latencySeconds, macs, readBytes, writeBytes, weightReadBytes, featureMapBytes,
                unfusedReadBytes, unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, utilisation, bound, fusionGroup,
                startSeconds, endSeconds, gemm, sram, null, CostSource.MODELLED, null);
    }

    public boolean costed() { return uncosted == null; }

    public boolean measured() { return costSource == CostSource.MEASURED; }

    public double latencyMicros() { return latencySeconds * 1e6; }

    public double dramBytes() { return readBytes + writeBytes; }

    public double energyPj() { return energy.totalPj(); }
}
