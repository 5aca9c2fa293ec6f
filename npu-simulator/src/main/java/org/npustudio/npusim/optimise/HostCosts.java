package org.npustudio.npusim.optimise;

import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.sim.Simulator;

/**
 * Where the optimiser gets a node's cost on a CPU: the one seam a measured host profile plugs into.
 * {@link #SIMULATOR} asks the simulator, whose CPU device is today the roofline of {@code CpuCostModel};
 * a host profile supplies its own implementation for the nodes it measured.
 */
@FunctionalInterface
public interface HostCosts {
    /** Cost of work-graph node {@code node} on CPU {@code cpu}; {@code sim} is the run's simulator (caches costs). */
    NodeCost cost(Simulator sim, int node, Device cpu) throws StudioException;

    HostCosts SIMULATOR = Simulator::nodeCost;
}
