package org.npustudio.npusim.optimise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.cost.Timing;
import org.npustudio.npusim.sim.HostLink;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.AutoPartitioner;

/**
 * The cover problem over one topological order of the runtime (non-weight) nodes: per position and device
 * the node's cost in objective units (infinite where the device cannot run it), and per position the
 * values it reads from earlier positions, with where they were produced and who else reads them, so a
 * transfer is charged once per value and destination device as the simulator's scheduler does.
 * A weight value is taken to live where the first runtime node that reads it runs (where the plan puts
 * weight nodes).
 */
final class CoverProblem {
    /** A value read at some position: its producer's position (runtime node or weight anchor) and all readers' positions, ascending. */
    record Input(String value, int producer, int[] readers) {}

    final Graph graph;
    final WorkGraph work;
    final Objective objective;
    final Device[] hardware;          // per plan device index
    final int[] order;                // position -> graph node index
    final int[] workIndex;            // position -> work-graph index, -1 when the simulator has no such node
    final int[] capability;           // position -> capability device
    final double[][] cost;            // position x device
    final Input[][] inputs;           // position -> values read from earlier positions (or a weight anchor)
    final int[] anchorOfGraphNode;    // graph index -> position of a weight node's first reader, -1 for runtime nodes
    final int[] positionOfGraphNode;  // graph index -> position, -1 for weight nodes

    CoverProblem(Graph graph, WorkGraph work, Simulator sim, HostCosts host, Objective objective, List<org.npustudio.plan.Device> devices,
                 Device[] hardware, String defaultDevice) throws StudioException {
        this.graph = graph;
        this.work = work;
        this.objective = objective;
        this.hardware = hardware;
        GraphIndex idx = graph.index();
        int[] capDev = AutoPartitioner.capabilityDevices(graph, devices, defaultDevice);
        order = AutoPartitioner.walkOrder(idx, capDev, devices.size());
        int m = order.length;
        int n = idx.size();
        positionOfGraphNode = new int[n];
        Arrays.fill(positionOfGraphNode, -1);
        for (int k = 0; k < m; k++) positionOfGraphNode[order[k]] = k;
        anchorOfGraphNode = anchors(idx, capDev, positionOfGraphNode, m);
        int deflt = 0;
        while (!devices.get(deflt).name().equals(defaultDevice)) deflt++;
        workIndex = new int[m];
        capability = new int[m];
        cost = new double[m][devices.size()];
        for (int k = 0; k < m; k++) {
            int gi = order[k];
            capability[k] = capDev[gi];
            workIndex[k] = work.indexOf(idx.node(gi).id());
            if (workIndex[k] < 0 || work.node(workIndex[k]).work() instanceof UnknownWork) {
                // Not costed on any device: kept where capability splitting puts it, so "unknown" never reads as "free".
                Arrays.fill(cost[k], Double.POSITIVE_INFINITY);
                cost[k][capability[k]] = 0;
                continue;
            }
            for (int d = 0; d < devices.size(); d++) {
                boolean legal = d == deflt || AutoPartitioner.canRun(devices.get(d), idx.node(gi), graph)
                        && (workIndex[k] < 0 || Simulator.refusal(work.node(workIndex[k]), hardware[d]) == null);
                cost[k][d] = !legal ? Double.POSITIVE_INFINITY : nodeCost(sim, host, workIndex[k], hardware[d]);
            }
        }
        inputs = new Input[m][];
        for (int k = 0; k < m; k++) inputs[k] = inputsOf(k);
    }

    int positions() { return order.length; }

    int devices() { return hardware.length; }

    /** Objective units of one node alone on a device, unfused. */
    private double nodeCost(Simulator sim, HostCosts host, int w, Device d) throws StudioException {
        if (objective == Objective.LATENCY && !d.isNpu()) {
            java.util.OptionalDouble measured = sim.measuredSeconds(w, d);
            if (measured.isPresent()) return measured.getAsDouble();
        }
        NodeCost c = d.isNpu() ? sim.nodeCost(w, d) : host.cost(sim, w, d);
        return switch (objective) {
            case LATENCY -> Timing.of(c, d, c.totalReadBytes(), c.totalWriteBytes()).latencySeconds();
            case DRAM -> c.totalReadBytes() + c.totalWriteBytes();
            // Energy as the simulator prices it (docs/energy-area.md): unfused, at the node's own latency.
            case ENERGY -> org.npustudio.npusim.cost.EnergyModel.of(work.node(w).work(), c, d, d.precision(), c.readBytes(), c.writeBytes(),
                    Timing.of(c, d, c.totalReadBytes(), c.totalWriteBytes()).latencySeconds()).totalPj();
        };
    }

