package org.npustudio.partition.editor.ui;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.npustudio.graphview.ui.NodeSelection;
import org.npustudio.ir.Model;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.partition.editor.model.PlanEditor;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.NodeRef;
import org.npustudio.plan.Plan;

/**
 * One model's partitioning session on the FX thread: the {@link PlanEditor}, the node selection, the plan
 * file being edited and observable state for the views (they redraw when {@link #revisionProperty()}
 * moves). Refused edits do not throw: their reason becomes the {@link #messageProperty() message}.
 */
public final class PartitionSession {
    /** A line for the status bar; {@code error} marks a refused action. */
    public record Message(String text, boolean error) {
        static final Message NONE = new Message("", false);
    }

    private final Model model;
    private final Path modelFile;
    private final PlanEditor editor;
    private final NodeSelection selection = new NodeSelection();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ObjectProperty<Path> document = new SimpleObjectProperty<>(this, "document");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message", Message.NONE);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");

    public PartitionSession(Model model, Path modelFile, ModelRef ref, Plan initial) {
        this.model = model;
        this.modelFile = modelFile;
        this.editor = new PlanEditor(model.graph(), ref, initial);
        editor.addListener(this::changed);
        changed();
    }

    public Model model() { return model; }

    public Path modelFile() { return modelFile; }

    public ModelRef modelRef() { return editor.model(); }

    public PlanEditor editor() { return editor; }

    public Plan plan() { return editor.plan(); }

    public NodeSelection selection() { return selection; }

    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }

    /** The NPU Studio plan file being edited (Save writes here), or null for a plan not saved yet. */
    public ObjectProperty<Path> documentProperty() { return document; }

    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }

    /** True while a background action (export, check) runs. */
    public ReadOnlyBooleanProperty workingProperty() { return working.getReadOnlyProperty(); }

    void setWorking(boolean w) { working.set(w); }

    public void info(String text) { message.set(new Message(text, false)); }

    public void error(String text) { message.set(new Message(text, true)); }

    /** Applies an edit; a refused one leaves the plan alone and says why. Returns whether it was applied. */
    public boolean apply(PlanEdit edit) {
        try {
            editor.apply(edit);
            info(edit.label());
            return true;
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return false;
        }
    }

    public void undo() {
        if (!editor.canUndo()) return;
        String label = editor.undoLabel();
        editor.undo();
        info("Undone: " + label);
    }

    public void redo() {
        if (!editor.canRedo()) return;
        String label = editor.redoLabel();
        editor.redo();
        info("Redone: " + label);
    }

    /** Selected keys that are nodes of the model (operators), in selection order. */
    public List<String> selectedNodeIds() {
        return editor.refs(selection.keys()).stream().map(NodeRef::id).toList();
    }

    public void select(Collection<String> nodeIds) { selection.set(nodeIds); }

    private void changed() {
        revision.set(editor.revision());
        dirty.set(editor.isDirty());
        canUndo.set(editor.canUndo());
        canRedo.set(editor.canRedo());
    }
}
