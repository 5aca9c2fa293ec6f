package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.npustudio.analysis.NameScopes;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.npusim.sim.AsCompiled;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;

/**
 * The profiler's view of one simulation run: a row of metrics per simulated node (simulation order),
 * joined with the model (names, name scopes) and the partition each node belongs to, plus the run's
 * totals and schedule. Graph nodes the simulator returned nothing for are listed, never dropped.
 */
public final class Profile {
    private final String model;
    private final List<NodeMetrics> nodes;
    private final Map<String, NodeMetrics> byId = new HashMap<>();
    private final List<String> withoutResults;
    private final SimulationResult run;
    private final Map<String, List<String>> outputs;
    private final Map<String, List<String>> readers;

    private Profile(String model, List<NodeMetrics> nodes, List<String> withoutResults, SimulationResult run,
                    Map<String, List<String>> outputs, Map<String, List<String>> readers) {
        this.outputs = outputs;
        this.readers = readers;
        this.model = model;
        this.nodes = Collections.unmodifiableList(nodes);
        this.withoutResults = List.copyOf(withoutResults);
        this.run = run;
        for (NodeMetrics n : nodes) byId.put(n.id(), n);
    }

    /** Partitions default to the device a node ran on when no plan names them. */
    public static Profile of(SimulationResult run, Model model) {
        return of(run, model, (Function<String, String>) null);
    }

    /** With each node's partition from {@code plan}; nodes no partition lists are in its catch-all. Null plan: as {@link #of(SimulationResult, Model)}. */
    public static Profile of(SimulationResult run, Model model, org.npustudio.plan.Plan plan) {
        if (plan == null) return of(run, model);
        Map<String, String> of = plan.partitionByNode();
        String rest = plan.rest().name();
        return of(run, model, id -> of.getOrDefault(id, rest));
    }

    public static Profile of(SimulationResult run, Model model, Function<String, String> partitionOf) {
        Graph g = model.graph();
        Map<String, Node> graphNodes = new HashMap<>();
        for (Node n : g.nodes()) graphNodes.put(n.id(), n);
        double total = 0;
        for (NodeResult r : run.nodes()) if (r.costed()) total += r.latencySeconds();
        List<NodeMetrics> rows = new ArrayList<>(run.nodes().size());
        for (NodeResult r : run.nodes()) {
            Node n = graphNodes.get(r.id());
            String name = n == null ? r.id() : n.displayName();
            String partition = partitionOf == null ? r.device() : partitionOf.apply(r.id());
            rows.add(new NodeMetrics(r.id(), name, r.opType(), NameScopes.scopeSegments(name), r.device(),
                    partition == null ? r.device() : partition, r.fusionGroup(), r.latencySeconds() * 1e6,
                    total > 0 ? r.latencySeconds() / total : 0, r.cycles(), r.macs(), r.readBytes(), r.writeBytes(),
                    r.unfusedReadBytes() + r.unfusedWriteBytes(), r.utilisation(), r.bound().label(),
                    r.startSeconds() * 1e6, r.endSeconds() * 1e6, r.costed() ? null : r.uncosted().label(), r.costSource().label(), r.energyPj(),
                    r.compiled(), AsCompiled.absorber(r.compiled()), SimulationResult.precisionKey(r)));
        }
        List<String> missing = new ArrayList<>();
        for (Node n : g.nodes()) if (run.node(n.id()) == null) missing.add(n.id());
        Map<String, List<String>> outputs = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (Node n : g.nodes()) {
            outputs.put(n.id(), n.outputs());
            for (String v : n.inputs()) if (!v.isEmpty()) readers.computeIfAbsent(v, k -> new ArrayList<>()).add(n.id());
        }
        return new Profile(model.displayName(), rows, missing, run, outputs, readers);
    }

    public String model() { return model; }

    /** Whether the run costed the compiled graph (rows then say what each node became, {@link NodeMetrics#compiled()}). */
    public boolean asCompiled() {
        for (NodeMetrics n : nodes) if (n.compiled() != null) return true;
        return false;
    }

    public List<NodeMetrics> nodes() { return nodes; }

    public NodeMetrics node(String id) { return byId.get(id); }

    /** The node's name as the table shows it, or the id when the run has no such row. */
    public String displayName(String id) {
        NodeMetrics n = byId.get(id);
        return n == null ? id : n.name();
    }

    /** Graph nodes without a simulation result (drawn neutral, listed in reports). */
    public List<String> nodesWithoutResults() { return withoutResults; }

    public SimulationResult run() { return run; }

    /** The values a node produces (edge keys in the graph view). */
    public List<String> outputs(String nodeId) { return outputs.getOrDefault(nodeId, List.of()); }

    /** The nodes reading a value (empty for a graph output nobody reads). */
    public List<String> readers(String value) { return readers.getOrDefault(value, List.of()); }

    /** Summed latency of the costed nodes (µs); the end-to-end time is {@link #makespanMicros()}. */
    public double busyMicros() {
        double s = 0;
        for (NodeMetrics n : nodes) if (n.costed()) s += n.latencyMicros();
        return s;
    }

    /** Nodes whose cost is unknown (their sums are missing from every total, which are then lower bounds). */
    public int notCosted() {
        int c = 0;
        for (NodeMetrics n : nodes) if (!n.costed()) c++;
        return c;
    }

    /** "3 ops not costed: 2 unknown shape, 1 opaque op", or "" when all are costed. */
    public String notCostedSummary() { return run.total().uncostedSummary(); }

    public double makespanMicros() { return run.total().makespanSeconds() * 1e6; }

    /** The run's energy in pJ: the nodes' plus the host-link transfers (docs/energy-area.md). */
    public double energyPj() { return run.total().energyPj(); }

    /** Area of the run's NPUs, mm² (0 when it ran on CPUs only). */
    public double areaMm2() { return run.total().areaMm2(); }

    public double sum(Metric m) {
        double s = 0;
        for (NodeMetrics n : nodes) {
            double v = m.of(n);
            if (!Double.isNaN(v)) s += v;
        }
        return s;
    }
}
