package org.npustudio.npusim.config;

import java.util.Map;

/**
 * The host CPU as a roofline: peak FLOP/s, memory bandwidth, and the fraction of peak each op type
 * reaches ({@code efficiency}, with "default" for the rest).
 */
public record CpuConfig(String name, double peakFlopsPerSecond, double memoryBytesPerSecond, Map<String, Double> efficiency) {
    public double efficiencyOf(String opType) {
        return efficiency.getOrDefault(opType, efficiency.getOrDefault("default", 0.3));
    }
}
