package org.npustudio.partition.editor.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.ir.Model;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.plan.ModelRef;

/**
 * The "Partition" tab of an open model. The editor is built the first time it is needed: the model file
 * is hashed (plans and autosaves are keyed by its SHA-256) on a worker thread, then the workspace shares
 * the main graph view's laid-out scene and its initializer/direction toggles, so the owner lays out once.
 */
public final class PartitionTab extends Tab {
    private final Model model;
    private final Path file;
    private final GraphView main;
    private final RecoveryStore store;
    private final List<Consumer<PartitionWorkspace>> waiting = new ArrayList<>();
    private PartitionWorkspace workspace;
    private boolean starting;

    public PartitionTab(Model model, Path file, GraphView main, RecoveryStore store) {
        super("Partition");
        this.model = model;
        this.file = file;
        this.main = main;
        this.store = store;
        setId("tab-partition");
        ProgressIndicator spin = new ProgressIndicator();
        spin.setMaxSize(40, 40);
        VBox wait = new VBox(12, spin, new Label("Preparing the partition editor (hashing the model)…"));
        wait.setAlignment(javafx.geometry.Pos.CENTER);
        setContent(wait);
        selectedProperty().addListener((o, was, now) -> {
            if (now) start();
        });
    }

    /** The workspace, or null while it is being prepared. */
    public PartitionWorkspace workspace() { return workspace; }

    /** Shows this tab and runs {@code action} once the workspace exists (at once when it does). */
    public void whenReady(Consumer<PartitionWorkspace> action) {
        if (getTabPane() != null) getTabPane().getSelectionModel().select(this);
        if (workspace != null) {
            action.accept(workspace);
            return;
        }
        waiting.add(action);
        start();
    }

    /** Runs {@code action} once the workspace exists (at once when it does), without showing or starting it. */
    public void whenCreated(Consumer<PartitionWorkspace> action) {
        if (workspace != null) action.accept(workspace);
        else waiting.add(action);
    }

    /** True when the model may be closed (no partition changes would be lost). */
    public boolean confirmClose() {
        return workspace == null || workspace.confirmClose();
    }

    public void dispose() {
        if (workspace != null) workspace.dispose();
    }

    private void start() {
        if (workspace != null || starting) return;
        starting = true;
        Task<ModelRef> hash = new Task<>() {
            @Override
            protected ModelRef call() throws Exception {
                return ModelRef.of(file);
            }
        };
        hash.setOnSucceeded(e -> build(hash.getValue()));
        hash.setOnFailed(e -> build(new ModelRef(file.getFileName().toString(), "")));   // no autosave, plans still work
        Workers.start(hash, "model-hash");
    }

    private void build(ModelRef ref) {
        workspace = new PartitionWorkspace(model, file, ref, store);
        GraphView v = workspace.graphView();
        v.showInitializersProperty().bindBidirectional(main.showInitializersProperty());
        v.horizontalProperty().bindBidirectional(main.horizontalProperty());
        v.graphSceneProperty().bind(main.graphSceneProperty());
        setContent(workspace);
        List<Consumer<PartitionWorkspace>> run = List.copyOf(waiting);
        waiting.clear();
        run.forEach(a -> a.accept(workspace));
    }
}
