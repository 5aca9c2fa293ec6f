package org.npustudio.npusim.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.npusim.config.CpuConfig;
import org.npustudio.npusim.config.Device;

/**
 * The devices of a run by name. The first CPU is where unsupported NPU ops fall back; without one a
 * generic host CPU (768 GFLOP/s, 40 GB/s, 30% efficiency) is added and the fallback says so.
 */
public final class DeviceSet {
    public static final CpuConfig GENERIC_HOST = new CpuConfig("host-cpu", 768e9, 40e9, Map.of("default", 0.3));

    private final Map<String, Device> byName = new LinkedHashMap<>();

    public DeviceSet(List<Device> devices) {
        for (Device d : devices) {
            if (byName.put(d.name(), d) != null) throw new IllegalArgumentException("two devices are named '" + d.name() + "'");
        }
        if (byName.isEmpty()) throw new IllegalArgumentException("no devices");
    }

    public static DeviceSet of(Device... devices) { return new DeviceSet(List.of(devices)); }

    public Device get(String name) { return byName.get(name); }

    public List<Device> all() { return new ArrayList<>(byName.values()); }

    public Device first() { return byName.values().iterator().next(); }

    /** The CPU used for fallbacks (null when the set has none). */
    public Device fallbackCpu() {
        for (Device d : byName.values()) if (!d.isNpu()) return d;
        return null;
    }
}
