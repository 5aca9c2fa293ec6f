package org.npustudio.npusim.sim;

import java.util.List;
import java.util.Map;
import org.npustudio.npusim.fusion.FusionGroup;

/** A whole run: per node (topological order), per device and model totals, fusion groups, schedule, warnings. */
public record SimulationResult(String model, List<NodeResult> nodes, Map<String, Totals> perDevice, Totals total,
                               List<FusionGroup> groups, List<ScheduleEntry> schedule, List<String> warnings) {

    public NodeResult node(String id) {
        for (NodeResult n : nodes) if (n.id().equals(id)) return n;
        return null;
    }
}
