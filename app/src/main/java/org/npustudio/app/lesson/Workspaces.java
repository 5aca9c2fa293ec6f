package org.npustudio.app.lesson;

/** The fixed artifact names of a lesson workspace: each step reads them, action steps overwrite them. */
public final class Workspaces {
    /** The current graph. */
    public static final String MODEL = "model.onnx";
    /** The current partition plan (docs/partition-format.md). */
    public static final String PLAN = "plan.yaml";
    /** The NPU the simulator checks use (docs/npu-config.md). */
    public static final String NPU = "npu.yaml";
    /** The student's progress: lesson id and version, answers, predictions, hints, current step. */
    public static final String STATE = "lesson-workspace.yaml";

    private Workspaces() {}
}
