package org.npustudio.npusim.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;

/**
 * List scheduling in topological order: each device runs its ops one after another; an op starts when
 * its device is free and its inputs are available there. A tensor produced on another device first
 * crosses the host link (one shared lane; latency + bytes / bandwidth of the NPU side's link, the
 * slower if both are NPUs), once per destination device. Graph inputs and weights are taken to be
 * resident where needed. Ops on different devices overlap whenever the dependences allow.
 */
final class Scheduler {
    private Scheduler() {}

    record Result(double[] start, double[] end, List<ScheduleEntry> entries, double makespan) {}

    /** {@code precisionOf} sizes each crossing tensor at its producer's activation precision. */
    static Result schedule(WorkGraph g, Device[] deviceOf, org.npustudio.plan.Precision[] precisionOf, double[] latency) {
        int n = g.size();
        double[] start = new double[n];
        double[] end = new double[n];
        Map<String, Double> deviceFree = new HashMap<>();
        Map<String, Double> arrived = new HashMap<>();
        double linkFree = 0;
        List<ScheduleEntry> entries = new ArrayList<>(n + 16);
        List<ScheduleEntry> transfers = new ArrayList<>();
        double makespan = 0;
        for (int i = 0; i < n; i++) {
            WorkNode node = g.node(i);
            Device d = deviceOf[i];
            double ready = 0;
            for (String v : node.inputs()) {
                int p = v.isEmpty() ? -1 : g.producerOf(v);
                if (p < 0) continue;
                if (deviceOf[p] == d) {
                    ready = Math.max(ready, end[p]);
                    continue;
                }
                String key = v + "\u0000" + d.name();
                Double at = arrived.get(key);
                if (at == null) {
                    Device src = deviceOf[p];
                    double bytes = HostLink.bytes(g, v, precisionOf[p]);
                    double ts = Math.max(end[p], linkFree);
                    double te = ts + HostLink.seconds(bytes, src, d);
                    linkFree = te;
                    at = te;
                    arrived.put(key, te);
                    transfers.add(new ScheduleEntry(ScheduleEntry.HOST_LINK, ScheduleEntry.Kind.TRANSFER, v, src.name(), d.name(), ts, te, bytes));
                }
                ready = Math.max(ready, at);
            }
            start[i] = Math.max(ready, deviceFree.getOrDefault(d.name(), 0.0));
            end[i] = start[i] + latency[i];
            deviceFree.put(d.name(), end[i]);
            makespan = Math.max(makespan, end[i]);
            entries.add(new ScheduleEntry(d.name(), ScheduleEntry.Kind.OP, node.id(), d.name(), d.name(), start[i], end[i], 0));
        }
        entries.addAll(transfers);
        return new Result(start, end, entries, makespan);
    }
}
