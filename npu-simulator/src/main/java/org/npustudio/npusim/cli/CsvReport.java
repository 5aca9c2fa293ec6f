package org.npustudio.npusim.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.npustudio.io.Csv;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;

/** Per-node results and the schedule as CSV (times in microseconds). */
final class CsvReport {
    /** A node not costed has "?" in every cost column (cycles .. bound, energy_pj), never 0. */
    private static final List<String> NOT_COSTED = Collections.nCopies(10, "?");
    private static final String[] NODE_COLUMNS = {"node", "op", "device", "cycles", "latency_us", "macs", "dram_read_bytes",
        "dram_write_bytes", "unfused_read_bytes", "unfused_write_bytes", "sram_peak_bytes", "utilisation", "bound", "fusion_group",
        "start_us", "end_us", "cost_source", "energy_pj"};
    private static final String[] SCHEDULE_COLUMNS = {"lane", "kind", "name", "from", "to", "start_us", "end_us", "bytes"};

    private CsvReport() {}

    static String nodes(SimulationResult r) {
        // As compiled, a last column says what each node became; as written the file is as it always was.
        boolean compiled = r.nodes().stream().anyMatch(n -> n.compiled() != null);
        // With precision per node, a precision column follows the device; otherwise the columns are as they always were.
        boolean mixed = r.mixedPrecision();
        List<String> columns = new ArrayList<>(List.of(NODE_COLUMNS));
        if (mixed) columns.add(3, "precision");
        if (compiled) columns.add("compiled");
        return Csv.write(Csv.FORMAT.builder().setHeader(columns.toArray(String[]::new)).get(), out -> {
            for (NodeResult n : r.nodes()) {
                List<Object> row = new ArrayList<>(List.of(n.id(), n.opType(), n.device()));
                if (mixed) row.add(SimulationResult.precisionKey(n));
                row.addAll(n.costed() ? List.of(n.cycles(), n.latencyMicros(), n.macs(), n.readBytes(), n.writeBytes(), n.unfusedReadBytes(),
                        n.unfusedWriteBytes(), n.sramPeakBytes(), n.utilisation(), n.bound().label()) : NOT_COSTED);
                row.addAll(List.of(n.fusionGroup(), n.startSeconds() * 1e6, n.endSeconds() * 1e6, n.costSource().label()));
                row.add(n.costed() ? n.energyPj() : "?");
                if (compiled) row.add(n.compiled() == null ? "" : n.compiled());
                out.printRecord(row);
            }
        });
    }

    static String schedule(SimulationResult r) {
        return Csv.write(Csv.FORMAT.builder().setHeader(SCHEDULE_COLUMNS).get(), out -> {
            for (ScheduleEntry e : r.schedule()) {
                out.printRecord(e.lane(), e.kind().name().toLowerCase(), e.name(), e.from(), e.to(), e.startSeconds() * 1e6,
                        e.endSeconds() * 1e6, e.bytes());
            }
        });
    }
}
