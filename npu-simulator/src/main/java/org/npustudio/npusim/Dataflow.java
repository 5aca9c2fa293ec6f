package org.npustudio.npusim;

/**
 * How a GEMM (M x K) * (K x N) is mapped onto a systolic array, as SCALE-Sim defines it:
 * the spatial rows Sr and columns Sc go onto the array, T is streamed through time.
 */
public enum Dataflow {
    /** Output stationary: each PE owns an output; K streams through. (Sr, Sc, T) = (M, N, K). */
    OS,
    /** Weight stationary: weights are preloaded; the M ifmap rows stream. (Sr, Sc, T) = (K, N, M). */
    WS,
    /** Input stationary: ifmap windows are preloaded; the N filters stream. (Sr, Sc, T) = (K, M, N). */
    IS;

    public ArrayMapping map(GemmShape g) {
        return switch (this) {
            case OS -> new ArrayMapping(g.m(), g.n(), g.k());
            case WS -> new ArrayMapping(g.k(), g.n(), g.m());
            case IS -> new ArrayMapping(g.k(), g.m(), g.n());
        };
    }

    /** Parses os/ws/is in any case; null when the text names no dataflow. */
    public static Dataflow parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "os" -> OS;
            case "ws" -> WS;
            case "is" -> IS;
            default -> null;
        };
    }
}
