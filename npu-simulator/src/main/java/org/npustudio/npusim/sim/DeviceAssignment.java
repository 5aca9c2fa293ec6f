package org.npustudio.npusim.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which device runs each node (node id -> device name); nodes not listed run on the default device.
 * Immutable: {@link #with} returns an edited copy, which is how a partition edit is expressed.
 */
public record DeviceAssignment(String defaultDevice, Map<String, String> byNode) {
    public DeviceAssignment {
        byNode = Map.copyOf(byNode);
    }

    public static DeviceAssignment allOn(String device) { return new DeviceAssignment(device, Map.of()); }

    public String deviceFor(String nodeId) { return byNode.getOrDefault(nodeId, defaultDevice); }

    public DeviceAssignment with(String nodeId, String device) {
        Map<String, String> m = new HashMap<>(byNode);
        m.put(nodeId, device);
        return new DeviceAssignment(defaultDevice, m);
    }

    /** Convenience for building plans in order. */
    public static Map<String, String> map() { return new LinkedHashMap<>(); }
}
