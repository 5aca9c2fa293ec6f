package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.error.StudioException;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.report.ReportWriter;
import org.npustudio.profiler.ui.ProfilerPanel;

/** Profile > Export Report: report.html, ops.csv, ops.json and model-explorer.json into a chosen folder. */
final class ReportExportAction {
    private ReportExportAction() {}

    static void run(Window owner, ProfilingSession session, LoadedModel model, Path dir, Consumer<String> status) {
        Profile p = session == null ? null : session.panel().profileProperty().get();
        if (p == null) {
            ErrorDialog.show(owner, "No simulation yet", "Run Profile > Simulate on NPU first; the report shows its results.");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export Report Into Folder");
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File f = chooser.showDialog(owner);
        if (f == null) return;
        export(owner, session.panel(), model, f.toPath(), status);
    }

    /** Writes without asking (also used by tests); errors name the folder and the problem, nothing is half-written. */
    static Task<List<Path>> export(Window owner, ProfilerPanel panel, LoadedModel model, Path target, Consumer<String> status) {
        Profile p = panel.profileProperty().get();
        String graphId = model.model().graph().name().isEmpty() ? model.model().displayName() : model.model().graph().name();
        Task<List<Path>> task = new Task<>() {
            {
                updateTitle("Writing the report");
            }

            @Override
            protected List<Path> call() throws StudioException {
                return ReportWriter.write(p, panel.roof(), panel.metric(), graphId, target);
            }
        };
        return BackgroundWrite.start(owner, task, target, "the report", files -> "Wrote " + files.size() + " files into " + target, status,
                "report-export");
    }
}
