package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.npustudio.io.Csv;

/** ops.csv: one row per simulated node, numbers in plain decimal (no units); as compiled a last {@code compiled} column. */
public final class CsvExport {
    public static final String[] COLUMNS = {"id", "name", "op", "device", "partition", "fusion_group", "latency_us", "share", "cycles",
        "macs", "dram_read_bytes", "dram_write_bytes", "dram_bytes", "unfused_dram_bytes", "intensity_mac_per_byte", "utilisation",
        "bound", "start_us", "end_us", "cost_source", "energy_pj"};
    /** A node not costed has "?" in every cost column (latency_us .. bound), never 0. */
    private static final List<String> NOT_COSTED = Collections.nCopies(11, "?");

    private CsvExport() {}

    public static String render(Profile p) {
        boolean compiled = p.asCompiled();
        String[] header = COLUMNS;
        if (compiled) {
            header = Arrays.copyOf(COLUMNS, COLUMNS.length + 1);
            header[COLUMNS.length] = "compiled";
        }
        return Csv.write(Csv.FORMAT.builder().setHeader(header).get(), out -> {
            for (NodeMetrics n : p.nodes()) {
                List<Object> row = new ArrayList<>(Arrays.asList(n.id(), n.name(), n.opType(), n.device(), n.partition(), n.fusionGroup()));
                row.addAll(n.costed() ? Arrays.asList(num(n.latencyMicros()), num(n.share()), n.cycles(), n.macs(), num(n.readBytes()),
                        num(n.writeBytes()), num(n.dramBytes()), num(n.unfusedDramBytes()), Double.isNaN(n.intensity()) ? "" : num(n.intensity()),
                        num(n.utilisation()), n.bound()) : NOT_COSTED);
                row.addAll(List.of(num(n.startMicros()), num(n.endMicros()), n.costSource(), n.costed() ? num(n.energyPj()) : "?"));
                if (compiled) row.add(n.compiled());
                out.printRecord(row); // a null partition or bound is an empty cell
            }
        });
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.9g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }
}
