package org.npustudio.passes;

import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.runtime.OrtRunner;

/**
 * The last gate before a compiled model is written: the {@link Verifier}'s rules (ModelValidator's
 * structural checks on every body, typed value_info) and ONNX Runtime creating a session on the exact
 * bytes. When ONNX Runtime refuses the output, the pipeline's snapshots are tried in order to name the
 * first pass after which it refuses; when it refuses the input as well, the output is not blamed.
 */
public final class OutputCheck {
    private OutputCheck() {}

    /** What the check found: null problem when the model may be written; a warning to show either way. */
    public record Outcome(String problem, String warning) {
        public boolean ok() { return problem == null; }
    }

    /** Checks {@code legal} (legalized, about to be written as {@code name}); {@code run} names the culprit. */
    public static Outcome check(Model legal, String name, PipelineResult run) {
        List<String> problems = Verifier.check(legal);
        if (!problems.isEmpty()) return new Outcome("the compiled model is malformed: " + problems.get(0), null);
        String ort = ortRefuses(legal, name);
        if (ort == null) return new Outcome(null, null);
        Snapshot input = run == null ? null : run.input();
        if (input != null && ortRefuses(legalCopy(input.model()), name) != null) {
            return new Outcome(null, "ONNX Runtime cannot load the input model either, so the output is not checked by it (" + ort + ")");
        }
        String culprit = "";
        if (run != null) {
            for (Snapshot s : run.snapshots()) {
                if (s.step() > 0 && ortRefuses(legalCopy(s.model()), name) != null) {
                    culprit = " (first after pass '" + s.afterPass() + "', step " + s.step() + ")";
                    break;
                }
            }
        }
        return new Outcome("ONNX Runtime refuses the compiled model" + culprit + ": " + ort, null);
    }

    private static Model legalCopy(Model m) {
        Model c = ModelCopy.of(m);
        StandardRules.legalize(c);
        GraphEdits.dropUntypedValueInfo(c.graph());
        return c;
    }

    /** ONNX Runtime's one-line reason for refusing the model, or null when it creates a session. */
    private static String ortRefuses(Model m, String name) {
        try (OrtRunner r = OrtRunner.open(OnnxWriter.toBytes(m), name, OrtRunner.Options.DETERMINISTIC)) {
            return null;
        } catch (StudioException e) {
            return e.problem();
        }
    }
}
