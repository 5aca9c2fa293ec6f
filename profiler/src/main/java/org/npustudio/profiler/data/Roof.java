package org.npustudio.profiler.data;

import org.npustudio.npusim.config.Device;

/** The NPU's roofline: peak compute (MAC/s) and DRAM bandwidth (B/s), for the roofline chart. */
public record Roof(String device, double peakMacsPerSecond, double dramBytesPerSecond) {

    /**
     * Whether ops run on {@code d} (named {@code name} in the run) belong under this roof: the roof's own
     * device, or an NPU with the same peak and DRAM bandwidth, such as the chosen NPU under a partition
     * plan's name for it ("npu0"). {@code d} may be null (a run that does not say: the name alone decides).
     */
    public boolean covers(String name, Device d) {
        if (name.equals(device)) return true;
        return d != null && d.isNpu() && d.npu().peakMacsPerSecond() == peakMacsPerSecond && d.npu().dramBytesPerSecond() == dramBytesPerSecond;
    }
}
