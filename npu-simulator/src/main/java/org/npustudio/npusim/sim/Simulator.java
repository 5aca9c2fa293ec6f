package org.npustudio.npusim.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.CostModels;
import org.npustudio.npusim.cost.CostSource;
import org.npustudio.npusim.cost.EnergyModel;
import org.npustudio.npusim.cost.HostCosts;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.cost.Timing;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.fusion.AutoGrouper;
import org.npustudio.npusim.fusion.FusionContext;
import org.npustudio.npusim.fusion.FusionGroup;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.fusion.Grouping;
import org.npustudio.npusim.mapping.OpCatalog;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;
import org.npustudio.plan.Precision;

/**
 * Simulates a work graph on a set of devices. Per-node costs are cached by node id, device, precision
 * and work (which holds the shapes), so re-simulating after an edit (a node moved to another device, a
 * fusion group changed) recomputes only the nodes whose key changed; grouping, timing and the schedule
 * are linear passes and are redone. {@link #lastCostEvaluations()} tells how many costs were computed.
 * With {@link HostCosts}, a node on a CPU device that was measured takes its measured latency (its DRAM
 * bytes and bound stay the roofline's, which say what it moves); an opaque op measured on the host is then
 * costed too.
 */
public final class Simulator {
    private record CostKey(String nodeId, String device, Precision precision, OpWork work) {}

    private final WorkGraph graph;
    private final DeviceSet devices;
    private final Precision precisionOverride;
    private final HostCosts host;
    private final NodePrecisions chosen;
    private final Map<CostKey, NodeCost> cache = new HashMap<>();
    private int lastEvaluations;
    private Device genericCpu;

    /** {@code precisionOverride} (may be null) replaces each NPU's default precision when that NPU supports it. */
    public Simulator(WorkGraph graph, DeviceSet devices, Precision precisionOverride) {
        this(graph, devices, precisionOverride, HostCosts.NONE);
    }

    /** As above, with measured host costs for nodes that run on a CPU device. */
    public Simulator(WorkGraph graph, DeviceSet devices, Precision precisionOverride, HostCosts host) {
        this(graph, devices, precisionOverride, host, NodePrecisions.NONE);
    }

    /**
     * As above, each node on an NPU at the precision {@code chosen} names for it when that NPU offers it (else the
     * default, with a warning); {@code precisionOverride} then applies to the nodes without a choice.
     */
    public Simulator(WorkGraph graph, DeviceSet devices, Precision precisionOverride, HostCosts host, NodePrecisions chosen) {
        this.graph = graph;
        this.devices = devices;
        this.precisionOverride = precisionOverride;
        this.host = host == null ? HostCosts.NONE : host;
        this.chosen = chosen == null ? NodePrecisions.NONE : chosen;
    }

    public WorkGraph graph() { return graph; }

    public DeviceSet devices() { return devices; }

    public int lastCostEvaluations() { return lastEvaluations; }

    public SimulationResult simulate(DeviceAssignment assignment, FusionMode mode, FusionPlan plan) throws StudioException {
        List<String> warnings = new ArrayList<>(graph.warnings());
        int n = graph.size();
        Device[] deviceOf = new Device[n];
        NodeCost[] costs = new NodeCost[n];
        Precision[] precisionOf = new Precision[n];
        Map<String, List<String>> refused = new LinkedHashMap<>();
        lastEvaluations = 0;
        for (int i = 0; i < n; i++) {
            WorkNode node = graph.node(i);
            deviceOf[i] = place(node, assignment, warnings);
            precisionOf[i] = precision(node, deviceOf[i], refused);
            costs[i] = cost(node, deviceOf[i], precisionOf[i]);
        }
        for (var e : refused.entrySet()) warnings.add(e.getKey() + ": " + listed(e.getValue()));
        FusionContext ctx = new FusionContext(graph, deviceOf, costs, precisionOf);
        Grouping grouping = switch (mode) {
            case NONE -> Grouping.none(n);
            case AUTO -> Grouping.of(ctx, AutoGrouper.groups(ctx), warnings);
            case PLAN -> Grouping.of(ctx, planIndices(plan, warnings), warnings);
        };
        return assemble(deviceOf, precisionOf, costs, grouping, warnings);
    }

    private Device place(WorkNode node, DeviceAssignment assignment, List<String> warnings) throws StudioException {
        String name = assignment.deviceFor(node.id());
        Device d = devices.get(name);
        if (d == null) {
            throw new StudioException("plan", "node '" + node.id() + "'", "unknown device '" + name + "'; devices are "
                    + devices.all().stream().map(Device::name).toList());
        }
        String why = refusal(node, d);
        if (why == null) return d;
        Device cpu = devices.fallbackCpu();
        if (cpu == null) {
            if (genericCpu == null) genericCpu = Device.of(DeviceSet.GENERIC_HOST);
            cpu = genericCpu;
        }
        warnings.add("node '" + node.id() + "' (" + node.opType() + ") cannot run on NPU '" + d.name() + "' (" + why
                + "): falls back to CPU '" + cpu.name() + "'" + (cpu == genericCpu ? " (generic host model: no CPU was described)" : ""));
        return cpu;
    }

