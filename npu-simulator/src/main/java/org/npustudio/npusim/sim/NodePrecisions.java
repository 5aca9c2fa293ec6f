package org.npustudio.npusim.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.passes.Lineage;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;

/**
 * The precision a plan chose for each node (its own entry, else its partition's; docs/partition-format.md,
 * "Precision"), without a graph: listed nodes by id, every other node as the catch-all says. Null means the
 * plan chose nothing, so the node runs at its device's default. Whether the device offers the choice is the
 * simulator's business (it warns and takes the default).
 *
 * @param byNode   node id -> chosen precision, null values for listed nodes with no choice
 * @param rest     precision of nodes no partition lists and the catch-all names no entry for (may be null)
 * @param restById the catch-all's own entries
 */
public record NodePrecisions(Map<String, Precision> byNode, Precision rest, Map<String, Precision> restById) {
    public static final NodePrecisions NONE = new NodePrecisions(Map.of(), null, Map.of());

    /** The plan's choices; keys no {@link Precision} models are left out with one warning each. */
    public static NodePrecisions of(Plan plan, List<String> warnings) {
        Map<String, Precision> byNode = new HashMap<>();
        for (Partition p : plan.partitions()) for (NodeRef n : p.nodes()) byNode.put(n.id(), parse(p.precisionOf(n.id()), warnings));
        Map<String, Precision> restById = new HashMap<>();
        for (var e : plan.rest().precisions().entrySet()) restById.put(e.getKey(), parse(e.getValue(), warnings));
        return new NodePrecisions(byNode, parse(plan.rest().precision(), warnings), restById);
    }

    /** The chosen precision of node {@code id}, or null: its device's default. */
    public Precision of(String id) {
        if (byNode.containsKey(id)) return byNode.get(id);
        return restById.getOrDefault(id, rest);
    }

    public boolean isEmpty() {
        return rest == null && restById.values().stream().allMatch(java.util.Objects::isNull)
                && byNode.values().stream().allMatch(java.util.Objects::isNull);
    }

    /** The choices moved onto a compiled graph: each compiled node takes its first original's. */
    public NodePrecisions onCompiled(Graph compiled, Lineage lineage) {
        if (isEmpty()) return NONE;
        Map<String, Precision> m = new HashMap<>();
        for (Node n : compiled.nodes()) {
            List<String> originals = lineage.originalsOf(n.id());
            String primary = originals.isEmpty() ? n.id() : originals.contains(n.id()) ? n.id() : originals.get(0);
            m.put(n.id(), of(primary));
        }
        return new NodePrecisions(m, rest, Map.of());
    }

    private static Precision parse(String key, List<String> warnings) {
        if (key == null || key.isBlank()) return null;
        Precision p = Precision.parse(key);
        if (p == null && !warnings.contains(unknown(key))) warnings.add(unknown(key));
        return p;
    }

    private static String unknown(String key) {
        return "precision '" + key + "' is not one the simulator models (" + Precision.validKeys() + "); using the device's default";
    }
}
