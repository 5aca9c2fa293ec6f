package org.npustudio.analysis;

import java.util.OptionalLong;

/**
 * The arithmetic cost and weight footprint of one node.
 *
 * @param macs       multiply-accumulates, empty when a shape it depends on is unknown
 * @param flops      floating-point operations, empty when unknown
 * @param params     elements of the initializers the node reads
 * @param paramBytes bytes of those initializers
 */
public record OpCost(OptionalLong macs, OptionalLong flops, long params, long paramBytes) {
    /** True when both MACs and FLOPs could be computed. */
    public boolean isKnown() {
        return macs.isPresent() && flops.isPresent();
    }
}