    /** Why this device cannot run the node (the simulator then falls back to a CPU), or null when it can. */
    public static String refusal(WorkNode node, Device d) {
        if (!d.isNpu()) return null;
        if (node.work() instanceof UnknownWork u) return u.reason();
        if (node.work() instanceof BodyWork b) return unsupportedInBody(b, d);
        return unsupported(node, d);
    }

    /** Why the NPU cannot run the node's op (or, for a fused node, one of its parts), or null. */
    private static String unsupported(WorkNode node, Device d) {
        for (String op : node.needs()) {
            if (OpCatalog.needsSupport(op) && !d.npu().supports(op)) {
                return op + " is not among its supported_ops" + (op.equals(node.opType()) ? "" : " (" + node.opType() + " " + String.join(" + ", node.needs()) + ")");
            }
        }
        return null;
    }

    /** The cached, unfused cost of node {@code i} on {@code d} (a device of this simulator), as a run would use it. */
    public NodeCost nodeCost(int i, Device d) throws StudioException {
        return cost(graph.node(i), d, precision(graph.node(i), d, new HashMap<>()));
    }

    /** An NPU runs a control-flow body when it supports every op in it (nested bodies included); else why not. */
    private static String unsupportedInBody(BodyWork b, Device d) {
        for (OpWork w : b.body()) {
            if (w instanceof BodyWork inner) {
                String why = unsupportedInBody(inner, d);
                if (why != null) return why;
            } else if (OpCatalog.needsSupport(w.opType()) && !d.npu().supports(w.opType())) {
                return "its body has " + w.opType() + ", which is not among its supported_ops";
            }
        }
        return null;
    }

    private NodeCost cost(WorkNode node, Device d, Precision p) throws StudioException {
        CostKey key = new CostKey(node.id(), d.name(), p, node.work());
        NodeCost c = cache.get(key);
        if (c != null) return c;
        lastEvaluations++;
        try {
            // Not costed: no guess enters the sums or the schedule; the result says so instead.
            c = node.work() instanceof UnknownWork
                    ? NodeCost.free(d.name(), node.work().inputElements().length, node.work().outputElements().length)
                    : CostModels.cost(node.id(), node.work(), d, p);
        } catch (ArithmeticException e) {
            throw new StudioException(graph.name(), "node '" + node.id() + "'", "sizes too large to count (" + e.getMessage() + ")");
        }
        cache.put(key, c);
        return c;
    }

    private Precision precision(Device d) {
        if (d.isNpu() && precisionOverride != null && d.npu().supports(precisionOverride)) return precisionOverride;
        return d.precision();
    }

    /**
     * A node's precision on {@code d}: the plan's choice when {@code d} is an NPU that offers it; a choice the NPU
     * does not offer is recorded in {@code refused} (one warning per NPU and precision) and the default taken. A
     * CPU computes in fp32 whatever the plan chose (its cost model has no narrower arithmetic).
     */
    private Precision precision(WorkNode node, Device d, Map<String, List<String>> refused) {
        Precision want = chosen.of(node.id());
        if (want == null || !d.isNpu()) return precision(d);
        if (d.npu().supports(want)) return want;
        refused.computeIfAbsent("NPU '" + d.name() + "' does not offer " + want.key() + " (it offers "
                + String.join(", ", d.npu().precisions().stream().map(Precision::key).toList()) + "); at its default "
                + precision(d).key(), k -> new ArrayList<>()).add(node.id());
        return precision(d);
    }

    private static String listed(List<String> ids) {
        String head = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
        return ids.size() + (ids.size() == 1 ? " node (" : " nodes (") + head + (ids.size() > 5 ? ", …)" : ")");
    }

