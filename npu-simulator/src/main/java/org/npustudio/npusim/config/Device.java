package org.npustudio.npusim.config;

import org.npustudio.plan.Precision;

/**
 * A piece of hardware a node can run on: exactly one of an NPU or a CPU model, under the name that
 * assignments and reports use. What {@link DeviceConfigReader} reads from a description file; not a plan's
 * device declaration ({@link org.npustudio.plan.Device}, which only names a device and may point at one of
 * these files — docs/decisions/0007-one-plan-reader-one-device.md).
 */
public record Device(String name, NpuConfig npu, CpuConfig cpu) {
    public Device {
        if ((npu == null) == (cpu == null)) throw new IllegalArgumentException("a device is either an NPU or a CPU: " + name);
    }

    public static Device of(NpuConfig npu) { return new Device(npu.name(), npu, null); }

    public static Device of(CpuConfig cpu) { return new Device(cpu.name(), null, cpu); }

    public boolean isNpu() { return npu != null; }

    /** The same hardware under another name (a plan's name for it), so reports and errors all use that name. */
    public Device named(String newName) {
        if (name.equals(newName)) return this;
        return isNpu() ? of(npu.withName(newName))
                : of(cpu.withName(newName));
    }

    /** The precision a node runs in here: the NPU's default, fp32 on the CPU. */
    public Precision precision() { return isNpu() ? npu.defaultPrecision() : Precision.FP32; }

    /** Host link used by transfers to or from this device (a CPU is the host: no link of its own). */
    public double linkBytesPerSecond() { return isNpu() ? npu.hostLinkBytesPerSecond() : Double.POSITIVE_INFINITY; }

    public double linkLatencySeconds() { return isNpu() ? npu.hostLinkLatencySeconds() : 0; }
}
