package org.npustudio.npusim.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.npusim.cost.Bound;
import org.npustudio.npusim.cost.CostSource;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.fusion.FusionGroup;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.passes.Lineage;

/**
 * Costs of the compiled graph told on the opened graph's nodes, through the pipeline's {@link Lineage}: a
 * compiled node's cost goes to its first original (the one with its id, else the first in file order:
 * the Conv of a FusedConv), whose row says what it became; every other original it absorbed shows 0 and
 * where it went; a node the pipeline removed shows 0 and the pass. Sums are unchanged (absorbed rows add
 * nothing), so totals are the compiled graph's. Plans name opened nodes: their devices and fusion groups
 * move the other way, onto compiled ids.
 */
public final class AsCompiled {
    private AsCompiled() {}

    /** {@code compiled} (a run on the compiled graph) as rows of {@code opened}'s nodes, in its topological order. */
    public static SimulationResult mapBack(SimulationResult compiled, Graph opened, Lineage lineage, DeviceAssignment openedDevices) {
        Map<String, NodeResult> byOriginal = new HashMap<>();
        Map<String, String> primaryOf = new HashMap<>();
        List<NodeResult> added = new ArrayList<>();
        for (NodeResult c : compiled.nodes()) {
            List<String> originals = lineage.originalsOf(c.id());
            if (originals.isEmpty()) {
                String by = lineage.addedBy(c.id());
                added.add(with(c, c.id(), c.opType(), by == null ? "unchanged" : "added by " + by));
                continue;
            }
            String primary = originals.contains(c.id()) ? c.id() : originals.get(0);
            primaryOf.put(c.id(), primary);
            for (String o : originals) {
                Lineage.Fate f = lineage.fate(o);
                byOriginal.put(o, o.equals(primary)
                        ? with(c, o, f.opType(), describe(c, originals, primary, lineage))
                        : absorbed(c, o, f.opType(), verb(f.pass()) + " into '" + primary + "' (" + f.pass() + ")"));
            }
        }
        String fallbackDevice = compiled.perDevice().keySet().stream().findFirst().orElse("");
        Set<String> npus = new java.util.HashSet<>();
        for (NodeResult c : compiled.nodes()) if (c.onNpu()) npus.add(c.device());
        List<NodeResult> rows = new ArrayList<>();
        for (Node n : opened.topologicalOrder()) {
            NodeResult r = byOriginal.get(n.id());
            if (r == null) {
                Lineage.Fate f = lineage.fate(n.id());
                String device = openedDevices != null ? openedDevices.deviceFor(n.id()) : fallbackDevice;
                r = removed(n, device, npus.contains(device), f == null || f.pass() == null ? "removed by the pipeline" : "removed by " + f.pass());
            }
            rows.add(r);
        }
        rows.addAll(added);
        Map<String, List<NodeResult>> byDevice = new LinkedHashMap<>();
        for (String d : compiled.perDevice().keySet()) byDevice.put(d, new ArrayList<>());
        for (NodeResult r : rows) byDevice.computeIfAbsent(r.device(), k -> new ArrayList<>()).add(r);
        Map<String, Totals> perDevice = new LinkedHashMap<>();
        for (var e : byDevice.entrySet()) {
            Totals was = compiled.perDevice().get(e.getKey());
            Totals t = Totals.of(e.getKey(), e.getValue());
            perDevice.put(e.getKey(), was == null ? t : t.withLinkAndArea(was.energy().hostLinkPj(), was.areaMm2()));
        }
        Totals total = Totals.of("model", rows).withMakespan(compiled.total().makespanSeconds())
                .withLinkAndArea(compiled.total().energy().hostLinkPj(), compiled.total().areaMm2());
        List<FusionGroup> groups = new ArrayList<>();
        for (FusionGroup g : compiled.groups()) {
            groups.add(new FusionGroup(g.index(), g.device(), g.nodes().stream().map(id -> primaryOf.getOrDefault(id, id)).toList(),
                    g.internal(), g.fused(), g.footprintBytes(), g.weightBytes(), g.savedBytes()));
        }
        List<ScheduleEntry> schedule = new ArrayList<>();
        for (ScheduleEntry e : compiled.schedule()) {
            schedule.add(e.kind() == ScheduleEntry.Kind.OP
                    ? new ScheduleEntry(e.lane(), e.kind(), primaryOf.getOrDefault(e.name(), e.name()), e.from(), e.to(), e.startSeconds(), e.endSeconds(), e.bytes())
                    : e);
        }
        return new SimulationResult(compiled.model(), List.copyOf(rows), perDevice, total, List.copyOf(groups), List.copyOf(schedule), compiled.warnings(),
                compiled.devices());
    }

