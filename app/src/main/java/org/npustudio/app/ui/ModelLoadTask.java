package org.npustudio.app.ui;

import java.nio.file.Path;
import javafx.concurrent.Task;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;

/** Reads and summarizes a model on a worker thread so the window stays responsive. */
final class ModelLoadTask extends Task<LoadedModel> {
    private final Path file;

    ModelLoadTask(Path file) {
        this.file = file;
        updateTitle("Loading " + file.getFileName());
    }

    Path file() { return file; }

    @Override
    protected LoadedModel call() throws StudioException {
        updateMessage("Reading " + file.getFileName() + "…");
        Model model = ModelFiles.open(file);
        updateMessage("Analysing " + model.graph().nodes().size() + " nodes…");
        return new LoadedModel(file, model, ModelSummary.of(model));
    }

    /** The one-line text to show for a failed load; never a stack trace. */
    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) return "out of memory while loading the model; give Java more heap (-Xmx)";
        return StudioException.describe(failure);
    }
}
