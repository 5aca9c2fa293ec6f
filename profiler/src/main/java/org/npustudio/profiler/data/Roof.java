package org.npustudio.profiler.data;

/** The NPU's roofline: peak compute (MAC/s) and DRAM bandwidth (B/s), for the roofline chart. */
public record Roof(String device, double peakMacsPerSecond, double dramBytesPerSecond) {}
