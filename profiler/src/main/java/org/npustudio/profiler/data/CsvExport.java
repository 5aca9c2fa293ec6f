package org.npustudio.profiler.data;

import java.util.Locale;

/** ops.csv: one row per simulated node, RFC 4180 quoting, numbers in plain decimal (no units). */
public final class CsvExport {
    public static final String HEADER = "id,name,op,device,partition,fusion_group,latency_us,share,cycles,macs,"
            + "dram_read_bytes,dram_write_bytes,dram_bytes,unfused_dram_bytes,intensity_mac_per_byte,utilisation,bound,start_us,end_us";

    private CsvExport() {}

    public static String render(Profile p) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (NodeMetrics n : p.nodes()) {
            if (!n.costed()) {
                // Not costed: "?" in every cost column, never 0.
                b.append(cell(n.id())).append(',').append(cell(n.name())).append(',').append(cell(n.opType())).append(',')
                        .append(cell(n.device())).append(',').append(cell(n.partition())).append(',').append(n.fusionGroup())
                        .append(",?,?,?,?,?,?,?,?,?,?,?,").append(num(n.startMicros())).append(',').append(num(n.endMicros())).append('\n');
                continue;
            }
            b.append(cell(n.id())).append(',').append(cell(n.name())).append(',').append(cell(n.opType())).append(',')
                    .append(cell(n.device())).append(',').append(cell(n.partition())).append(',').append(n.fusionGroup()).append(',')
                    .append(num(n.latencyMicros())).append(',').append(num(n.share())).append(',').append(n.cycles()).append(',')
                    .append(n.macs()).append(',').append(num(n.readBytes())).append(',').append(num(n.writeBytes())).append(',')
                    .append(num(n.dramBytes())).append(',').append(num(n.unfusedDramBytes())).append(',')
                    .append(Double.isNaN(n.intensity()) ? "" : num(n.intensity())).append(',').append(num(n.utilisation())).append(',')
                    .append(cell(n.bound())).append(',').append(num(n.startMicros())).append(',').append(num(n.endMicros())).append('\n');
        }
        return b.toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.9g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
