package org.npustudio.npusim.config;

import java.util.Map;

/**
 * The host CPU as a roofline: peak FLOP/s, memory bandwidth, and the fraction of peak each op type
 * reaches ({@code efficiency}, with "default" for the rest). {@code powerWatts} prices its energy: power x the
 * time it runs a node (docs/energy-area.md).
 */
public record CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency,
                        double powerWatts) {
    /** An order-of-magnitude package power for a desktop-class CPU (docs/energy-area.md). */
    public static final double DEFAULT_POWER_WATTS = 65;

    public CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency) {
        this(name, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, DEFAULT_POWER_WATTS);
    }

    public double efficiencyOf(String opType) {
        return efficiency.getOrDefault(opType, efficiency.getOrDefault("default", 0.3));
    }
}
