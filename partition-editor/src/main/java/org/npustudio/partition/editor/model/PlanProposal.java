package org.npustudio.partition.editor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.npusim.optimise.Optimised;
import org.npustudio.plan.Device;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;

/**
 * An optimised plan as a proposal against the plan being edited: one row per proposed partition saying
 * where its nodes are now, whether anything changes and what the optimiser's choices inside it save; and
 * the plan that results from accepting all of it or some partitions only. Accepting a partition moves
 * its nodes into a new partition on the proposed device with the proposed fusion groups; partitions left
 * empty go. A partial accept can be illegal (a mix of two covers): the editor's validator says so.
 */
public final class PlanProposal {
    /**
     * @param current where the nodes are in the plan being edited, e.g. "p3 (npu0), rest (cpu)"
     * @param changed false when the partition already exists as proposed (members, device and fusion groups)
     * @param saving  the optimiser's choices inside this partition (objective units; 0 when none)
     */
    public record Row(String partition, String device, int nodes, int fusionGroups, String current, boolean changed, double saving) {}

    private final Plan current;
    private final Optimised optimised;
    private final List<Row> rows = new ArrayList<>();

    public PlanProposal(Plan current, Optimised optimised) {
        this.current = current;
        this.optimised = optimised;
        Map<String, String> where = current.partitionByNode();
        Map<String, Double> saving = optimised.savingByPartition();
        for (Partition p : optimised.plan().partitions()) {
            Set<String> now = new LinkedHashSet<>();
            for (NodeRef n : p.nodes()) {
                String name = where.getOrDefault(n.id(), current.rest().name());
                Partition cp = current.partition(name);
                now.add(name + " (" + (cp == null ? current.rest().device() : cp.device()) + ")");
            }
            rows.add(new Row(p.name(), p.device(), p.nodes().size(), p.fusionGroups().size(), String.join(", ", now), !existsAsIs(p),
                    saving.getOrDefault(p.name(), 0.0)));
        }
    }

    public Optimised optimised() { return optimised; }

    public List<Row> rows() { return List.copyOf(rows); }

    public Plan acceptAll() {
        return optimised.plan().withComments(current.comments());
    }

    /** The current plan with the named proposed partitions taken over. */
    public Plan accept(Collection<String> partitions) {
        Plan p = withDevicesOf(current, optimised.plan());
        for (Partition proposed : optimised.plan().partitions()) {
            if (!partitions.contains(proposed.name()) || proposed.nodes().isEmpty() || existsAsIs(proposed)) continue;
            String name = p.freshPartitionName(proposed.name());
            p = p.createPartition(name, proposed.device(), proposed.nodes());
            Partition made = p.partition(name).withFusionGroups(proposed.fusionGroups());
            List<Partition> ps = new ArrayList<>();
            for (Partition x : p.partitions()) if (!x.nodes().isEmpty()) ps.add(x.name().equals(name) ? made : x);
            p = p.withPartitions(ps);
        }
        return p;
    }

    private boolean existsAsIs(Partition proposed) {
        for (Partition c : current.partitions()) {
            if (c.device().equals(proposed.device()) && c.nodeIds().equals(proposed.nodeIds())
                    && Set.copyOf(c.fusionGroups()).equals(Set.copyOf(proposed.fusionGroups()))) return true;
        }
        return false;
    }

    /** The plan's devices plus any the proposal uses that it lacks. */
    private static Plan withDevicesOf(Plan plan, Plan proposal) {
        Map<String, Device> ds = new LinkedHashMap<>();
        for (Device d : plan.devices()) ds.put(d.name(), d);
        for (Device d : proposal.devices()) ds.putIfAbsent(d.name(), d.withIndex(ds.size()));
        return ds.size() == plan.devices().size() ? plan : plan.withDevices(List.copyOf(ds.values()));
    }
}
