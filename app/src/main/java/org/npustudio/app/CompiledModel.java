package org.npustudio.app;

import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.OutputCheck;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.StandardRules;

/**
 * What {@code npustudio compile} writes, and the IDE when it saves a pipeline's result: a legalized copy of
 * the pipeline's final graph (fused operators expanded back to standard ONNX), accepted by
 * {@link OutputCheck}, written atomically. When the check fails nothing is written.
 */
public final class CompiledModel {
    private CompiledModel() {}

    /** The written file's node count and the check's warning (or null). */
    public record Written(int nodes, String warning) {}

    /** Legalizes a copy of {@code compiled} (left as it is), checks it and writes it to {@code out}. */
    public static Written write(Model compiled, PipelineResult run, Path out) throws StudioException {
        Model legal = ModelCopy.of(compiled);
        StandardRules.legalize(legal);
        GraphEdits.dropUntypedValueInfo(legal.graph());
        OutputCheck.Outcome check = OutputCheck.check(legal, out.toString(), run);
        if (!check.ok()) throw new StudioException(out.toString(), "", check.problem() + "; nothing written");
        OnnxWriter.write(legal, out);
        return new Written(legal.graph().nodes().size(), check.warning());
    }
}
