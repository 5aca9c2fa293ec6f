package org.npustudio.npusim.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.npustudio.npusim.energy.Energy;
import org.npustudio.npusim.work.Uncosted;

/**
 * Sums over a set of nodes (one device, or the whole model). {@code busySeconds} adds latencies;
 * {@code makespanSeconds} is the schedule's end (whole model) or the device's last op end. Nodes that are
 * not costed add nothing: {@code uncosted} counts them (by reason in {@code uncostedByReason}), and when it
 * is above 0 every sum is a lower bound. {@code energy} sums the nodes' energies plus the host-link
 * transfers of the scope; {@code areaMm2} is the area of the scope's NPUs (the model: every NPU of the run;
 * a CPU has none modelled) — docs/energy-area.md.
 */
public record Totals(String scope, int nodes, long cycles, double busySeconds, double makespanSeconds, long macs,
                     double readBytes, double writeBytes, double featureMapBytes, double unfusedReadBytes,
                     double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes, int uncosted,
                     Map<Uncosted, Integer> uncostedByReason, Energy energy, double areaMm2) {

    public Totals {
        uncostedByReason = Collections.unmodifiableMap(new EnumMap<>(uncostedByReason.isEmpty() ? new EnumMap<>(Uncosted.class) : uncostedByReason));
    }

    static Totals of(String scope, Iterable<NodeResult> nodes) {
        int count = 0;
        long cycles = 0;
        long macs = 0;
        double busy = 0, end = 0, r = 0, w = 0, fm = 0, ur = 0, uw = 0, ufm = 0, peak = 0;
        int uncosted = 0;
        Energy energy = Energy.ZERO;
        Map<Uncosted, Integer> byReason = new EnumMap<>(Uncosted.class);
        for (NodeResult n : nodes) {
            count++;
            end = Math.max(end, n.endSeconds());
            if (!n.costed()) {
                uncosted++;
                byReason.merge(n.uncosted(), 1, Integer::sum);
                continue;
            }
            cycles += n.cycles();
            macs += n.macs();
            busy += n.latencySeconds();
            r += n.readBytes();
            w += n.writeBytes();
            fm += n.featureMapBytes();
            ur += n.unfusedReadBytes();
            uw += n.unfusedWriteBytes();
            ufm += n.unfusedFeatureMapBytes();
            peak = Math.max(peak, n.sramPeakBytes());
            energy = energy.plus(n.energy());
        }
        return new Totals(scope, count, cycles, busy, end, macs, r, w, fm, ur, uw, ufm, peak, uncosted, byReason, energy, 0);
    }

    /** The same sums with another makespan (the whole model's is the schedule's end). */
    Totals withMakespan(double seconds) {
        return new Totals(scope, nodes, cycles, busySeconds, seconds, macs, readBytes, writeBytes, featureMapBytes, unfusedReadBytes,
                unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, uncosted, uncostedByReason, energy, areaMm2);
    }

    /** The same sums with the scope's host-link energy added and its area. */
    Totals withLinkAndArea(double hostLinkPj, double area) {
        return new Totals(scope, nodes, cycles, busySeconds, makespanSeconds, macs, readBytes, writeBytes, featureMapBytes, unfusedReadBytes,
                unfusedWriteBytes, unfusedFeatureMapBytes, sramPeakBytes, uncosted, uncostedByReason, energy.withHostLink(hostLinkPj), area);
    }

    public double energyPj() { return energy.totalPj(); }

    /** Energy per MAC (pJ/MAC); NaN when the scope did no MACs. */
    public double energyPerMacPj() { return macs > 0 ? energy.totalPj() / macs : Double.NaN; }

    public boolean complete() { return uncosted == 0; }

    /** "12 ops not costed: 10 unknown shape, 2 opaque op", or "" when every op is costed. */
    public String uncostedSummary() {
        if (uncosted == 0) return "";
        StringBuilder b = new StringBuilder().append(uncosted).append(uncosted == 1 ? " op" : " ops").append(" not costed: ");
        String sep = "";
        for (var e : uncostedByReason.entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
            sep = ", ";
        }
        return b.toString();
    }

    public double dramBytes() { return readBytes + writeBytes; }

    public double unfusedDramBytes() { return unfusedReadBytes + unfusedWriteBytes; }
}
