package org.npustudio.plan;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.npustudio.ir.DataType;

/**
 * A device a plan can place partitions on, with the capabilities legality and auto-partitioning use.
 * Callers fill the capabilities from NPU descriptions, NEST-C device configs or our devices file; the
 * plan package does not read simulator configs itself.
 *
 * @param name           unique within a plan, e.g. {@code npu0} or NEST-C's {@code VTA-0}
 * @param kind           NPU or CPU
 * @param description    reference to an NPU/CPU description file (may be empty)
 * @param index          device index (NEST-C's logical id / deviceID)
 * @param backend        Glow/NEST-C backend name (e.g. {@code VTA}), empty when none
 * @param memoryBytes    device memory, 0 when unknown
 * @param supportedOps   ONNX op types it runs; empty means every op not in {@code unsupportedOps}
 * @param unsupportedOps ONNX op types it refuses
 * @param precisions     precisions a partition on it may ask for (e.g. int8, fp16, fp32); empty = any
 * @param dataTypes      tensor element types its ops may read or write; empty = any
 */
public record Device(String name, DeviceKind kind, String description, int index, String backend, long memoryBytes,
                     Set<String> supportedOps, Set<String> unsupportedOps, Set<String> precisions,
                     Set<DataType> dataTypes) {
    public Device {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a device needs a name");
        if (kind == null) throw new IllegalArgumentException("device " + name + " needs a kind");
        description = description == null ? "" : description;
        backend = backend == null ? "" : backend;
        supportedOps = frozen(supportedOps);
        unsupportedOps = frozen(unsupportedOps);
        precisions = frozen(precisions);
        dataTypes = frozen(dataTypes);
    }

    /** A device that runs everything (a host CPU, or an NPU whose capabilities are unknown). */
    public static Device of(String name, DeviceKind kind, int index) {
        return new Device(name, kind, "", index, "", 0, Set.of(), Set.of(), Set.of(), Set.of());
    }

    private static <T> Set<T> frozen(Set<T> s) {
        return s == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }

    /** Why this device cannot run an op type, or null when it can. */
    public String refusesOp(String opType) {
        if (unsupportedOps.contains(opType)) return name + " lists " + opType + " as not supported";
        if (!supportedOps.isEmpty() && !supportedOps.contains(opType)) return name + " does not support " + opType;
        return null;
    }

    public boolean runs(String opType) { return refusesOp(opType) == null; }

    public boolean acceptsPrecision(String precision) {
        return precision == null || precision.isEmpty() || precisions.isEmpty() || precisions.contains(precision);
    }

    public boolean acceptsType(DataType t) {
        return t == null || t == DataType.UNDEFINED || dataTypes.isEmpty() || dataTypes.contains(t);
    }

    public Device withIndex(int newIndex) {
        return new Device(name, kind, description, newIndex, backend, memoryBytes, supportedOps, unsupportedOps, precisions, dataTypes);
    }

    public Device withSupport(Set<String> supported, Set<String> unsupported) {
        return new Device(name, kind, description, index, backend, memoryBytes, supported, unsupported, precisions, dataTypes);
    }

    public Device withPrecisions(Set<String> p) {
        return new Device(name, kind, description, index, backend, memoryBytes, supportedOps, unsupportedOps, p, dataTypes);
    }

    public Device withDataTypes(Set<DataType> t) {
        return new Device(name, kind, description, index, backend, memoryBytes, supportedOps, unsupportedOps, precisions, t);
    }

    public Device withDescription(String d) {
        return new Device(name, kind, d, index, backend, memoryBytes, supportedOps, unsupportedOps, precisions, dataTypes);
    }
}
