package org.npustudio.npusim.sim;

/**
 * Sums over a set of nodes (one device, or the whole model). {@code busySeconds} adds latencies;
 * {@code makespanSeconds} is the schedule's end (whole model) or the device's last op end.
 */
public record Totals(String scope, int nodes, long cycles, double busySeconds, double makespanSeconds, long macs,
                     double readBytes, double writeBytes, double featureMapBytes, double unfusedReadBytes,
                     double unfusedWriteBytes, double unfusedFeatureMapBytes, double sramPeakBytes) {

    static Totals of(String scope, Iterable<NodeResult> nodes) {
        int count = 0;
        long cycles = 0;
        long macs = 0;
        double busy = 0, end = 0, r = 0, w = 0, fm = 0, ur = 0, uw = 0, ufm = 0, peak = 0;
        for (NodeResult n : nodes) {
            count++;
            cycles += n.cycles();
            macs += n.macs();
            busy += n.latencySeconds();
            end = Math.max(end, n.endSeconds());
            r += n.readBytes();
            w += n.writeBytes();
            fm += n.featureMapBytes();
            ur += n.unfusedReadBytes();
            uw += n.unfusedWriteBytes();
            ufm += n.unfusedFeatureMapBytes();
            peak = Math.max(peak, n.sramPeakBytes());
        }
        return new Totals(scope, count, cycles, busy, end, macs, r, w, fm, ur, uw, ufm, peak);
    }

    public double dramBytes() { return readBytes + writeBytes; }

    public double unfusedDramBytes() { return unfusedReadBytes + unfusedWriteBytes; }
}
