package org.npustudio.partition.editor.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.npustudio.error.StudioException;
import org.npustudio.export.PartitionExporter;
import org.npustudio.export.PartitionModel;
import org.npustudio.export.SanityChecker;
import org.npustudio.graphview.ui.Notices;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.partition.editor.model.BuiltInDevices;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.plan.AutoPartitioner;
import org.npustudio.plan.Device;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.runtime.OrtRunner;

/**
 * Whole-plan actions: auto-partitioning (with the plan's devices or a devices file), replacing the device
 * list, exporting the partitions as ONNX models and checking them with ONNX Runtime. Export and check run
 * on a worker thread (the plan is immutable, the model only read); their results come back to the FX
 * thread as a dialog or a one-line error.
 */
public final class PlanActions {
    /** Seed of the random inputs the check feeds (the CLI's default too). */
    static final long CHECK_SEED = 0;

    private final PartitionSession session;
    private final Node owner;

    PlanActions(PartitionSession session, Node owner) {
        this.session = session;
        this.owner = owner;
    }

    /** Auto-partitions with the plan's devices (capability based; docs/partition-format.md). */
    public void autoPartition() {
        Plan p = session.plan();
        autoPartition(p.devices(), p.rest().device(), "the plan's devices");
    }

    /** Asks for a devices file (ours or a Glow/NEST-C config) and auto-partitions with it. */
    public void autoPartitionWithDevicesFile() {
        DevicesYaml.Loaded d = chooseDevices("Devices for Auto-partition");
        if (d != null) autoPartition(d.devices(), d.defaultDevice(), "the loaded devices");
    }

    public void autoPartition(java.util.List<Device> devices, String defaultDevice, String what) {
        try {
            Plan plan = AutoPartitioner.partition(session.model().graph(), session.modelRef(), devices, defaultDevice,
                    AutoPartitioner.Options.DEFAULT);
            if (session.apply(new PlanEdit.ReplacePlan("Auto-partition", plan))) {
                long accel = plan.partitions().stream().filter(x -> !x.device().equals(defaultDevice)).count();
                int n = plan.partitions().size();
                session.info("Auto-partitioned with " + what + ": " + n + (n == 1 ? " partition, " : " partitions, ") + accel
                        + (accel == 1 ? " on an accelerator" : " on accelerators"));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            session.error("Auto-partition: " + e.getMessage());
        }
    }

    /** Opens <em>Optimise plan…</em> on the current plan (docs/partition-editor.md). */
    public OptimiseDialog optimise() {
        OptimiseDialog d = new OptimiseDialog(session, owner);
        d.show();
        return d;
    }

    /** Replaces the device list (a file, or the built-in one when {@code file} is null). */
    public void loadDevices() {
        DevicesYaml.Loaded d = chooseDevices("Load Devices");
        if (d != null) replaceDevices(d, "Load devices");
    }

    public void builtInDevices() { replaceDevices(BuiltInDevices.load(), "Built-in devices"); }

    /** Partitions keep their device names; one that no longer exists is reported by the validator. */
    void replaceDevices(DevicesYaml.Loaded d, String label) {
        Plan p = session.plan().withDevices(d.devices());
        if (p.device(p.rest().device()) == null) p = p.withRest(p.rest().withDevice(d.defaultDevice()));
        session.apply(new PlanEdit.ReplacePlan(label, p));
        if (!d.warnings().isEmpty()) session.info(label + ": " + d.warnings().get(0));
    }

    private DevicesYaml.Loaded chooseDevices(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(PlanDocument.YAML, new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = c.showOpenDialog(Dialogs.owner(owner));
        if (f == null) return null;
        try {
            return DevicesYaml.read(f.toPath());
        } catch (StudioException e) {
            session.error(e.oneLine());
            Dialogs.error(owner, "Could not read the devices", e.oneLine());
            return null;
        }
    }

    public void exportPartitions() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export Partitions to Folder (new, empty or a previous export)");
        File f = c.showDialog(Dialogs.owner(owner));
        if (f != null) exportTo(f.toPath(), r -> { });
    }

    /** Writes DIR/<partition>.onnx and DIR/plan.yaml off the FX thread. */
    public Task<PartitionExporter.Result> exportTo(Path dir, Consumer<PartitionExporter.Result> done) {
        Plan plan = session.plan();
        return run("Exporting partitions to " + dir + "…", () -> PartitionExporter.export(session.model(), plan, dir), r -> {
            StringBuilder text = new StringBuilder();
            for (PartitionModel pm : r.split().pieces()) {
                text.append(pm.name()).append(".onnx  ").append(pm.device()).append("  ").append(pm.nodeCount()).append(" nodes\n");
            }
            for (String w : r.split().warnings()) text.append("warning: ").append(w).append('\n');
            session.info("Exported " + r.split().pieces().size() + " partitions to " + r.dir());
            String header = "Exported " + r.files().size() + " files to " + r.dir();
            // Warnings must be read: a dialog that stays. Without any, it is news: a notice that fades.
            if (r.split().warnings().isEmpty()) Notices.info(Dialogs.owner(owner), header, text.toString().strip());
            else Dialogs.info(owner, header, text.toString().strip());
            done.accept(r);
        }, "Could not export the partitions");
    }

    /** Runs the model and the chained partitions in ONNX Runtime on seeded random inputs and shows the differences. */
    public Task<SanityChecker.Report> check() {
        Plan plan = session.plan();
        return run("Checking with ONNX Runtime…", () -> SanityChecker.check(session.model(), plan,
                SanityChecker.inputs(session.model(), Map.of(), CHECK_SEED), OrtRunner.Options.DETERMINISTIC), r -> {
            session.info(CheckReportDialog.summary(r));
            CheckReportDialog.show(owner, r, SanityChecker.randomInputs(session.model(), Map.of()));
        }, "The check could not run");
    }

    private <T> Task<T> run(String what, Callable<T> work, Consumer<T> success, String failureHeader) {
        Task<T> task = new Task<>() {
            {
                updateTitle(what.endsWith("…") ? what.substring(0, what.length() - 1) : what);
            }

            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        session.setWorking(true);
        session.info(what);
        task.setOnSucceeded(e -> {
            session.setWorking(false);
            success.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            session.setWorking(false);
            String msg = StudioException.describe(task.getException());
            session.error(msg);
            Dialogs.error(owner, failureHeader, msg);
        });
        Workers.start(task, "partition-action");
        return task;
    }
}
