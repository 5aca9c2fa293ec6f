package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.cli.TraceWriter;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.profiler.data.Profile;

/** Profile > Export Trace: the profiled run's schedule as a Chrome/Perfetto trace JSON (the same writer as {@code simulate --trace}). */
final class TraceExportAction {
    private TraceExportAction() {}

    static void run(Window owner, ProfilingSession session, LoadedModel model, Path dir, Consumer<String> status) {
        Profile p = session == null ? null : session.panel().profileProperty().get();
        if (p == null) {
            ErrorDialog.show(owner, "No simulation yet", "Run Profile > Simulate on NPU first; the trace is its schedule.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Trace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Chrome/Perfetto trace (*.json)", "*.json"));
        String base = (model == null ? "profile" : model.summary().name()) + (p.asCompiled() ? "-as-compiled" : "");
        chooser.setInitialFileName(base.replaceAll("[^A-Za-z0-9._-]", "_") + ".trace.json");
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        Path target = f.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? f.toPath() : Path.of(f.getPath() + ".json");
        export(owner, p.run(), target, status);
    }

    /** Writes without asking (also used by tests) on a worker; a path that cannot be written is reported in one line. */
    static Task<Void> export(Window owner, SimulationResult run, Path target, Consumer<String> status) {
        Task<Void> task = new Task<>() {
            {
                updateTitle("Writing the trace");
            }

            @Override
            protected Void call() throws StudioException {
                TraceWriter.write(run, target);
                return null;
            }
        };
        return BackgroundWrite.start(owner, task, target, "the trace", v -> "Wrote " + target + " (open it in ui.perfetto.dev)", status,
                "trace-export");
    }
}
