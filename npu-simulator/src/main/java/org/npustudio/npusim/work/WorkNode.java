package org.npustudio.npusim.work;

import java.util.List;

/**
 * A node as the simulator sees it: stable id, op type, value names in and out, its work, and the op types a
 * device must support to run it ({@code needs}: the op type itself, or for a fused node such as a
 * FusedConv with a Relu, its parts Conv and Relu).
 */
public record WorkNode(String id, String opType, List<String> inputs, List<String> outputs, OpWork work, List<String> needs) {
    public WorkNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        needs = needs == null ? List.of(opType) : List.copyOf(needs);
    }

    public WorkNode(String id, String opType, List<String> inputs, List<String> outputs, OpWork work) {
        this(id, opType, inputs, outputs, work, null);
    }
}
