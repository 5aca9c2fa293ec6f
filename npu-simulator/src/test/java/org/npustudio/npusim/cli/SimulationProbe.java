package org.npustudio.npusim.cli;

import java.nio.file.Path;
import java.util.List;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;

/** Node ids of a model in the simulator's (topological) order, for writing plans in tests. */
record SimulationProbe(List<String> nodeIds) {
    static SimulationProbe of(Path model) throws Exception {
        WorkGraph g = SimulateCommandCore.readModel(model);
        return new SimulationProbe(g.nodes().stream().map(WorkNode::id).toList());
    }
}
