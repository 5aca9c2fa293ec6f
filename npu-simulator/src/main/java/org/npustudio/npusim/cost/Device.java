package org.npustudio.npusim.cost;

import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.plan.Precision;

/** A named backend a node can run on: exactly one of an NPU or a CPU model. */
public record Device(String name, NpuConfig npu, CpuConfig cpu) {
    public Device {
        if ((npu == null) == (cpu == null)) throw new IllegalArgumentException("a device is either an NPU or a CPU: " + name);
    }

    public static Device of(NpuConfig npu) { return new Device(npu.name(), npu, null); }

    public static Device of(CpuConfig cpu) { return new Device(cpu.name(), null, cpu); }

    public boolean isNpu() { return npu != null; }

    /** The precision a node runs in here: the NPU's default, fp32 on the CPU. */
    public Precision precision() { return isNpu() ? npu.defaultPrecision() : Precision.FP32; }

    /** Host link used by transfers to or from this device (a CPU is the host: no link of its own). */
    public double linkBytesPerSecond() { return isNpu() ? npu.hostLinkBytesPerSecond() : Double.POSITIVE_INFINITY; }

    public double linkLatencySeconds() { return isNpu() ? npu.hostLinkLatencySeconds() : 0; }
}
