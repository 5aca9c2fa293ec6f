package org.npustudio.npusim.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.WorkNode;

/** The fusion groups of a run and, per node (topological index), its group or -1. */
public record Grouping(List<FusionGroup> groups, int[] groupOf) {

    public static Grouping none(int nodes) {
        int[] g = new int[nodes];
        Arrays.fill(g, -1);
        return new Grouping(List.of(), g);
    }

    /**
     * Checks and evaluates groups of node indices. Nodes on a CPU or on another device than the group's
     * first node are dropped with a warning; a group whose intermediates or weights do not fit is kept
     * for reporting but left unfused (everything goes through DRAM), with a warning naming it.
     */
    public static Grouping of(FusionContext ctx, List<int[]> groups, List<String> warnings) {
        int n = ctx.graph().size();
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        List<FusionGroup> out = new ArrayList<>();
        for (int[] members : groups) {
            List<Integer> kept = new ArrayList<>();
            Device device = null;
            for (int m : members) {
                WorkNode node = ctx.graph().node(m);
                Device d = ctx.device(m);
                if (groupOf[m] >= 0) {
                    warnings.add("fusion: node '" + node.id() + "' is in two groups; kept in the first");
                } else if (!d.isNpu()) {
                    warnings.add("fusion: node '" + node.id() + "' runs on CPU '" + d.name() + "' and is left out of its group");
                } else if (device != null && !device.name().equals(d.name())) {
                    warnings.add("fusion: node '" + node.id() + "' runs on '" + d.name() + "', not on its group's '" + device.name() + "'; left out");
                } else {
                    device = d;
                    kept.add(m);
                }
            }
            if (kept.isEmpty()) continue;
            int index = out.size();
            for (int m : kept) groupOf[m] = index;
            out.add(evaluate(ctx, index, device, kept, groupOf, warnings));
        }
        return new Grouping(List.copyOf(out), groupOf);
    }

    private static FusionGroup evaluate(FusionContext ctx, int index, Device device, List<Integer> members, int[] groupOf,
                                        List<String> warnings) {
        Set<String> internal = new LinkedHashSet<>();
        double footprint = 0;
        double weights = 0;
        double saved = 0;
        for (int m : members) {
            weights += ctx.weights(m);
            for (String v : ctx.graph().node(m).outputs()) {
                if (!v.isEmpty() && ctx.internalTo(v, i -> groupOf[i] == index)) {
                    internal.add(v);
                    footprint += ctx.footprint(v);
                    saved += ctx.savings(v);
                }
            }
        }
        List<String> ids = members.stream().map(m -> ctx.graph().node(m).id()).toList();
        boolean fits = footprint <= ctx.activationCapacity(device) && weights <= ctx.weightCapacity(device);
        if (!fits && members.size() > 1) {
            warnings.add("fusion group " + index + " " + ids + " needs " + (long) footprint + " B of activation SRAM and "
                    + (long) weights + " B of weight SRAM on '" + device.name() + "' (have " + (long) ctx.activationCapacity(device)
                    + " and " + (long) ctx.weightCapacity(device) + "): left unfused");
        }
        return new FusionGroup(index, device.name(), ids, Set.copyOf(internal), fits, footprint, weights, fits ? saved : 0);
    }
}
