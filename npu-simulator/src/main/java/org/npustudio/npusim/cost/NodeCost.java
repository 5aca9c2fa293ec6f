package org.npustudio.npusim.cost;

import java.util.Arrays;
import org.npustudio.npusim.ComputeCost;

/**
 * The device-dependent cost of one node before fusion and scheduling: compute time, DRAM bytes per
 * input and per output (as if nothing were fused), the number of tiles the op streams through
 * (for the double-buffering prologue/epilogue), the SRAM it occupies, and the time it would take at
 * full rate ({@code busySeconds}, for utilisation). {@code gemm} and {@code sram} are set for array ops.
 */
public record NodeCost(String device, long cycles, double computeSeconds, long macs, double[] readBytes,
                       double[] writeBytes, long steps, double sramPeakBytes, double busySeconds, ComputeCost gemm,
                       SramCounts sram) {

    public static NodeCost free(String device, int inputs, int outputs) {
        return new NodeCost(device, 0, 0, 0, new double[inputs], new double[outputs], 1, 0, 0, null, null);
    }

    public double totalReadBytes() { return Arrays.stream(readBytes).sum(); }

    public double totalWriteBytes() { return Arrays.stream(writeBytes).sum(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeCost c && device.equals(c.device) && cycles == c.cycles && computeSeconds == c.computeSeconds
                && macs == c.macs && Arrays.equals(readBytes, c.readBytes) && Arrays.equals(writeBytes, c.writeBytes)
                && steps == c.steps && sramPeakBytes == c.sramPeakBytes && busySeconds == c.busySeconds;
    }

    @Override
    public int hashCode() { return device.hashCode() * 31 + Long.hashCode(cycles) + Arrays.hashCode(readBytes); }
}
