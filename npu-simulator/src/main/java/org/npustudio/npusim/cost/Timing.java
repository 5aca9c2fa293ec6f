package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.Device;

/**
 * Latency of one op from its compute time and the DRAM bytes it really moves (after fusion). On the NPU
 * loads and stores are double-buffered against compute, so the op takes
 * {@code first load + last store + max(compute, remaining transfer)} plus the DRAM latency once: never
 * less than {@code max(compute, transfer)}, and a single-tile op pays load, compute and store in series.
 * The CPU is a roofline plus its fixed per-op overhead: {@code overhead + max(compute, bytes / bandwidth)}
 * (an op with no work at all, a free reshape, pays nothing). The bound is what dominates; an NPU op whose
 * compute dominates only because the array runs it far below peak is {@link Bound#LATENCY}.
 */
public record Timing(double latencySeconds, double dramSeconds, Bound bound) {

    public static Timing of(NodeCost cost, Device device, double readBytes, double writeBytes) {
        double compute = cost.computeSeconds();
        if (!device.isNpu()) {
            double mem = (readBytes + writeBytes) / device.cpu().memoryBytesPerSecond();
            double overhead = compute + mem > 0 ? device.cpu().overheadSeconds() : 0;
            return new Timing(overhead + Math.max(compute, mem), mem, bound(compute, mem));
        }
        double bw = device.npu().dramBytesPerSecond();
        double dram = (readBytes + writeBytes) / bw;
        double first = readBytes / cost.steps() / bw;
        double last = writeBytes / cost.steps() / bw;
        double latency = first + last + Math.max(compute, dram - first - last);
        if (readBytes + writeBytes > 0) latency += device.npu().dramLatencySeconds();
        Bound b = bound(compute, dram);
        // Compute-dominated, yet at peak rate its MACs would take less than its transfers: left of the ridge,
        // where the roofline says memory. The array's fill/drain and idle PEs are what it waits on.
        if (b == Bound.COMPUTE && cost.macs() > 0 && cost.macs() / device.npu().peakMacsPerSecond() < dram) b = Bound.LATENCY;
        return new Timing(latency, dram, b);
    }

    private static Bound bound(double compute, double memory) {
        if (compute == 0 && memory == 0) return Bound.NONE;
        return memory > compute ? Bound.MEMORY : Bound.COMPUTE;
    }
}
