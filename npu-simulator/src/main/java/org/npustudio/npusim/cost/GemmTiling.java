package org.npustudio.npusim.cost;

import org.npustudio.npusim.ComputeCost;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.work.GemmWork;
import org.npustudio.plan.Precision;

/**
 * DRAM traffic of a GEMM from its tiling against the SRAMs. The array works fold by fold; an operand is
 * fetched once when the part of it that is reused across folds stays resident, otherwise once per fold
 * of the other operand:
 * <ul>
 * <li>OS: with row folds outermost the ifmap rows of a fold are reused across column folds and the
 *     weights are re-read per row fold unless all fit; with column folds outermost the reverse. The
 *     cheaper order is taken. Outputs accumulate in the PEs: written once.</li>
 * <li>WS: every weight tile is loaded once (it is the stationary operand); the ifmap streams once per
 *     column fold unless it fits; partial sums leave the array once per row fold and are written back,
 *     as SCALE-Sim counts them (ofmap x ceil(K/R)).</li>
 * <li>IS: the ifmap is stationary (read once); weights stream once per column fold unless they fit;
 *     partial sums as WS.</li>
 * </ul>
 * With SRAMs large enough this gives the unique tensor sizes (and WS's partial sums), as SCALE-Sim.
 */
final class GemmTiling {
    private GemmTiling() {}

    record Traffic(double ifmapBytes, double weightBytes, double ofmapBytes, double sramPeak) {}

    static Traffic traffic(String node, GemmWork w, ComputeCost cc, NpuConfig c, Precision p) throws SramTooSmallException {
        long r = c.rows();
        long cols = c.cols();
        double ba = p.activationBytes(1);
        double bw = w.constantInputs().length > 1 && w.constantInputs()[1] ? p.weightBytes(1) : ba;
        double[] min = switch (c.dataflow()) {
            case OS -> new double[] {2 * r * ba, 2 * cols * bw, r * cols * ba};
            case WS -> new double[] {2 * r * ba, 2 * r * cols * bw, 2 * cols * ba};
            case IS -> new double[] {2 * r * cols * ba, 2 * r * bw, 2 * cols * ba};
        };
        Buffers buf = Buffers.check(c.name(), node, c.sram(), min[0], min[1], min[2]);
        double g = w.count();
        double i = w.ifmapElements();
        double wt = w.weightElements();
        double o = w.ofmapElements();
        double ig = i / g * ba;
        double wg = wt / g * bw;
        long rowFolds = cc.rowFolds();
        long colFolds = cc.colFolds();
        double ifmapReads;
        double weightReads;
        double ofmapWrites = o;
        if (c.dataflow() == Dataflow.OS) {
            double rowTile = Math.ceil(ig / rowFolds);
            double aRowOuter = rowTile <= buf.ifmap() ? i : i * colFolds;
            double bRowOuter = wg <= buf.filter() ? wt : wt * rowFolds;
            double colTile = Math.ceil(wg / colFolds);
            double bColOuter = colTile <= buf.filter() ? wt : wt * rowFolds;
            double aColOuter = ig <= buf.ifmap() ? i : i * colFolds;
            if (aRowOuter * ba + bRowOuter * bw <= aColOuter * ba + bColOuter * bw) {
                ifmapReads = aRowOuter;
                weightReads = bRowOuter;
            } else {
                ifmapReads = aColOuter;
                weightReads = bColOuter;
            }
        } else if (c.dataflow() == Dataflow.WS) {
            weightReads = wt;
            ifmapReads = ig <= buf.ifmap() ? i : i * colFolds;
            ofmapWrites = o * rowFolds;
        } else {
            ifmapReads = i;
            weightReads = wg <= buf.filter() ? wt : wt * colFolds;
            ofmapWrites = o * rowFolds;
        }
        double peak = buf.peak(c.sram(), ig, wg, o / g * ba);
        return new Traffic(ifmapReads * ba, weightReads * bw, ofmapWrites * ba, peak);
    }
}
