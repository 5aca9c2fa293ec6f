package org.npustudio.partition.editor.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.partition.editor.model.BuiltInDevices;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanBinding;
import org.npustudio.plan.nestc.NestcConverter;
import org.npustudio.plan.nestc.NestcPlanFormat;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.plan.yaml.PlanFiles;
import org.npustudio.plan.yaml.PlanYamlWriter;

/**
 * The plan as a file: New, Open (our format or NEST-C's; members that match no node are kept and listed),
 * Save / Save As (our format, atomically), Export as NEST-C, and the Save / Don't Save / Cancel question
 * before unsaved changes would be lost. A NEST-C file is never overwritten in our format: after opening
 * one, Save asks for a new file name.
 */
public final class PlanDocument {
    static final FileChooser.ExtensionFilter YAML = new FileChooser.ExtensionFilter("Plans (*.yaml, *.yml)", "*.yaml", "*.yml");

    private final PartitionSession session;
    private final RecoveryStore recovery;
    private final Node owner;

    PlanDocument(PartitionSession session, RecoveryStore recovery, Node owner) {
        this.session = session;
        this.recovery = recovery;
        this.owner = owner;
    }

    /** A new, empty plan on the built-in NPU and CPU (asks first when there are unsaved changes). */
    public void newPlan() {
        if (!confirmDiscard()) return;
        DevicesYaml.Loaded d = BuiltInDevices.load();
        session.editor().reset(Plan.empty(session.modelRef(), d.devices(), d.defaultDevice()), true);
        session.documentProperty().set(null);
        session.select(List.of());
        session.info("New plan: every node on " + d.defaultDevice() + " until partitions are drawn");
    }

    public void open() {
        if (!confirmDiscard()) return;
        FileChooser c = chooser("Open Partition Plan");
        File f = c.showOpenDialog(Dialogs.owner(owner));
        if (f != null) open(f.toPath());
    }

    /** Opens a plan file in either format; returns whether it was opened (errors are shown, not thrown). */
    public boolean open(Path file) {
        PlanFiles.Opened o;
        try {
            o = PlanFiles.read(file, session.model().graph(), session.modelRef());
        } catch (StudioException e) {
            session.error(e.oneLine());
            Dialogs.error(owner, "Could not open the plan", e.oneLine());
            return false;
        }
        boolean ours = o.format() == PlanFiles.Format.NPUSTUDIO;
        session.editor().reset(o.plan(), ours);
        session.documentProperty().set(ours ? file : null);
        session.select(List.of());
        List<PlanBinding.Unmatched> unmatched = session.editor().binding().unmatched();
        StringBuilder text = new StringBuilder();
        for (String w : o.warnings()) text.append(w).append('\n');
        if (!unmatched.isEmpty()) {
            text.append(unmatched.size()).append(" plan members match no node of this model; they stay in the plan:\n");
            for (PlanBinding.Unmatched u : unmatched.subList(0, Math.min(30, unmatched.size()))) {
                text.append("  ").append(u.partition()).append(": ").append(u.ref().displayName()).append('\n');
            }
            if (unmatched.size() > 30) text.append("  … and ").append(unmatched.size() - 30).append(" more (see Issues)\n");
        }
        session.info("Opened " + file.getFileName() + (ours ? "" : " (" + o.format().displayName() + "; Save writes an NPU Studio plan)")
                + (unmatched.isEmpty() ? "" : " · " + unmatched.size() + " unmatched members"));
        if (text.length() > 0) Dialogs.info(owner, "Opened " + file.getFileName() + " with remarks", text.toString().strip());
        return true;
    }

    /** Saves to the current file, or asks for one. Returns whether the plan was saved. */
    public boolean save() {
        Path doc = session.documentProperty().get();
        return doc == null ? saveAs() : saveTo(doc);
    }

    public boolean saveAs() {
        FileChooser c = chooser("Save Partition Plan");
        c.setInitialFileName(baseName() + ".plan.yaml");
        File f = c.showSaveDialog(Dialogs.owner(owner));
        return f != null && saveTo(f.toPath());
    }

    /** Writes the plan in our format, atomically; on success it is the document and not dirty any more. */
    public boolean saveTo(Path file) {
        try {
            AtomicFiles.writeString(file, PlanYamlWriter.write(session.plan()));
        } catch (StudioException e) {
            session.error(e.oneLine());
            Dialogs.error(owner, "Could not save the plan", e.oneLine());
            return false;
        }
        session.documentProperty().set(file);
        session.editor().markSaved();
        recovery.discard(session.modelRef());
        session.info("Saved " + file);
        return true;
    }

    public void exportNestc() {
        FileChooser c = chooser("Export NEST-C Plan");
        c.setInitialFileName(baseName() + ".nestc.yaml");
        File f = c.showSaveDialog(Dialogs.owner(owner));
        if (f != null) exportNestcTo(f.toPath());
    }

    /** Writes the plan as a NEST-C plan (node names with '-' or ':' cannot be written; the error says which). */
    public boolean exportNestcTo(Path file) {
        try {
            String funcName = session.modelFile() == null ? null : session.modelFile().getFileName().toString();
            AtomicFiles.writeString(file, NestcPlanFormat.write(NestcConverter.fromPlan(session.plan(), funcName)));
        } catch (StudioException e) {
            session.error(e.oneLine());
            Dialogs.error(owner, "Could not export the NEST-C plan", e.oneLine());
            return false;
        }
        String dropped = String.join("; ", NestcConverter.droppedOnExport(session.plan()));
        session.info("Exported the NEST-C plan " + file + (dropped.isEmpty() ? "" : " — " + dropped));
        return true;
    }

    /**
     * True when nothing unsaved would be lost: the plan is saved, or the user chose Save (and it saved) or
     * Don't Save (the autosave copy is then removed too). Cancel gives false.
     */
    public boolean confirmDiscard() {
        if (!session.editor().isDirty()) return true;
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        a.initOwner(Dialogs.owner(owner));
        a.setTitle("NPU Studio");
        a.setHeaderText("Save the changes to the partition plan"
                + (session.documentProperty().get() == null ? "" : " " + session.documentProperty().get().getFileName()) + "?");
        a.setContentText("Your changes will be lost if you don't save them.");
        a.getDialogPane().setId("unsaved-plan-dialog");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return false;
        if (r.get() == save) return save();
        recovery.discard(session.modelRef());
        return true;
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(YAML, new FileChooser.ExtensionFilter("All files", "*.*"));
        Path doc = session.documentProperty().get();
        Path dir = doc != null ? doc.toAbsolutePath().getParent()
                : session.modelFile() == null ? null : session.modelFile().toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) c.setInitialDirectory(dir.toFile());
        return c;
    }

    private String baseName() {
        String n = session.modelFile() == null ? "model" : session.modelFile().getFileName().toString();
        return n.endsWith(".onnx") ? n.substring(0, n.length() - 5) : n;
    }
}
