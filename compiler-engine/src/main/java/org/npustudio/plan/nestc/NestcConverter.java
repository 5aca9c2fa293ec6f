package org.npustudio.plan.nestc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;

/**
 * Converts between NEST-C plans and NPU Studio plans. Import: one device per distinct backend string
 * ({@code VTA}, {@code VTA-0}…; kind cpu for CPU/Interpreter/Relay/LLVM, else npu; index = the first
 * logical id it runs under), the trailing partition that lists no nodes becomes the catch-all
 * {@code rest}. Export writes the catch-all as the trailing partition and counts it.
 */
public final class NestcConverter {
    private static final Set<String> HOST_BACKENDS = Set.of("CPU", "INTERPRETER", "RELAY", "LLVM");
    private static final Pattern SUFFIX = Pattern.compile("(.+)-(\\d+)");

    /** An imported plan, what was matched to the model and what was not. */
    public record Imported(Plan plan, List<String> warnings, int matched, List<String> unmatched) {}

    private NestcConverter() {}

    /**
     * @param graph the model's main graph to map Glow names onto, or null to keep the names as they are
     */
    public static Imported toPlan(NestcPlan raw, Graph graph, ModelRef model) {
        List<String> warnings = new ArrayList<>();
        int count = raw.numOfPartitions();
        Map<String, Device> devices = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String b = raw.backendNames().get(k);
            if (!devices.containsKey(b)) devices.put(b, deviceFor(b, firstId(raw.logicalIds().get(k))));
        }
        boolean trailingCatchAll = count > 0 && raw.nodesOf(count - 1).isEmpty();
        int explicit = trailingCatchAll ? count - 1 : count;
        if (!trailingCatchAll) {
            warnings.add("the last partition (" + raw.partitionNames().get(count - 1) + ") lists nodes; NEST-C counts a trailing"
                    + " catch-all partition, so exporting this plan back adds one");
        }
        GlowNames names = graph == null ? null : new GlowNames(graph);
        Map<String, String> owner = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        int matched = 0;
        List<Partition> partitions = new ArrayList<>();
        for (int k = 0; k < explicit; k++) {
            String pname = raw.partitionNames().get(k);
            LinkedHashSet<NodeRef> members = new LinkedHashSet<>();
            for (String glow : raw.nodesOf(k)) {
                if (names == null) {
                    members.add(NodeRef.named(glow));
                    continue;
                }
                Node n = names.resolve(glow);
                if (n == null) {
                    unmatched.add(glow);
                    members.add(NodeRef.named(glow));    // kept: binding lists it as not in the model
                    continue;
                }
                matched++;
                String prev = owner.putIfAbsent(n.id(), pname);
                if (prev == null) members.add(NodeRef.of(n));
                else if (!prev.equals(pname)) {
                    warnings.add("Glow node " + glow + " is ONNX node " + n.displayName() + ", already placed in " + prev
                            + " (Glow split it across partitions); it stays in " + prev);
                }
            }
            String b = raw.backendNames().get(k);
            partitions.add(new Partition(pname, b, "", List.copyOf(members), List.of(),
                    logical(raw.logicalIds().get(k), devices.get(b)), ""));
        }
        if (!unmatched.isEmpty()) {
            warnings.add(unmatched.size() + " of " + (matched + unmatched.size()) + " NEST-C node names match no node of the model"
                    + " (kept in the plan): " + String.join(", ", unmatched.subList(0, Math.min(10, unmatched.size())))
                    + (unmatched.size() > 10 ? ", …" : ""));
        }
        Partition rest;
        if (trailingCatchAll) {
            String b = raw.backendNames().get(count - 1);
            rest = new Partition(raw.partitionNames().get(count - 1), b, "", List.of(), List.of(),
                    logical(raw.logicalIds().get(count - 1), devices.get(b)), "");
        } else {
            Device host = devices.values().stream().filter(d -> d.kind() == DeviceKind.CPU).findFirst()
                    .orElse(devices.values().iterator().next());
            rest = Partition.of(freshName(raw.partitionNames()), host.name(), List.of());
        }
        ModelRef ref = model != null ? model : new ModelRef(raw.funcName(), "");
        Plan plan = new Plan(ref, List.copyOf(devices.values()), rest, partitions, raw.parallelPartitions(), PlanComments.NONE);
        return new Imported(plan, warnings, matched, unmatched);
    }

    /** The NEST-C form of a plan; node names are ONNX names (ids for unnamed nodes). */
    public static NestcPlan fromPlan(Plan plan, String funcName) throws StudioException {
        List<Partition> all = new ArrayList<>(plan.partitions());
        all.add(plan.rest());
        List<String> backends = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> logical = new ArrayList<>();
        List<NestcPlan.Assignment> n2p = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Partition p = all.get(k);
            Device d = plan.device(p.device());
            if (d == null) throw new StudioException("plan", "partition " + p.name(), "device '" + p.device() + "' is not defined");
            backends.add(backendString(d));
            names.add(p.name());
            List<Integer> ids = p.logicalIds().isEmpty() ? List.of(d.index()) : p.logicalIds();
            logical.add(String.join("-", ids.stream().map(String::valueOf).toList()));
            for (NodeRef r : p.nodes()) n2p.add(new NestcPlan.Assignment(r.name().isEmpty() ? r.id() : r.name(), k));
        }
        String func = funcName != null ? funcName : plan.model().file();
        return new NestcPlan(func, backends, names, n2p, logical, plan.parallel());
    }

    /**
     * What a NEST-C plan cannot carry, one warning line each: NEST-C's plan has no precision field (Glow takes
     * quantization from a separate profile), so partition and per-node precisions are dropped on export.
     */
    public static List<String> droppedOnExport(Plan plan) {
        List<String> out = new ArrayList<>();
        List<Partition> all = new ArrayList<>(plan.partitions());
        all.add(plan.rest());
        List<String> partitionLevel = new ArrayList<>();
        int nodeLevel = 0;
        List<String> nodeLevelIn = new ArrayList<>();
        for (Partition p : all) {
            if (!p.precision().isEmpty()) partitionLevel.add(p.name() + "=" + p.precision());
            if (!p.precisions().isEmpty()) {
                nodeLevel += p.precisions().size();
                nodeLevelIn.add(p.name());
            }
        }
        if (!partitionLevel.isEmpty()) {
            out.add("NEST-C plans have no precision field: partition precisions are not written (" + String.join(", ", partitionLevel) + ")");
        }
        if (nodeLevel > 0) {
            out.add("NEST-C plans have no precision field: " + nodeLevel + " per-node precision" + (nodeLevel == 1 ? " is" : "s are")
                    + " not written (partitions " + String.join(", ", nodeLevelIn) + ")");
        }
        return out;
    }

    /** NEST-C names devices by backend, with {@code -k} for one of several: keep names that already look so. */
    static String backendString(Device d) {
        String b = d.backend();
        if (b.isEmpty() || d.name().equals(b) || d.name().matches(Pattern.quote(b) + "-\\d+")) return d.name();
        return b;
    }

    private static Device deviceFor(String backendString, int index) {
        var m = SUFFIX.matcher(backendString);
        String backend = m.matches() ? m.group(1) : backendString;
        DeviceKind kind = HOST_BACKENDS.contains(backend.toUpperCase()) ? DeviceKind.CPU : DeviceKind.NPU;
        return new Device(backendString, kind, "", index, backend, 0, Set.of(), Set.of(), Set.of(), Set.of());
    }

    private static int firstId(String entry) {
        int dash = entry.indexOf('-');
        return Integer.parseInt(dash < 0 ? entry : entry.substring(0, dash));
    }

    /** Explicit ids only when they differ from the device's index, so plans stay short. */
    private static List<Integer> logical(String entry, Device d) {
        List<Integer> ids = new ArrayList<>();
        for (String s : entry.split("-")) ids.add(Integer.parseInt(s));
        return ids.equals(List.of(d.index())) ? List.of() : ids;
    }

    private static String freshName(List<String> taken) {
        for (int k = taken.size(); ; k++) if (!taken.contains("p" + k)) return "p" + k;
    }
}
