package org.npustudio.npusim.cli;

import java.util.List;
import java.util.Map;
import org.npustudio.npusim.config.Device;
import org.npustudio.plan.Precision;

/**
 * The interim plan YAML (docs/npu-simulator.md): extra devices, the default device, node-id -> device
 * assignments, fusion groups and an optional precision. Null/empty fields mean "not given".
 */
public record PlanFile(List<Device> devices, String defaultDevice, Map<String, String> assignment,
                       List<List<String>> fusion, Precision precision) {
    /** No plan: everything on the NPU, unsupported ops on the host CPU. */
    public static final PlanFile NONE = new PlanFile(List.of(), null, Map.of(), List.of(), null);
}
