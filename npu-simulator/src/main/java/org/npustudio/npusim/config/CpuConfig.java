package org.npustudio.npusim.config;

import java.util.Map;

/**
 * The host CPU as a roofline: peak FLOP/s, memory bandwidth, the fraction of peak each op type reaches
 * ({@code efficiency}, with "default" for the rest), and a fixed cost per op ({@code overheadSeconds}:
 * kernel dispatch, which dominates small ops on a real runtime; 0 unless a description sets
 * {@code overhead_us}, e.g. one written by {@code npustudio calibrate-host}). {@code powerWatts} prices
 * its energy: power x the time it runs a node (docs/energy-area.md).
 */
public record CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency,
                        double overheadSeconds, double powerWatts) {
    /** An order-of-magnitude package power for a desktop-class CPU (docs/energy-area.md). */
    public static final double DEFAULT_POWER_WATTS = 65;

    public CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency) {
        this(name, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, 0, DEFAULT_POWER_WATTS);
    }

    public CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency,
                     double overheadSeconds) {
        this(name, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, overheadSeconds, DEFAULT_POWER_WATTS);
    }

    public double efficiencyOf(String opType) {
        return efficiency.getOrDefault(opType, efficiency.getOrDefault("default", 0.3));
    }

    public CpuConfig withName(String newName) {
        return new CpuConfig(newName, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, overheadSeconds, powerWatts);
    }
}
