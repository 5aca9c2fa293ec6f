package org.npustudio.npusim.cli;

import java.util.Map;
import org.npustudio.npusim.fusion.FusionGroup;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Totals;

/** The whole result as JSON (times in microseconds, sizes in bytes); every number is finite by construction. */
final class JsonReport {
    private JsonReport() {}

    static String render(SimulationResult r) {
        StringBuilder b = new StringBuilder("{\n  \"model\": ").append(s(r.model())).append(",\n  \"nodes\": [");
        boolean first = true;
        for (NodeResult n : r.nodes()) {
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            b.append("{\"id\": ").append(s(n.id())).append(", \"op\": ").append(s(n.opType())).append(", \"device\": ").append(s(n.device()))
                    .append(", \"cycles\": ").append(n.cycles()).append(", \"latency_us\": ").append(n.latencyMicros())
                    .append(", \"macs\": ").append(n.macs()).append(", \"dram_read_bytes\": ").append(n.readBytes())
                    .append(", \"dram_write_bytes\": ").append(n.writeBytes()).append(", \"unfused_read_bytes\": ").append(n.unfusedReadBytes())
                    .append(", \"unfused_write_bytes\": ").append(n.unfusedWriteBytes()).append(", \"sram_peak_bytes\": ").append(n.sramPeakBytes())
                    .append(", \"utilisation\": ").append(n.utilisation()).append(", \"bound\": ").append(s(n.bound().label()))
                    .append(", \"fusion_group\": ").append(n.fusionGroup()).append(", \"start_us\": ").append(n.startSeconds() * 1e6)
                    .append(", \"end_us\": ").append(n.endSeconds() * 1e6).append('}');
        }
        b.append("\n  ],\n  \"devices\": {");
        first = true;
        for (Map.Entry<String, Totals> e : r.perDevice().entrySet()) {
            b.append(first ? "\n    " : ",\n    ").append(s(e.getKey())).append(": ").append(totals(e.getValue()));
            first = false;
        }
        b.append("\n  },\n  \"total\": ").append(totals(r.total())).append(",\n  \"fusion_groups\": [");
        first = true;
        for (FusionGroup g : r.groups()) {
            b.append(first ? "\n    " : ",\n    ").append("{\"index\": ").append(g.index()).append(", \"device\": ").append(s(g.device()))
                    .append(", \"fused\": ").append(g.fused()).append(", \"nodes\": ").append(list(g.nodes()))
                    .append(", \"kept_on_chip\": ").append(list(g.internal().stream().sorted().toList()))
                    .append(", \"footprint_bytes\": ").append(g.footprintBytes()).append(", \"saved_bytes\": ").append(g.savedBytes()).append('}');
            first = false;
        }
        b.append("\n  ],\n  \"schedule\": [");
        first = true;
        for (ScheduleEntry e : r.schedule()) {
            b.append(first ? "\n    " : ",\n    ").append("{\"lane\": ").append(s(e.lane())).append(", \"kind\": ")
                    .append(s(e.kind().name().toLowerCase())).append(", \"name\": ").append(s(e.name())).append(", \"from\": ").append(s(e.from()))
                    .append(", \"to\": ").append(s(e.to())).append(", \"start_us\": ").append(e.startSeconds() * 1e6)
                    .append(", \"end_us\": ").append(e.endSeconds() * 1e6).append(", \"bytes\": ").append(e.bytes()).append('}');
            first = false;
        }
        b.append("\n  ],\n  \"warnings\": ").append(list(r.warnings())).append("\n}\n");
        return b.toString();
    }

    private static String totals(Totals t) {
        return "{\"nodes\": " + t.nodes() + ", \"cycles\": " + t.cycles() + ", \"busy_us\": " + t.busySeconds() * 1e6 + ", \"end_us\": "
                + t.makespanSeconds() * 1e6 + ", \"macs\": " + t.macs() + ", \"dram_read_bytes\": " + t.readBytes()
                + ", \"dram_write_bytes\": " + t.writeBytes() + ", \"unfused_read_bytes\": " + t.unfusedReadBytes()
                + ", \"unfused_write_bytes\": " + t.unfusedWriteBytes() + ", \"feature_map_bytes\": " + t.featureMapBytes()
                + ", \"unfused_feature_map_bytes\": " + t.unfusedFeatureMapBytes() + ", \"sram_peak_bytes\": " + t.sramPeakBytes() + "}";
    }

    private static String list(java.util.List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) b.append(i == 0 ? "" : ", ").append(s(items.get(i)));
        return b.append(']').toString();
    }

    static String s(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
