package org.npustudio.npusim.work;

import java.util.List;

/** A node as the simulator sees it: stable id, op type, value names in and out, and its work. */
public record WorkNode(String id, String opType, List<String> inputs, List<String> outputs, OpWork work) {
    public WorkNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
