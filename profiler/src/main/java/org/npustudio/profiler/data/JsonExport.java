package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.json.JsonWriter;

/** ops.json: the per-node table plus totals; NaN (undefined) values are written as null. */
public final class JsonExport {
    private JsonExport() {}

    public static String render(Profile p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", p.model());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("nodes", p.nodes().size());
        totals.put("makespan_us", p.makespanMicros());
        totals.put("busy_us", p.busyMicros());
        totals.put("macs", (long) p.sum(Metric.MACS));
        totals.put("dram_read_bytes", p.sum(Metric.DRAM_READ));
        totals.put("dram_write_bytes", p.sum(Metric.DRAM_WRITE));
        totals.put("energy_pj", p.energyPj());
        totals.put("area_mm2", p.areaMm2());
        if (p.notCosted() > 0) totals.put("not_costed", p.notCosted()); // the sums above are then lower bounds
        doc.put("totals", totals);
        List<Object> rows = new ArrayList<>();
        for (NodeMetrics n : p.nodes()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", n.id());
            r.put("name", n.name());
            r.put("op", n.opType());
            r.put("scope", n.scope());
            r.put("device", n.device());
            r.put("partition", n.partition());
            r.put("fusion_group", n.fusionGroup());
            r.put("latency_us", n.latencyMicros());
            r.put("share", n.share());
            r.put("cycles", n.cycles());
            r.put("macs", n.macs());
            r.put("dram_read_bytes", n.readBytes());
            r.put("dram_write_bytes", n.writeBytes());
            r.put("unfused_dram_bytes", n.unfusedDramBytes());
            r.put("intensity_mac_per_byte", finite(n.intensity()));
            r.put("utilisation", n.utilisation());
            r.put("bound", n.bound());
            r.put("start_us", n.startMicros());
            r.put("end_us", n.endMicros());
            r.put("energy_pj", n.energyPj());
            r.put("cost_source", n.costSource());
            if (n.compiled() != null) r.put("compiled", n.compiled()); // only as compiled: as written stays as it was
            if (!n.costed()) {
                for (String k : List.of("latency_us", "share", "cycles", "macs", "dram_read_bytes", "dram_write_bytes",
                        "unfused_dram_bytes", "intensity_mac_per_byte", "utilisation", "bound", "energy_pj")) {
                    r.put(k, null);
                }
                r.put("not_costed", n.notCosted());
            }
            rows.add(r);
        }
        doc.put("nodes", rows);
        doc.put("nodes_without_results", p.nodesWithoutResults());
        return JsonWriter.write(doc);
    }

    static Object finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
