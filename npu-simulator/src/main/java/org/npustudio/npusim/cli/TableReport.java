package org.npustudio.npusim.cli;

import java.util.Locale;
import org.npustudio.npusim.fusion.FusionGroup;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Totals;

/** A fixed-width table for people: one line per node, then per-device and model totals and groups. */
final class TableReport {
    private TableReport() {}

    static String render(SimulationResult r) {
        StringBuilder b = new StringBuilder();
        // As compiled, a last column says what each node of the opened graph became; as written nothing changes.
        boolean compiled = r.nodes().stream().anyMatch(n -> n.compiled() != null);
        // With precision per node, a column after the device says which; otherwise the table is as it always was.
        boolean mixed = r.mixedPrecision();
        b.append(note(lead("node", "op", "device", mixed, "precision") + String.format(Locale.ROOT, "%12s %11s %14s %12s %12s %11s %6s %-7s %5s %-8s %12s%n",
                "cycles", "latency_us", "MACs", "dram_rd_B", "dram_wr_B", "sram_pk_B", "util", "bound", "group", "cost_source", "energy_nJ"), compiled, "compiled"));
        for (NodeResult n : r.nodes()) {
            if (!n.costed()) {
                b.append(note(lead(n, mixed) + String.format(Locale.ROOT, "%12s %11s %14s %12s %12s %11s %6s %-7s %5s %-8s %12s%n",
                        "?", "?", "?", "?", "?", "?", "?", "?",
                        n.fusionGroup() < 0 ? "-" : Integer.toString(n.fusionGroup()), n.costSource().label(), "?"), compiled, n.compiled()));
                continue;
            }
            b.append(note(lead(n, mixed) + String.format(Locale.ROOT, "%12d %11.3f %14d %12.0f %12.0f %11.0f %5.1f%% %-7s %5s %-8s %12.3f%n",
                    n.cycles(), n.latencyMicros(), n.macs(),
                    n.readBytes(), n.writeBytes(), n.sramPeakBytes(), 100 * n.utilisation(), n.bound().label(),
                    n.fusionGroup() < 0 ? "-" : Integer.toString(n.fusionGroup()), n.costSource().label(), n.energyPj() * 1e-3), compiled, n.compiled()));
        }
        b.append('\n');
        for (Totals t : r.perDevice().values()) if (t.nodes() > 0) b.append(totals(t));
        b.append(totals(r.total()));
        if (r.total().complete()) {
            b.append(String.format(Locale.ROOT, "end-to-end latency: %.3f us (schedule makespan)%n", r.total().makespanSeconds() * 1e6));
        } else {
            b.append(String.format(Locale.ROOT, "end-to-end latency: >= %.3f us (schedule makespan of the costed ops; %s, so the latency"
                    + " and every total above are lower bounds)%n", r.total().makespanSeconds() * 1e6, r.total().uncostedSummary()));
        }
        for (FusionGroup g : r.groups()) {
            b.append(String.format(Locale.ROOT, "fusion group %d on %s: %d nodes, %d values kept on chip (%s), %.0f B saved%n", g.index(),
                    g.device(), g.nodes().size(), g.internal().size(), g.fused() ? "fused" : "did not fit", g.savedBytes()));
        }
        return b.toString();
    }

    private static String totals(Totals t) {
        String line = String.format(Locale.ROOT, "%-8s %-14s nodes %5d  busy %11.3f us  MACs %14d  DRAM %14.0f B (unfused %14.0f B)  feature maps %14.0f B (unfused %14.0f B)",
                t.scope().equals("model") ? "total" : "device", t.scope(), t.nodes(), t.busySeconds() * 1e6, t.macs(), t.dramBytes(),
                t.unfusedDramBytes(), t.featureMapBytes(), t.unfusedFeatureMapBytes());
        line += String.format(Locale.ROOT, "  energy %.3f uJ (compute %.3f, on-chip %.3f, DRAM %.3f, host link %.3f, leakage %.3f)",
                t.energyPj() * 1e-6, t.energy().computePj() * 1e-6, t.energy().onChipPj() * 1e-6, t.energy().dramPj() * 1e-6,
                t.energy().hostLinkPj() * 1e-6, t.energy().leakagePj() * 1e-6);
        if (t.areaMm2() > 0) line += String.format(Locale.ROOT, "  area %.3f mm2", t.areaMm2());
        return line + (t.complete() ? "" : "  (" + t.uncostedSummary() + ")") + System.lineSeparator();
    }

    private static String lead(NodeResult n, boolean mixed) {
        return lead(clip(n.id(), 28), clip(n.opType(), 18), clip(n.device(), 14), mixed, SimulationResult.precisionKey(n));
    }

    /** Node, op and device columns, then the precision column when the run mixes precisions. */
    private static String lead(String id, String op, String device, boolean mixed, String precision) {
        return String.format(Locale.ROOT, "%-28s %-18s %-14s ", id, op, device) + (mixed ? String.format(Locale.ROOT, "%-9s ", precision) : "");
    }

    /** The line with {@code text} as a last column, when the table has one. */
    private static String note(String line, boolean column, String text) {
        if (!column) return line;
        String sep = System.lineSeparator();
        return line.substring(0, line.length() - sep.length()) + "  " + (text == null ? "" : text) + sep;
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "~"; }
}
