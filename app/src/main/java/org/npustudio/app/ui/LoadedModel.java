package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.List;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.ir.Model;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeBinding;

/**
 * A model the window has opened, with its summary computed off the FX thread.
 *
 * @param declaredInputs the inputs as the file declares them (before any binding; what the
 *                       "Bind input shapes…" dialog offers)
 * @param binding        the input shapes applied to {@code model} (NONE when none)
 * @param needsBinding   some input still has a dim without a size
 */
public record LoadedModel(Path file, Model model, ModelSummary summary, List<ValueInfo> declaredInputs,
                          ShapeBinding binding, boolean needsBinding) {
    public LoadedModel(Path file, Model model, ModelSummary summary) {
        this(file, model, summary, List.copyOf(ShapeBinding.realInputs(model.graph()).values()), ShapeBinding.NONE,
                !ShapeBinding.unboundInputs(model).isEmpty());
    }
}
