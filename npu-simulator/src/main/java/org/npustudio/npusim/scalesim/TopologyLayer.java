package org.npustudio.npusim.scalesim;

import org.npustudio.npusim.GemmShape;

/**
 * One row of a SCALE-Sim topology file. Convolution rows are turned into a GEMM exactly as SCALE-Sim
 * does: no padding, ofmap = ceil((ifmap - filter + stride) / stride), M = ofmap pixels, N = filters,
 * K = filter height * width * channels. A depthwise layer is whatever the row says (SCALE-Sim's own
 * topologies write it as a convolution over the given channels), so we reproduce SCALE-Sim literally.
 */
public record TopologyLayer(String name, long ifmapH, long ifmapW, long filterH, long filterW, long channels,
                            long filters, long stride, GemmShape gemm) {

    public static TopologyLayer conv(String name, long ih, long iw, long fh, long fw, long ch, long nf, long st) {
        long oh = ofmap(ih, fh, st);
        long ow = ofmap(iw, fw, st);
        return new TopologyLayer(name, ih, iw, fh, fw, ch, nf, st, new GemmShape(oh * ow, nf, fh * fw * ch));
    }

    public static TopologyLayer gemm(String name, long m, long n, long k) {
        return new TopologyLayer(name, m, 1, 1, 1, k, n, 1, new GemmShape(m, n, k));
    }

    static long ofmap(long ifmap, long filter, long stride) {
        return (ifmap - filter + stride + stride - 1) / stride;
    }

    public long ofmapH() { return ofmap(ifmapH, filterH, stride); }

    public long ofmapW() { return ofmap(ifmapW, filterW, stride); }

    /** Unique input feature-map elements (SCALE-Sim's word count for the IFMAP). */
    public long ifmapElements() { return ifmapH * ifmapW * channels; }

    public long filterElements() { return filterH * filterW * channels * filters; }

    public long ofmapElements() { return ofmapH() * ofmapW() * filters; }
}
