package org.npustudio.app.lesson;

import java.util.Map;

/**
 * A quantity computed from the work state by product code (docs/lessons.md "Measures"): the revealed answer
 * of a predict step, and what numeric checks compare. {@code type} is one of {@link MeasureType}; params are
 * the measure's options as written ({@code op}, {@code node}, {@code npu}, {@code pipeline}, {@code fuse});
 * {@code on} says which state it is computed on.
 */
public record Measure(MeasureType type, Map<String, String> params, On on, Place place) {
    /** The state a measure reads: the student's workspace as it is now, or the lesson's untouched start. */
    public enum On { WORKSPACE, START }

    public Measure {
        params = Map.copyOf(params);
    }

    public String param(String key) { return params.get(key); }

    /** For messages: {@code cycles of conv1 on npu.yaml}. */
    public String describe() { return type.describe(this); }
}
