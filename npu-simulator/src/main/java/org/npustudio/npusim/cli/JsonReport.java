package org.npustudio.npusim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.json.JsonWriter;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.fusion.FusionGroup;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Totals;

/** The whole result as JSON through the shared {@link JsonWriter} (times in microseconds, sizes in bytes). */
final class JsonReport {
    private JsonReport() {}

    static String render(SimulationResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", r.model());
        List<Object> nodes = new ArrayList<>();
        boolean mixed = r.mixedPrecision();
        for (NodeResult n : r.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("op", n.opType());
            m.put("device", n.device());
            if (mixed) m.put("precision", SimulationResult.precisionKey(n));
            m.put("cycles", n.cycles());
            m.put("latency_us", n.latencyMicros());
            m.put("macs", n.macs());
            m.put("dram_read_bytes", n.readBytes());
            m.put("dram_write_bytes", n.writeBytes());
            m.put("unfused_read_bytes", n.unfusedReadBytes());
            m.put("unfused_write_bytes", n.unfusedWriteBytes());
            m.put("sram_peak_bytes", n.sramPeakBytes());
            m.put("utilisation", n.utilisation());
            m.put("bound", n.bound().label());
            m.put("fusion_group", n.fusionGroup());
            m.put("start_us", n.startSeconds() * 1e6);
            m.put("end_us", n.endSeconds() * 1e6);
            m.put("cost_source", n.costSource().label());
            m.put("energy_pj", n.energyPj());
            m.put("energy_breakdown_pj", breakdown(n.energy()));
            if (n.compiled() != null) m.put("compiled", n.compiled());
            if (!n.costed()) {
                for (String k : COST_KEYS) m.put(k, null);
                m.put("not_costed", n.uncosted().label());
            }
            nodes.add(m);
        }
        doc.put("nodes", nodes);
        Map<String, Object> devices = new LinkedHashMap<>();
        for (Map.Entry<String, Totals> e : r.perDevice().entrySet()) devices.put(e.getKey(), totals(e.getValue()));
        doc.put("devices", devices);
        doc.put("total", totals(r.total()));
        List<Object> groups = new ArrayList<>();
        for (FusionGroup g : r.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", g.index());
            m.put("device", g.device());
            m.put("fused", g.fused());
            m.put("nodes", g.nodes());
            m.put("kept_on_chip", g.internal().stream().sorted().toList());
            m.put("footprint_bytes", g.footprintBytes());
            m.put("saved_bytes", g.savedBytes());
            groups.add(m);
        }
        doc.put("fusion_groups", groups);
        List<Object> schedule = new ArrayList<>();
        for (ScheduleEntry e : r.schedule()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lane", e.lane());
            m.put("kind", e.kind().name().toLowerCase());
            m.put("name", e.name());
            m.put("from", e.from());
            m.put("to", e.to());
            m.put("start_us", e.startSeconds() * 1e6);
            m.put("end_us", e.endSeconds() * 1e6);
            m.put("bytes", e.bytes());
            schedule.add(m);
        }
        doc.put("schedule", schedule);
        doc.put("warnings", r.warnings());
        return JsonWriter.write(doc) + "\n";
    }

    /** Node fields that are null for a node that is not costed. */
    private static final List<String> COST_KEYS = List.of("cycles", "latency_us", "macs", "dram_read_bytes", "dram_write_bytes",
            "unfused_read_bytes", "unfused_write_bytes", "sram_peak_bytes", "utilisation", "bound", "energy_pj", "energy_breakdown_pj");

    /** Where the energy went (docs/energy-area.md): the keys sum to energy_pj. */
    private static Map<String, Object> breakdown(Energy e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compute", e.computePj());
        m.put("register", e.registerPj());
        m.put("sram", e.sramPj());
        m.put("dram", e.dramPj());
        m.put("host_link", e.hostLinkPj());
        m.put("leakage", e.leakagePj());
        return m;
    }

    private static Map<String, Object> totals(Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", t.nodes());
        m.put("cycles", t.cycles());
        m.put("busy_us", t.busySeconds() * 1e6);
        m.put("end_us", t.makespanSeconds() * 1e6);
        m.put("macs", t.macs());
        m.put("dram_read_bytes", t.readBytes());
        m.put("dram_write_bytes", t.writeBytes());
        m.put("unfused_read_bytes", t.unfusedReadBytes());
        m.put("unfused_write_bytes", t.unfusedWriteBytes());
        m.put("feature_map_bytes", t.featureMapBytes());
        m.put("unfused_feature_map_bytes", t.unfusedFeatureMapBytes());
        m.put("sram_peak_bytes", t.sramPeakBytes());
        m.put("energy_pj", t.energyPj());
        m.put("energy_uj", t.energyPj() * 1e-6);
        m.put("energy_breakdown_pj", breakdown(t.energy()));
        m.put("area_mm2", t.areaMm2());
        if (!t.complete()) {
            // Present only when some op is not costed: the sums above are then lower bounds.
            Map<String, Object> by = new LinkedHashMap<>();
            for (var e : t.uncostedByReason().entrySet()) by.put(e.getKey().label(), e.getValue());
            m.put("not_costed", t.uncosted());
            m.put("not_costed_by_reason", by);
        }
        return m;
    }
}