    /** Objective units of moving {@code value} from a producer on device {@code from} to device {@code to}. */
    double transfer(String value, int from, int to) {
        double bytes = HostLink.bytes(work, value, hardware[from]);
        return switch (objective) {
            case LATENCY -> HostLink.seconds(bytes, hardware[from], hardware[to]);
            case DRAM -> 0; // the host link is not DRAM traffic in the simulator's totals
            // charged to the NPU at either end, as the simulator's totals do
            case ENERGY -> org.npustudio.npusim.cost.EnergyModel.hostLinkPj(hardware[from].isNpu() ? hardware[from] : hardware[to], bytes);
        };
    }

    private Input[] inputsOf(int k) {
        if (workIndex[k] < 0) return new Input[0];
        List<Input> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String v : work.node(workIndex[k]).inputs()) {
            if (v.isEmpty() || !seen.add(v)) continue;
            int p = producerPositionFast(v);
            if (p < 0 || p == k) continue;
            List<Integer> readers = new ArrayList<>();
            for (int c : work.consumersOf(v)) {
                int pos = positionOfWork(c);
                if (pos >= 0) readers.add(pos);
            }
            out.add(new Input(v, p, readers.stream().mapToInt(Integer::intValue).distinct().sorted().toArray()));
        }
        return out.toArray(new Input[0]);
    }

    private int[] workToPosition;
    private int[] workToGraph;

    private int positionOfWork(int w) {
        mapWork();
        return workToPosition[w];
    }

    private int producerPositionFast(String value) {
        mapWork();
        int p = work.producerOf(value);
        if (p < 0 || workToGraph[p] < 0) return -1;
        int gi = workToGraph[p];
        return positionOfGraphNode[gi] >= 0 ? positionOfGraphNode[gi] : anchorOfGraphNode[gi];
    }

    private void mapWork() {
        if (workToPosition != null) return;
        workToPosition = new int[work.size()];
        workToGraph = new int[work.size()];
        Arrays.fill(workToPosition, -1);
        Arrays.fill(workToGraph, -1);
        GraphIndex idx = graph.index();
        for (int gi = 0; gi < idx.size(); gi++) {
            int w = work.indexOf(idx.node(gi).id());
            if (w < 0) continue;
            workToGraph[w] = gi;
            workToPosition[w] = positionOfGraphNode[gi];
        }
    }

    /** Graph index of each work-graph node, -1 when the graph has none. */
    int[] workToGraph() {
        mapWork();
        return workToGraph;
    }

    /** Weight node -> position of its first runtime reader (through other weight nodes), as the plan places it. */
    private static int[] anchors(GraphIndex idx, int[] capDev, int[] position, int m) {
        int[] anchor = new int[idx.size()];
        Arrays.fill(anchor, -1);
        int[] topo = idx.topologicalOrder();
        for (int t = topo.length - 1; t >= 0; t--) {
            int i = topo[t];
            if (capDev[i] >= 0) continue;
            int best = Integer.MAX_VALUE;
            for (int s : idx.successors(i)) {
                int at = capDev[s] >= 0 ? position[s] : anchor[s];
                if (at >= 0) best = Math.min(best, at);
            }
            anchor[i] = best == Integer.MAX_VALUE ? Math.max(0, m - 1) : best;
        }
        return anchor;
    }

    /** The model cost of a full assignment (device per position): node costs plus one transfer per value and foreign reader device. */
    double costOf(int[] dev) {
        double total = 0;
        for (int k = 0; k < dev.length; k++) {
            total += cost[k][dev[k]];
            for (Input in : inputs[k]) {
                int from = dev[in.producer()];
                if (from == dev[k]) continue;
                boolean delivered = false;
                for (int r : in.readers()) if (r < k && dev[r] == dev[k]) delivered = true;
                if (!delivered) total += transfer(in.value(), from, dev[k]);
            }
        }
        return total;
    }
}
