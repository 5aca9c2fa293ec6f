package org.npustudio.npusim.cli;

import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;

/** Per-node results and the schedule as CSV (RFC 4180 quoting; times in microseconds). */
final class CsvReport {
    private CsvReport() {}

    static String nodes(SimulationResult r) {
        StringBuilder b = new StringBuilder("node,op,device,cycles,latency_us,macs,dram_read_bytes,dram_write_bytes,"
                + "unfused_read_bytes,unfused_write_bytes,sram_peak_bytes,utilisation,bound,fusion_group,start_us,end_us\n");
        for (NodeResult n : r.nodes()) {
            if (!n.costed()) {
                // Not costed: "?" in every cost column, never 0.
                b.append(q(n.id())).append(',').append(q(n.opType())).append(',').append(q(n.device())).append(",?,?,?,?,?,?,?,?,?,?,")
                        .append(n.fusionGroup()).append(',').append(n.startSeconds() * 1e6).append(',').append(n.endSeconds() * 1e6).append('\n');
                continue;
            }
            b.append(q(n.id())).append(',').append(q(n.opType())).append(',').append(q(n.device())).append(',').append(n.cycles())
                    .append(',').append(n.latencyMicros()).append(',').append(n.macs()).append(',').append(n.readBytes()).append(',')
                    .append(n.writeBytes()).append(',').append(n.unfusedReadBytes()).append(',').append(n.unfusedWriteBytes())
                    .append(',').append(n.sramPeakBytes()).append(',').append(n.utilisation()).append(',').append(n.bound().label())
                    .append(',').append(n.fusionGroup()).append(',').append(n.startSeconds() * 1e6).append(',')
                    .append(n.endSeconds() * 1e6).append('\n');
        }
        return b.toString();
    }

    static String schedule(SimulationResult r) {
        StringBuilder b = new StringBuilder("lane,kind,name,from,to,start_us,end_us,bytes\n");
        for (ScheduleEntry e : r.schedule()) {
            b.append(q(e.lane())).append(',').append(e.kind().name().toLowerCase()).append(',').append(q(e.name())).append(',')
                    .append(q(e.from())).append(',').append(q(e.to())).append(',').append(e.startSeconds() * 1e6).append(',')
                    .append(e.endSeconds() * 1e6).append(',').append(e.bytes()).append('\n');
        }
        return b.toString();
    }

    static String q(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