    private List<int[]> planIndices(FusionPlan plan, List<String> warnings) {
        List<int[]> out = new ArrayList<>();
        for (List<String> group : plan.groups()) {
            List<Integer> idx = new ArrayList<>();
            for (String id : group) {
                int i = graph.indexOf(id);
                if (i < 0) warnings.add("fusion plan: no node '" + id + "' in the model; ignored");
                else idx.add(i);
            }
            idx.sort(null);
            out.add(idx.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private SimulationResult assemble(Device[] deviceOf, Precision[] precisionOf, NodeCost[] costs, Grouping grouping, List<String> warnings) {
        int n = graph.size();
        double[] latency = new double[n];
        double[][] reads = new double[n][];
        double[][] writes = new double[n][];
        Timing[] timing = new Timing[n];
        for (int i = 0; i < n; i++) {
            WorkNode node = graph.node(i);
            int g = grouping.groupOf()[i];
            FusionGroup group = g < 0 ? null : grouping.groups().get(g);
            boolean fused = group != null && group.fused();
            reads[i] = costs[i].readBytes().clone();
            writes[i] = costs[i].writeBytes().clone();
            if (fused) {
                for (int k = 0; k < reads[i].length; k++) if (group.internal().contains(node.inputs().get(k))) reads[i][k] = 0;
                for (int k = 0; k < writes[i].length; k++) if (group.internal().contains(node.outputs().get(k))) writes[i][k] = 0;
            }
            timing[i] = Timing.of(costs[i], deviceOf[i], sum(reads[i]), sum(writes[i]));
            var measured = measured(node, deviceOf[i]);
            if (measured.isPresent()) timing[i] = new Timing(measured.getAsDouble(), timing[i].dramSeconds(), timing[i].bound());
            latency[i] = timing[i].latencySeconds();
        }
        Scheduler.Result s = Scheduler.schedule(graph, deviceOf, precisionOf, latency);
        List<NodeResult> results = new ArrayList<>(n);
        Map<String, List<NodeResult>> byDevice = new LinkedHashMap<>();
        for (Device d : devices.all()) byDevice.put(d.name(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            NodeResult r = result(i, deviceOf[i], precisionOf[i], costs[i], reads[i], writes[i], timing[i], grouping.groupOf()[i], s);
            results.add(r);
            byDevice.computeIfAbsent(r.device(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Double> linkPj = hostLinkEnergy(s.entries());
        Map<String, Totals> perDevice = new LinkedHashMap<>();
        double area = 0, link = 0;
        for (var e : byDevice.entrySet()) {
            Device d = devices.get(e.getKey());
            double a = d != null && d.isNpu() ? d.npu().areaEstimate().totalMm2() : 0;
            double l = linkPj.getOrDefault(e.getKey(), 0.0);
            area += a;
            link += l;
            perDevice.put(e.getKey(), Totals.of(e.getKey(), e.getValue()).withLinkAndArea(l, a));
        }
        Totals total = Totals.of("model", results).withMakespan(s.makespan()).withLinkAndArea(link, area);
        return new SimulationResult(graph.name(), List.copyOf(results), perDevice, total, grouping.groups(), s.entries(), List.copyOf(warnings),
                devices.all());
    }

    /** Host-link energy per NPU: each transfer is charged to the NPU at either end (the sender when both are). */
    private Map<String, Double> hostLinkEnergy(List<ScheduleEntry> entries) {
        Map<String, Double> pj = new LinkedHashMap<>();
        for (ScheduleEntry e : entries) {
            if (e.kind() != ScheduleEntry.Kind.TRANSFER) continue;
            Device from = devices.get(e.from()), to = devices.get(e.to());
            Device npu = from != null && from.isNpu() ? from : to != null && to.isNpu() ? to : null;
            if (npu != null) pj.merge(npu.name(), EnergyModel.hostLinkPj(npu, e.bytes()), Double::sum);
        }
        return pj;
    }

    /** The host profile's measured latency of node {@code i} on {@code d} (a CPU), or empty: then the cost models say. */
    public java.util.OptionalDouble measuredSeconds(int i, Device d) { return measured(graph.node(i), d); }

    /** The measured latency of a node, when it runs on a CPU and the host profile has it. */
    private java.util.OptionalDouble measured(WorkNode node, Device d) {
        return d.isNpu() ? java.util.OptionalDouble.empty() : host.seconds(node.id());
    }

    private NodeResult result(int i, Device d, Precision p, NodeCost c, double[] reads, double[] writes, Timing t, int group, Scheduler.Result s) {
        WorkNode node = graph.node(i);
        boolean measured = measured(node, d).isPresent();
        boolean[] constant = node.work().constantInputs();
        double weights = 0, fm = 0, ufm = 0;
        for (int k = 0; k < reads.length; k++) {
            if (constant[k]) {
                weights += reads[k];
            } else {
                fm += reads[k];
                ufm += c.readBytes()[k];
            }
        }
        fm += sum(writes);
        ufm += c.totalWriteBytes();
        double util = t.latencySeconds() > 0 ? Math.min(1, c.busySeconds() / t.latencySeconds()) : 0;
        return new NodeResult(node.id(), node.opType(), d.name(), d.isNpu(), c.cycles(), t.latencySeconds(), c.macs(),
                sum(reads), sum(writes), weights, fm, c.totalReadBytes(), c.totalWriteBytes(), ufm, c.sramPeakBytes(), util,
                t.bound(), group, s.start()[i], s.end()[i], c.gemm(), c.sram(),
                !measured && node.work() instanceof UnknownWork u ? u.kind() : null, measured ? CostSource.MEASURED : CostSource.MODELLED, null,
                !measured && node.work() instanceof UnknownWork ? Energy.ZERO
                        : EnergyModel.of(node.work(), c, d, p, reads, writes, t.latencySeconds()), p);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }
}
