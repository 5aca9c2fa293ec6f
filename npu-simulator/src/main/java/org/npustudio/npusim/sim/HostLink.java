package org.npustudio.npusim.sim;

import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

/**
 * What one tensor costs to cross the host link between two devices: latency + bytes / bandwidth of the
 * NPU side's link (the slower if both are NPUs), the tensor sized in its producer's activation precision.
 * The scheduler and the plan optimiser both price transfers here, so their figures agree.
 */
public final class HostLink {
    private HostLink() {}

    /** Bytes of {@code value} as its producer (on {@code producer}) writes it; 0 when its shape is unknown. */
    public static double bytes(WorkGraph g, String value, Device producer) {
        return bytes(g, value, producer.precision());
    }

    /** Bytes of {@code value} written at {@code precision} (its producer node's); 0 when its shape is unknown. */
    public static double bytes(WorkGraph g, String value, Precision precision) {
        long[] s = g.shape(value);
        if (s == null) return 0;
        double e = 1;
        for (long d : s) e *= d;
        return precision.activationBytes(1) * e;
    }

    public static double seconds(double bytes, Device src, Device dst) {
        double bw = Math.min(src.linkBytesPerSecond(), dst.linkBytesPerSecond());
        double lat = Math.max(src.linkLatencySeconds(), dst.linkLatencySeconds());
        return lat + (Double.isInfinite(bw) ? 0 : bytes / bw);
    }
}
