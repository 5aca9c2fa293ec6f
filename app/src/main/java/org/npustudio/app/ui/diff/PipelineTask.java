package org.npustudio.app.ui.diff;

import javafx.concurrent.Task;
import org.npustudio.ir.Model;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;

/**
 * Runs a pass pipeline on a copy of the open model on a worker thread (the open model is never edited),
 * reporting the pass being run. A failing pass is not a task failure: the result says which pass and
 * node failed and keeps every snapshot up to the last good one.
 */
final class PipelineTask extends Task<DiffSession> {
    private final String modelName;
    private final Model model;
    private final Pipeline pipeline;

    PipelineTask(String modelName, Model model, Pipeline pipeline) {
        this.modelName = modelName;
        this.model = model;
        this.pipeline = pipeline;
        updateTitle("Running pipeline " + pipeline.name());
        updateMessage("Starting pipeline " + pipeline.name() + "…");
    }

    @Override
    protected DiffSession call() {
        PipelineResult r = new PassManager().onProgress((step, total, pass) -> {
            updateMessage("Pass " + step + " of " + total + ": " + pass + "…");
            updateProgress(step - 1, total);
        }).run(ModelCopy.of(model), pipeline);
        updateMessage("Comparing the first changes…");
        DiffSession session = DiffSession.ofPipeline(modelName, pipeline.name(), r);
        // Compute the first changed step's diff here, so the window opens with it ready.
        session.steps().stream().filter(DiffStep::changed).findFirst().ifPresent(DiffStep::diff);
        updateProgress(1, 1);
        return session;
    }
}
