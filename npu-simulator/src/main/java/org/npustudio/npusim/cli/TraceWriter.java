package org.npustudio.npusim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.npusim.sim.SimulationResult;

/**
 * The simulated schedule as a Chrome/Perfetto trace (the "Trace Event Format" JSON that ui.perfetto.dev
 * and chrome://tracing open): one process "NPU Studio", one thread per device lane plus the host link,
 * a complete ("X") event per op and per transfer, and counters ("C") for SRAM use and DRAM bandwidth
 * per device. Times are microseconds, as the format wants; docs/npu-simulator.md, "Trace".
 */
public final class TraceWriter {
    static final int PID = 1;
    static final String PROCESS = "NPU Studio";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceWriter() {}

    /** Writes the trace of {@code r} to {@code target} atomically; a path that cannot be written is a StudioException naming it. */
    public static void write(SimulationResult r, Path target) throws StudioException {
        AtomicFiles.writeString(target, render(r));
    }

    public static String render(SimulationResult r) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode events = doc.putArray("traceEvents");
        Map<String, Integer> tids = lanes(r);
        metadata(events, "process_name", 0, "name", PROCESS);
        for (Map.Entry<String, Integer> lane : tids.entrySet()) {
            metadata(events, "thread_name", lane.getValue(), "name", lane.getKey());
            // Perfetto sorts threads by this index: devices in the run's order, the host link last
            metadata(events, "thread_sort_index", lane.getValue(), "sort_index", lane.getValue());
        }
        Map<String, List<ScheduleEntry>> byLane = new LinkedHashMap<>();
        for (String lane : tids.keySet()) byLane.put(lane, new ArrayList<>());
        for (ScheduleEntry e : r.schedule()) byLane.get(e.lane()).add(e);
        List<ObjectNode> counters = new ArrayList<>();
        for (Map.Entry<String, List<ScheduleEntry>> lane : byLane.entrySet()) {
            List<ScheduleEntry> entries = lane.getValue();
            entries.sort(Comparator.comparingDouble(ScheduleEntry::startSeconds)); // stable: ties keep the schedule's order
            int tid = tids.get(lane.getKey());
            for (int i = 0; i < entries.size(); i++) {
                ScheduleEntry e = entries.get(i);
                if (e.kind() == ScheduleEntry.Kind.TRANSFER) {
                    transfer(events.addObject(), e, tid);
                    continue;
                }
                NodeResult n = r.node(e.name());
                op(events.addObject(), e, n, tid);
                if (n == null) continue;
                // A counter holds its value until the next sample: drop to 0 only where the lane goes idle.
                double nextStart = nextOpStart(entries, i);
                String dev = lane.getKey();
                counters.add(counter("SRAM in use (" + dev + ")", e.startSeconds(), "bytes", n.sramPeakBytes()));
                double gbps = e.durationSeconds() > 0 && n.costed() ? n.dramBytes() / e.durationSeconds() / 1e9 : 0;
                counters.add(counter("DRAM bandwidth (" + dev + ")", e.startSeconds(), "GB/s", gbps));
                if (!(nextStart <= e.endSeconds())) {
                    counters.add(counter("SRAM in use (" + dev + ")", e.endSeconds(), "bytes", 0));
                    counters.add(counter("DRAM bandwidth (" + dev + ")", e.endSeconds(), "GB/s", 0));
                }
            }
        }
        counters.forEach(events::add);
        doc.put("displayTimeUnit", "ns");
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Thread ids: device lanes in the run's device order (then any other lane), the host link last; ids start at 1. */
    private static Map<String, Integer> lanes(SimulationResult r) {
        List<String> order = new ArrayList<>();
        for (var d : r.devices()) order.add(d.name());
        for (ScheduleEntry e : r.schedule()) if (!order.contains(e.lane()) && !e.lane().equals(ScheduleEntry.HOST_LINK)) order.add(e.lane());
        Map<String, Integer> used = new LinkedHashMap<>();
        for (String lane : order) {
            if (r.schedule().stream().anyMatch(e -> e.lane().equals(lane))) used.put(lane, used.size() + 1);
        }
        if (r.schedule().stream().anyMatch(e -> e.lane().equals(ScheduleEntry.HOST_LINK))) used.put(ScheduleEntry.HOST_LINK, used.size() + 1);
        return used;
    }

    private static double nextOpStart(List<ScheduleEntry> entries, int i) {
        return i + 1 < entries.size() ? entries.get(i + 1).startSeconds() : Double.POSITIVE_INFINITY;
    }

    private static void metadata(ArrayNode events, String name, int tid, String key, Object value) {
        ObjectNode m = events.addObject();
        m.put("name", name);
        m.put("ph", "M");
        m.put("pid", PID);
        m.put("tid", tid);
        ObjectNode args = m.putObject("args");
        if (value instanceof Integer i) args.put(key, i);
        else args.put(key, value.toString());
    }

    private static void complete(ObjectNode x, String name, String cat, ScheduleEntry e, int tid) {
        x.put("name", name);
        x.put("cat", cat);
        x.put("ph", "X");
        x.put("pid", PID);
        x.put("tid", tid);
        x.put("ts", e.startSeconds() * 1e6);
        x.put("dur", e.durationSeconds() * 1e6);
    }

    private static void op(ObjectNode x, ScheduleEntry e, NodeResult n, int tid) {
        complete(x, e.name(), "op", e, tid);
        ObjectNode args = x.putObject("args");
        if (n == null) return;
        args.put("op_type", n.opType());
        args.put("device", n.device());
        if (!n.costed()) {
            args.put("not_costed", n.uncosted().label());
            return;
        }
        args.put("macs", n.macs());
        args.put("cycles", n.cycles());
        args.put("dram_read_bytes", n.readBytes());
        args.put("dram_write_bytes", n.writeBytes());
        args.put("dram_bytes", n.dramBytes());
        args.put("sram_peak_bytes", n.sramPeakBytes());
        args.put("utilisation", n.utilisation());
        args.put("bound", n.bound().label());
        args.put("fusion_group", n.fusionGroup());
        args.put("cost_source", n.costSource().label());
        if (n.compiled() != null) args.put("compiled", n.compiled());
    }

    private static void transfer(ObjectNode x, ScheduleEntry e, int tid) {
        complete(x, e.name(), "transfer", e, tid);
        ObjectNode args = x.putObject("args");
        args.put("bytes", e.bytes());
        args.put("from", e.from());
        args.put("to", e.to());
    }

    private static ObjectNode counter(String name, double seconds, String key, double value) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("ph", "C");
        c.put("pid", PID);
        c.put("ts", seconds * 1e6);
        c.putObject("args").put(key, value);
        return c;
    }
}
