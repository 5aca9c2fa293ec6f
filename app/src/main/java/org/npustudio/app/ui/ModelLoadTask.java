package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.app.BindingStore;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeBinding;

/**
 * Reads and summarizes a model on a worker thread so the window stays responsive. A model whose inputs
 * have dims without a size gets the binding given (the dialog's) or the one remembered for its content.
 */
final class ModelLoadTask extends Task<LoadedModel> {
    private final Path file;
    private final ShapeBinding binding;
    private final BindingStore store;

    /** @param binding the shapes to bind, or null to use the remembered ones (if any) */
    ModelLoadTask(Path file, ShapeBinding binding, BindingStore store) {
        this.file = file;
        this.binding = binding;
        this.store = store;
        updateTitle("Loading " + file.getFileName());
    }

    Path file() { return file; }

    @Override
    protected LoadedModel call() throws StudioException {
        updateMessage("Reading " + file.getFileName() + "…");
        Model model = ModelFiles.open(file);
        List<ValueInfo> declared = List.copyOf(ShapeBinding.realInputs(model.graph()).values());
        ShapeBinding b = binding;
        if (b == null && !ShapeBinding.unboundInputs(model).isEmpty()) b = remembered();
        if (b != null && !b.isEmpty()) {
            updateMessage("Binding input shapes…");
            b.applyTo(model); // a second inference pass, only for models that need one
        }
        updateMessage("Analysing " + model.graph().nodes().size() + " nodes…");
        return new LoadedModel(file, model, ModelSummary.of(model), declared, b == null ? ShapeBinding.NONE : b,
                !ShapeBinding.unboundInputs(model).isEmpty());
    }

    /** The remembered binding; an unreadable or stale one is ignored (the dialog then asks again). */
    private ShapeBinding remembered() {
        try {
            return store.load(BindingStore.key(file));
        } catch (StudioException e) {
            return null;
        }
    }

    /** The one-line text to show for a failed load; never a stack trace. */
    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) return "out of memory while loading the model; give Java more heap (-Xmx)";
        return StudioException.describe(failure);
    }
}
