package org.npustudio.app.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.app.CompiledModel;
import org.npustudio.app.lesson.LessonSession;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.app.ui.diff.DiffSession;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.Snapshot;

/**
 * Writes the results of the IDE's views into a lesson workspace, atomically, then tells the session to
 * read the files again. A pipeline's result is written as {@code npustudio compile} writes it (legalized,
 * checked by ONNX Runtime); a plan goes through the partition editor's own Save (see LessonPane).
 * Runs off the FX thread.
 */
final class WorkspaceSaves {
    private WorkspaceSaves() {}

    /** The final graph of a pass diff view's pipeline, compiled over the workspace's model.onnx. */
    static CompiledModel.Written saveCompiled(LessonSession session, DiffSession diff) throws StudioException {
        PipelineResult run = diff.pipelineResult();
        Path target = session.workspace().resolve(Workspaces.MODEL);
        if (run == null) throw new StudioException(target.toString(), "", "only a pipeline's result can be saved as the lesson's model");
        if (!run.succeeded()) throw new StudioException(target.toString(), "", "the pipeline stopped (" + run.failure().oneLine() + "); nothing written");
        Snapshot last = run.lastGoodSnapshot();
        CompiledModel.Written w = CompiledModel.write(last == null ? run.input().model() : last.model(), run, target);
        session.refresh();
        return w;
    }

    /** Puts a file made elsewhere (e.g. a reference solution's artifact) into the workspace under {@code name}. */
    static void adopt(LessonSession session, String name, Path from) throws StudioException {
        try {
            AtomicFiles.write(session.workspace().resolve(name), Files.readAllBytes(from));
        } catch (IOException e) {
            throw new StudioException(from.toString(), "", "cannot read: " + AtomicFiles.describe(e));
        }
        session.refresh();
    }
}
