package org.npustudio.app.lesson;

import java.util.List;
import java.util.Map;

/**
 * A quantity computed from the work state by product code (docs/lessons.md "Measures"): the revealed answer
 * of a predict step, and what numeric checks compare. {@code type} is one of {@link MeasureType}; params are
 * the measure's options as written ({@code op}, {@code node}, {@code npu}, {@code pipeline}, {@code fuse});
 * {@code on} says which state it is computed on. {@code nodes} (simulator measures) lists the nodes of a block
 * whose values are summed; empty for the whole model or one {@code node}.
 */
public record Measure(MeasureType type, Map<String, String> params, List<String> nodes, On on, Place place) {
    /** The state a measure reads: the student's workspace as it is now, or the lesson's untouched start. */
    public enum On { WORKSPACE, START }

    public Measure {
        params = Map.copyOf(params);
        nodes = List.copyOf(nodes);
    }

    /** Every node the measure names: its {@code node}, or its {@code nodes}. */
    public List<String> nodeNames() {
        return param("node") != null ? List.of(param("node")) : nodes;
    }

    public String param(String key) { return params.get(key); }

    /** For messages: {@code cycles of conv1 on npu.yaml}. */
    public String describe() { return type.describe(this); }
}
