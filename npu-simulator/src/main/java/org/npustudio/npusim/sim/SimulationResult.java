package org.npustudio.npusim.sim;

import java.util.List;
import java.util.Map;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.fusion.FusionGroup;

/**
 * A whole run: per node (topological order), per device and model totals, fusion groups, schedule, warnings,
 * and the hardware behind each device name of the run (a plan may give the chosen NPU its own name).
 */
public record SimulationResult(String model, List<NodeResult> nodes, Map<String, Totals> perDevice, Totals total,
                               List<FusionGroup> groups, List<ScheduleEntry> schedule, List<String> warnings, List<Device> devices) {

    public SimulationResult {
        devices = List.copyOf(devices);
    }

    /** The device of this run named {@code name}, or null. */
    public Device device(String name) {
        for (Device d : devices) if (d.name().equals(name)) return d;
        return null;
    }

    /** True when some node ran at another precision than its device's default (reports then add a precision column). */
    public boolean mixedPrecision() {
        for (NodeResult n : nodes) {
            Device d = device(n.device());
            if (n.precision() != null && d != null && n.precision() != d.precision()) return true;
        }
        return false;
    }

    /** The precision key a node ran at, "" when unknown. */
    public static String precisionKey(NodeResult n) {
        return n.precision() == null ? "" : n.precision().key();
    }

    public NodeResult node(String id) {
        for (NodeResult n : nodes) if (n.id().equals(id)) return n;
        return null;
    }
}
