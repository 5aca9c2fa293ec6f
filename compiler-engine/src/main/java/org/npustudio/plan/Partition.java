package org.npustudio.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One partition of a plan.
 *
 * @param name         unique within the plan; also the exported file's name
 * @param device       name of a device of the plan
 * @param precision    e.g. {@code int8}, {@code fp16}, {@code fp32}; empty = the device's default
 * @param nodes        members in plan order
 * @param fusionGroups node ids the backend should fuse, each a list of members
 * @param logicalIds   NEST-C logical device ids when they differ from the device's index; usually empty
 * @param notes        free text
 * @param precisions   node id -> precision key for members that do not run at {@code precision} (mixed
 *                     precision); in the catch-all, for nodes no partition lists. Insertion order is kept.
 */
public record Partition(String name, String device, String precision, List<NodeRef> nodes,
                        List<List<String>> fusionGroups, List<Integer> logicalIds, String notes,
                        Map<String, String> precisions) {
    public Partition(String name, String device, String precision, List<NodeRef> nodes,
                     List<List<String>> fusionGroups, List<Integer> logicalIds, String notes) {
        this(name, device, precision, nodes, fusionGroups, logicalIds, notes, Map.of());
    }

    public Partition {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a partition needs a name");
        device = device == null ? "" : device;
        precision = precision == null ? "" : precision;
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
        List<List<String>> groups = new ArrayList<>();
        if (fusionGroups != null) for (List<String> g : fusionGroups) groups.add(List.copyOf(g));
        fusionGroups = List.copyOf(groups);
        logicalIds = List.copyOf(logicalIds == null ? List.of() : logicalIds);
        notes = notes == null ? "" : notes;
        precisions = Collections.unmodifiableMap(new LinkedHashMap<>(precisions == null ? Map.of() : precisions));
    }

    public static Partition of(String name, String device, List<NodeRef> nodes) {
        return new Partition(name, device, "", nodes, List.of(), List.of(), "");
    }

    public Set<String> nodeIds() {
        Set<String> s = new LinkedHashSet<>();
        for (NodeRef r : nodes) s.add(r.id());
        return s;
    }

    public Partition withName(String n) { return new Partition(n, device, precision, nodes, fusionGroups, logicalIds, notes, precisions); }

    public Partition withDevice(String d) { return new Partition(name, d, precision, nodes, fusionGroups, logicalIds, notes, precisions); }

    public Partition withPrecision(String p) { return new Partition(name, device, p, nodes, fusionGroups, logicalIds, notes, precisions); }

    public Partition withNotes(String n) { return new Partition(name, device, precision, nodes, fusionGroups, logicalIds, n, precisions); }

    public Partition withLogicalIds(List<Integer> ids) { return new Partition(name, device, precision, nodes, fusionGroups, ids, notes, precisions); }

    public Partition withFusionGroups(List<List<String>> g) { return new Partition(name, device, precision, nodes, g, logicalIds, notes, precisions); }

    /** Same partition with these members; fusion groups keep only members that remain (groups under two nodes go). */
    public Partition withNodes(List<NodeRef> members) {
        Set<String> ids = new LinkedHashSet<>();
        for (NodeRef r : members) ids.add(r.id());
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : fusionGroups) {
            List<String> kept = g.stream().filter(ids::contains).toList();
            if (kept.size() >= 2) groups.add(kept);
        }
        Map<String, String> kept = new LinkedHashMap<>(precisions);
        kept.keySet().retainAll(ids);
        return new Partition(name, device, precision, members, groups, logicalIds, notes, kept);
    }

    /** The precision key node {@code id} runs at: its own entry, else the partition's (empty = the device's default). */
    public String precisionOf(String id) {
        return precisions.getOrDefault(id, precision);
    }

    /** These nodes at {@code key}; an empty key, or the partition's own precision, removes their entries. */
    public Partition withNodePrecision(Collection<String> ids, String key) {
        Map<String, String> m = new LinkedHashMap<>(precisions);
        for (String id : ids) {
            if (key == null || key.isEmpty() || key.equals(precision)) m.remove(id);
            else m.put(id, key);
        }
        return new Partition(name, device, precision, nodes, fusionGroups, logicalIds, notes, m);
    }

    /** Without the entries of these nodes (they moved to another partition). */
    public Partition withoutNodePrecision(Collection<String> ids) {
        if (Collections.disjoint(precisions.keySet(), ids)) return this;
        return withNodePrecision(ids, "");
    }
}
