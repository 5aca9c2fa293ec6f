package org.npustudio.npusim.cost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.npustudio.host.HostMachine;
import org.npustudio.host.HostProfile;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.plan.ModelRef;

/**
 * Measured CPU latencies by node id, bound to one model: the simulator's CPU device uses them instead of
 * the roofline (labelled {@link CostSource#MEASURED}). Binding checks the profile against the opened model
 * and this machine and warns, naming both values, when they differ (docs/host-profile.md):
 * <ul>
 * <li>another model (SHA-256 differs): the profile is still used, but only for nodes whose id and op type
 *     both match; the others stay modelled and are counted in the warning;</li>
 * <li>another CPU: used as given (a profile from the target host is a legitimate input), with a warning.</li>
 * </ul>
 */
public final class HostCosts {
    public static final HostCosts NONE = new HostCosts(null, Map.of());

    private final HostProfile profile;
    private final Map<String, Double> seconds;

    private HostCosts(HostProfile profile, Map<String, Double> seconds) {
        this.profile = profile;
        this.seconds = seconds;
    }

    /**
     * The profile's times for the nodes of {@code graph}; warnings about a different model or machine are
     * added to {@code warnings}.
     *
     * @param opened the model file the graph came from (null or {@link ModelRef#UNKNOWN}: no hash check)
     */
    public static HostCosts bind(HostProfile p, String source, WorkGraph graph, ModelRef opened, List<String> warnings) {
        if (p == null) return NONE;
        warnings.addAll(p.mismatches(source, opened, HostMachine.cpuName()));
        Map<String, HostProfile.NodeTime> byId = p.byId();
        Map<String, Double> s = new HashMap<>();
        int skipped = 0;
        for (int i = 0; i < graph.size(); i++) {
            WorkNode n = graph.node(i);
            HostProfile.NodeTime t = byId.get(n.id());
            if (t == null) continue;
            if (!t.op().equals(n.opType())) {
                skipped++;
                continue;
            }
            s.put(n.id(), t.medianMicros() * 1e-6);
        }
        if (skipped > 0) warnings.add(source + ": " + skipped + " measured node(s) have another op type in this model; they stay modelled");
        return new HostCosts(p, s);
    }

    /** Measured latency of a node in seconds, when the profile has it. */
    public OptionalDouble seconds(String nodeId) {
        Double v = seconds.get(nodeId);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The profile behind these costs (null for {@link #NONE}). */
    public HostProfile profile() { return profile; }

    /** Number of nodes with a measured time. */
    public int size() { return seconds.size(); }
}