    /** The plan's devices (keyed by opened ids) for the compiled nodes: each runs where its first original was placed. */
    public static DeviceAssignment onCompiled(DeviceAssignment opened, Graph compiled, Lineage lineage) {
        Map<String, String> byNode = new LinkedHashMap<>();
        for (Node n : compiled.nodes()) {
            List<String> originals = lineage.originalsOf(n.id());
            if (originals.isEmpty()) continue;
            String primary = originals.contains(n.id()) ? n.id() : originals.get(0);
            String device = opened.deviceFor(primary);
            if (!device.equals(opened.defaultDevice())) byNode.put(n.id(), device);
        }
        return new DeviceAssignment(opened.defaultDevice(), byNode);
    }

    /** Fusion groups of opened ids as groups of the compiled nodes that now do their work. */
    public static FusionPlan onCompiled(FusionPlan opened, Lineage lineage) {
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : opened.groups()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : g) {
                Lineage.Fate f = lineage.fate(id);
                if (f == null) ids.add(id); // unknown to the model: the simulator warns about it
                else if (!f.removed()) ids.add(f.node());
            }
            groups.add(List.copyOf(ids));
        }
        return new FusionPlan(groups);
    }

    /**
     * The node whose row carries this one's cost, read from an absorbed row's {@code compiled} note ("folded
     * into 'conv1' (fold-batchnorm)" → conv1); null for any other note (its own cost, removed, as written).
     */
    public static String absorber(String compiled) {
        if (compiled == null) return null;
        java.util.regex.Matcher m = ABSORBED.matcher(compiled);
        return m.matches() ? m.group(1) : null;
    }

    /** What {@link #absorbed} writes: "VERB into 'ID' (PASS)". */
    private static final java.util.regex.Pattern ABSORBED = java.util.regex.Pattern.compile("(?:folded|fused|merged) into '(.*)' \\([^()]*\\)");

    /** "Conv + folded BatchNormalization 'bn1' + fused Relu 'relu1' (runs as FusedConv)", or "unchanged". */
    private static String describe(NodeResult c, List<String> originals, String primary, Lineage lineage) {
        String own = lineage.fate(primary).opType();
        StringBuilder b = new StringBuilder(own);
        for (String o : originals) {
            if (o.equals(primary)) continue;
            Lineage.Fate f = lineage.fate(o);
            b.append(" + ").append(verb(f.pass())).append(' ').append(f.opType()).append(" '").append(o).append('\'');
        }
        if (!c.opType().equals(own)) b.append(" (runs as ").append(c.opType()).append(')');
        return originals.size() == 1 && c.opType().equals(own) ? "unchanged" : b.toString();
    }

    /** How a pass's name reads as what it did: fold-batchnorm folded, fuse-activation fused, merge-pad merged. */
    private static String verb(String pass) {
        if (pass == null) return "merged";
        if (pass.startsWith("fold")) return "folded";
        if (pass.startsWith("fuse") || pass.contains("-to-")) return "fused";
        return "merged";
    }

    private static NodeResult with(NodeResult c, String id, String opType, String compiled) {
        return new NodeResult(id, opType, c.device(), c.onNpu(), c.cycles(), c.latencySeconds(), c.macs(), c.readBytes(), c.writeBytes(),
                c.weightReadBytes(), c.featureMapBytes(), c.unfusedReadBytes(), c.unfusedWriteBytes(), c.unfusedFeatureMapBytes(),
                c.sramPeakBytes(), c.utilisation(), c.bound(), c.fusionGroup(), c.startSeconds(), c.endSeconds(), c.gemm(), c.sram(),
                c.uncosted(), c.costSource(), compiled, c.energy(), c.precision());
    }

    /** A node whose work its absorber does: no cost of its own, at the absorber's end on its device. */
    private static NodeResult absorbed(NodeResult c, String id, String opType, String compiled) {
        return new NodeResult(id, opType, c.device(), c.onNpu(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Bound.NONE, c.fusionGroup(),
                c.endSeconds(), c.endSeconds(), null, null, null, c.costSource(), compiled, Energy.ZERO, c.precision());
    }

    private static NodeResult removed(Node n, String device, boolean npu, String compiled) {
        return new NodeResult(n.id(), n.opType(), device, npu, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Bound.NONE, -1, 0, 0, null, null, null,
                CostSource.MODELLED, compiled);
    }
}
