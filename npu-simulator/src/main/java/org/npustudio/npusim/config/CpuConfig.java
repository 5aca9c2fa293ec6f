package org.npustudio.npusim.config;

import java.util.Map;

/**
 * The host CPU as a roofline: peak FLOP/s, memory bandwidth, the fraction of peak each op type reaches
 * ({@code efficiency}, with "default" for the rest), and a fixed cost per op ({@code overheadSeconds}:
 * kernel dispatch, which dominates small ops on a real runtime; 0 unless a description sets
 * {@code overhead_us}, e.g. one written by {@code npustudio calibrate-host}).
 */
public record CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency,
                        double overheadSeconds) {
    public CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency) {
        this(name, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, 0);
    }

    public double efficiencyOf(String opType) {
        return efficiency.getOrDefault(opType, efficiency.getOrDefault("default", 0.3));
    }

    public CpuConfig withName(String newName) {
        return new CpuConfig(newName, peakFlopsPerSecond, memoryBytesPerSecond, efficiency, overheadSeconds);
    }
}
