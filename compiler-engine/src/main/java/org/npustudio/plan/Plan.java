package org.npustudio.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partition plan: which model it is for, the devices, the ordered partitions and the catch-all
 * partition {@code rest} that receives every node no partition lists (NEST-C's trailing partition).
 * Immutable; every edit returns a new plan, so undo/redo is keeping old plans. Edits keep each node in
 * at most one partition: a node added somewhere leaves where it was.
 *
 * @param parallel groups of partition names a runtime may run concurrently (NEST-C parallelPartitions)
 */
public record Plan(ModelRef model, List<Device> devices, Partition rest, List<Partition> partitions,
                   List<List<String>> parallel, PlanComments comments) {
    public static final String DEFAULT_REST = "rest";

    public Plan {
        model = model == null ? ModelRef.UNKNOWN : model;
        devices = List.copyOf(devices);
        if (rest == null) throw new IllegalArgumentException("a plan needs a catch-all partition");
        if (!rest.nodes().isEmpty()) throw new IllegalArgumentException("the catch-all partition lists no nodes");
        partitions = List.copyOf(partitions);
        List<List<String>> p = new ArrayList<>();
        if (parallel != null) for (List<String> g : parallel) p.add(List.copyOf(g));
        parallel = List.copyOf(p);
        comments = comments == null ? PlanComments.NONE : comments;
        Set<String> names = new LinkedHashSet<>();
        for (Device d : devices) {
            if (!names.add(d.name())) throw new IllegalArgumentException("device '" + d.name() + "' is defined twice");
        }
        names.clear();
        names.add(rest.name());
        for (Partition part : partitions) {
            if (!names.add(part.name())) throw new IllegalArgumentException("partition '" + part.name() + "' is defined twice");
        }
    }

    /** An empty plan: every node on {@code defaultDevice}. */
    public static Plan empty(ModelRef model, List<Device> devices, String defaultDevice) {
        return new Plan(model, devices, Partition.of(DEFAULT_REST, defaultDevice, List.of()), List.of(), List.of(), PlanComments.NONE);
    }

    public Device device(String name) {
        for (Device d : devices) if (d.name().equals(name)) return d;
        return null;
    }

    /** The explicit partition with this name, or null. */
    public Partition partition(String name) {
        for (Partition p : partitions) if (p.name().equals(name)) return p;
        return null;
    }

    /** Node id -> partition name for every listed node; nodes not listed belong to {@link #rest()}. */
    public Map<String, String> partitionByNode() {
        Map<String, String> m = new java.util.HashMap<>();
        for (Partition p : partitions) for (NodeRef r : p.nodes()) m.putIfAbsent(r.id(), p.name());
        return m;
    }

    /** Name of the explicit partition listing this node id, or null. */
    public String partitionOf(String nodeId) {
        for (Partition p : partitions) for (NodeRef r : p.nodes()) if (r.id().equals(nodeId)) return p.name();
        return null;
    }

    /** {@code base}, or {@code base_2}, {@code base_3}… whichever is not yet a partition name. */
    public String freshPartitionName(String base) {
        Set<String> taken = new LinkedHashSet<>();
        taken.add(rest.name());
        for (Partition p : partitions) taken.add(p.name());
        if (!taken.contains(base)) return base;
        for (int k = 2; ; k++) if (!taken.contains(base + "_" + k)) return base + "_" + k;
    }

    // ---- edits -------------------------------------------------------------------------------

    public Plan withModel(ModelRef m) { return new Plan(m, devices, rest, partitions, parallel, comments); }

    public Plan withDevices(List<Device> ds) { return new Plan(model, ds, rest, partitions, parallel, comments); }

    public Plan withRest(Partition r) { return new Plan(model, devices, r, partitions, parallel, comments); }

    public Plan withPartitions(List<Partition> ps) { return new Plan(model, devices, rest, ps, parallel, comments); }

    public Plan withParallel(List<List<String>> groups) { return new Plan(model, devices, rest, partitions, groups, comments); }

    public Plan withComments(PlanComments c) { return new Plan(model, devices, rest, partitions, parallel, c); }

    /** A new partition at the end holding {@code nodes} (taken out of any other partition). */
    public Plan createPartition(String name, String device, Collection<NodeRef> nodes) {
        requireNewName(name);
        Set<String> ids = idsOf(nodes);
        Map<String, String> carried = nodePrecisions(ids);
        List<Partition> ps = without(ids);
        ps.add(withOverrides(Partition.of(name, device, List.copyOf(new LinkedHashSet<>(nodes))), carried));
        return new Plan(model, devices, rest.withoutNodePrecision(ids), ps, parallel, comments);
    }

    /** Adds nodes to an existing partition (moving them out of others). */
    public Plan addNodes(String partition, Collection<NodeRef> nodes) {
        int at = indexOf(partition);
        Set<String> ids = idsOf(nodes);
        Map<String, String> carried = nodePrecisions(ids);
        List<Partition> ps = without(ids);
        Partition target = ps.get(at);
        List<NodeRef> members = new ArrayList<>(target.nodes());
        members.addAll(new LinkedHashSet<>(nodes));
        ps.set(at, withOverrides(target.withNodes(members), carried));
        return new Plan(model, devices, rest.withoutNodePrecision(ids), ps, parallel, comments);
    }

    /** Takes nodes out of whatever partition lists them; they fall back to {@link #rest()}. */
    public Plan removeNodes(Collection<String> nodeIds) {
        Set<String> ids = new LinkedHashSet<>(nodeIds);
        Map<String, String> carried = nodePrecisions(ids);
        return new Plan(model, devices, withOverrides(rest, carried), without(ids), parallel, comments);
    }

    /** {@code second}'s nodes join {@code first}, which keeps its name, device and position. */
    public Plan merge(String first, String second) {
        if (first.equals(second)) throw new IllegalArgumentException("cannot merge partition '" + first + "' with itself");
        Partition a = partitions.get(indexOf(first));
        Partition b = partitions.get(indexOf(second));
        List<NodeRef> members = new ArrayList<>(a.nodes());
        members.addAll(b.nodes());
        List<List<String>> groups = new ArrayList<>(a.fusionGroups());
        groups.addAll(b.fusionGroups());
        String notes = a.notes().isEmpty() ? b.notes() : b.notes().isEmpty() ? a.notes() : a.notes() + "\n" + b.notes();
        List<Partition> ps = new ArrayList<>();
        for (Partition p : partitions) {
            if (p.name().equals(first)) ps.add(withOverrides(a.withNodes(members).withFusionGroups(groups).withNotes(notes), b.precisions()));
            else if (!p.name().equals(second)) ps.add(p);
        }
        return withPartitions(ps).withParallel(renamedGroups(second, first));
    }

    /** Moves {@code cut} (node ids of {@code partition}) into a new partition {@code newName} right after it. */
    public Plan split(String partition, Collection<String> cut, String newName) {
        requireNewName(newName);
        int at = indexOf(partition);
        Partition p = partitions.get(at);
        Set<String> cutIds = new LinkedHashSet<>(cut);
        List<NodeRef> stay = new ArrayList<>();
        List<NodeRef> go = new ArrayList<>();
        for (NodeRef r : p.nodes()) (cutIds.contains(r.id()) ? go : stay).add(r);
        if (go.size() != cutIds.size()) throw new IllegalArgumentException("the cut names nodes that are not in partition '" + partition + "'");
        if (go.isEmpty() || stay.isEmpty()) throw new IllegalArgumentException("a split must leave nodes on both sides");
        List<Partition> ps = new ArrayList<>(partitions);
        ps.set(at, p.withNodes(stay));
        ps.add(at + 1, new Partition(newName, p.device(), p.precision(), List.of(), List.of(), p.logicalIds(), "", p.precisions()).withNodes(go));
        return withPartitions(ps);
    }

    public Plan rename(String oldName, String newName) {
        if (oldName.equals(newName)) return this;
        requireNewName(newName);
        if (rest.name().equals(oldName)) {
            return new Plan(model, devices, rest.withName(newName), partitions, renamedGroups(oldName, newName),
                    comments.renamePartition(oldName, newName));
        }
        int at = indexOf(oldName);
        List<Partition> ps = new ArrayList<>(partitions);
        ps.set(at, ps.get(at).withName(newName));
        return new Plan(model, devices, rest, ps, renamedGroups(oldName, newName), comments.renamePartition(oldName, newName));
    }

    /** Removes a partition; its nodes fall back to {@link #rest()}. */
    public Plan delete(String name) {
        int at = indexOf(name);
        List<Partition> ps = new ArrayList<>(partitions);
        ps.remove(at);
        return withPartitions(ps).withParallel(renamedGroups(name, null));
    }

    public Plan assignDevice(String partition, String device) {
        if (device(device) == null) throw new IllegalArgumentException("no device named '" + device + "'");
        if (rest.name().equals(partition)) return withRest(rest.withDevice(device));
        return replace(partition, partitions.get(indexOf(partition)).withDevice(device));
    }

    public Plan assignPrecision(String partition, String precision) {
        if (rest.name().equals(partition)) return withRest(rest.withPrecision(precision));
        return replace(partition, partitions.get(indexOf(partition)).withPrecision(precision));
    }

    /**
     * Runs these nodes at {@code precision} (a key such as {@code int4w8a}) whatever their partition's precision:
     * the entry goes to the partition listing each node, or to the catch-all for unlisted nodes. An empty key
     * removes the entries, so the nodes take their partition's precision again.
     */
    public Plan assignNodePrecision(Collection<String> nodeIds, String precision) {
        Map<String, List<String>> byPartition = new java.util.LinkedHashMap<>();
        Map<String, String> owner = partitionByNode();
        for (String id : nodeIds) byPartition.computeIfAbsent(owner.getOrDefault(id, rest.name()), k -> new ArrayList<>()).add(id);
        Plan out = this;
        for (Map.Entry<String, List<String>> e : byPartition.entrySet()) {
            Partition p = e.getKey().equals(rest.name()) ? out.rest : out.partitions.get(out.indexOf(e.getKey()));
            Partition changed = p.withNodePrecision(e.getValue(), precision);
            out = p == out.rest ? out.withRest(changed) : out.replace(e.getKey(), changed);
        }
        return out;
    }

    public Plan setNotes(String partition, String notes) {
        if (rest.name().equals(partition)) return withRest(rest.withNotes(notes));
        return replace(partition, partitions.get(indexOf(partition)).withNotes(notes));
    }

    private Plan replace(String name, Partition p) {
        List<Partition> ps = new ArrayList<>(partitions);
        ps.set(indexOf(name), p);
        return withPartitions(ps);
    }

    private int indexOf(String name) {
        for (int i = 0; i < partitions.size(); i++) if (partitions.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("no partition named '" + name + "'");
    }

    private void requireNewName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a partition needs a name");
        if (rest.name().equals(name) || partition(name) != null) {
            throw new IllegalArgumentException("a partition named '" + name + "' already exists");
        }
    }

    private static Set<String> idsOf(Collection<NodeRef> nodes) {
        Set<String> s = new LinkedHashSet<>();
        for (NodeRef r : nodes) s.add(r.id());
        return s;
    }

    /** The per-node precision entries of these nodes, wherever they are (a moved node keeps its precision). */
    private Map<String, String> nodePrecisions(Set<String> ids) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Partition p : partitions) for (var e : p.precisions().entrySet()) if (ids.contains(e.getKey())) out.put(e.getKey(), e.getValue());
        for (var e : rest.precisions().entrySet()) if (ids.contains(e.getKey())) out.putIfAbsent(e.getKey(), e.getValue());
        return out;
    }

    private static Partition withOverrides(Partition p, Map<String, String> overrides) {
        Partition out = p;
        for (var e : overrides.entrySet()) out = out.withNodePrecision(List.of(e.getKey()), e.getValue());
        return out;
    }

    /** Partitions with these ids removed from their members. */
    private List<Partition> without(Set<String> ids) {
        List<Partition> ps = new ArrayList<>(partitions.size() + 1);
        for (Partition p : partitions) {
            boolean touches = false;
            for (NodeRef r : p.nodes()) if (ids.contains(r.id())) { touches = true; break; }
            ps.add(touches ? p.withNodes(p.nodes().stream().filter(r -> !ids.contains(r.id())).toList()) : p);
        }
        return ps;
    }

    /** Parallel groups with a partition renamed (or removed when {@code to} is null); groups under two entries go. */
    private List<List<String>> renamedGroups(String from, String to) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> g : parallel) {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (String n : g) {
                if (!n.equals(from)) names.add(n);
                else if (to != null) names.add(to);
            }
            if (names.size() >= 2) out.add(List.copyOf(names));
        }
        return out;
    }
}
