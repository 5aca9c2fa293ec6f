package org.npustudio.app.lesson.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.app.lesson.WorkState;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.numeric.OrtExecution;

/**
 * Runs the workspace model and the lesson's start model in ONNX Runtime (optimisations off, one thread) on
 * the same seeded inputs, made from the start model's (bound) input shapes.
 */
final class OrtRuns {
    /** One run: the outputs of both models by name. */
    record Pair(Map<String, Tensor> start, Map<String, Tensor> work) {}

    private OrtRuns() {}

    static List<Pair> run(WorkState w, List<String> values, long seed, int runs) throws StudioException {
        Model work = w.model();
        Model start = w.start().model();
        for (String v : values) {
            if (work.graph().producer(v) == null) throw new StudioException(w.where("model.onnx"), "", "no value named '" + v + "' to compare");
        }
        if (!values.isEmpty()) {
            work = OrtExecution.exposing(work, values);
            start = OrtExecution.exposing(start, values);
        }
        List<String> outputs = values.isEmpty() ? start.graph().outputs().stream().map(v -> v.name()).toList() : values;
        List<Pair> out = new ArrayList<>();
        try (var a = OrtExecution.open(start); var b = OrtExecution.open(work)) {
            for (int i = 0; i < runs; i++) {
                Map<String, Tensor> inputs = OrtExecution.randomInputs(start, seed + i);
                out.add(new Pair(a.run(inputs, outputs), b.run(inputs, outputs)));
            }
        }
        return out;
    }
}
