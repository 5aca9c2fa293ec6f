package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.npustudio.app.BindingStore;
import org.npustudio.app.ui.diff.DiffActions;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.app.ui.help.HelpMenu;
import org.npustudio.app.ui.present.PresenterMenu;
import org.npustudio.app.ui.present.PresenterMode;
import org.npustudio.error.StudioException;
import org.npustudio.shape.ShapeBinding;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.SplitMemory;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.partition.editor.ui.PartitionMenu;
import org.npustudio.partition.editor.ui.PartitionTab;

/**
 * The IDE's main window: menu bar on top, status bar at the bottom and a centre that shows the welcome
 * pane, a load in progress or the open model (graph view and summary, see {@link ModelWorkspace}).
 */
public final class MainWindow {
    public static final String TITLE = "NPU Studio";

    private final Stage stage;
    private final BorderPane root = new BorderPane();
    /** What the window shows between menu and status bar: welcome, a load in progress or the open model. */
    private final javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane();
    private final Label status = new Label("Ready");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final List<MenuItem> needModel = new ArrayList<>();
    private ModelWorkspace workspace;
    private ModelLoadTask current;
    private Node settled;
    private LoadedModel model;
    private String lastError;
    private Path lastDirectory;
    /** Pass diff windows of the open model's pipeline runs: they close with the model. */
    private final List<javafx.stage.Window> modelDiffWindows = new ArrayList<>();
    private BindingStore bindings = BindingStore.standard();
    private BindShapesDialog bindDialog;
    private final PresenterMode presenter;
    private final MainWindowLessons lessons;
    private final SweepActions sweeps = new SweepActions(this);
    private final HelpMenu help;
    private MenuBar menuBar;
    /** What to do with the next model shown (a sweep point to profile), or null. */
    private java.util.function.Consumer<ModelWorkspace> whenShown;

    public MainWindow(Stage stage) {
        this.stage = stage;
        presenter = new PresenterMode(stage, this::step);
        lessons = new MainWindowLessons(this);
        help = new HelpMenu(stage, () -> menuBar, status::setText);
        root.setId("main-window");
        menuBar = menuBar();
        root.setTop(menuBar);
        root.setBottom(statusBar());
        centre.setId("main-centre");
        root.setCenter(centre);
        SplitMemory.setStore(StudioPrefs.splitters());
        showWelcome();
        // Start at a comfortable size, but never larger than the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("studio.css").toExternalForm());
        ModelDropTarget.install(scene, this::open);
        help.install(scene);
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        GraphViewWarmup.start(() -> current != null);
        stage.setOnCloseRequest(e -> {
            if (!mayCloseModel()) e.consume();
        });
    }

    public Stage stage() { return stage; }

    /** The window's layout; the graph view will be placed in its centre. */
    public BorderPane root() { return root; }

    /** The open model, or null. */
    public LoadedModel model() { return model; }

    /** The one-line message of the last failed load, or null. */
    public String lastError() { return lastError; }

    /** True while a model loads or its graph is being laid out. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public boolean isBusy() { return busy.get(); }

    /** What the window shows for the open model, or null. */
    ModelWorkspace workspace() { return workspace; }

    /** The graph view of the open model, or null. */
    public GraphView graphView() { return workspace == null ? null : workspace.graphView(); }

    /** The Help menu's windows: cheat sheet, command palette, About. */
    public HelpMenu help() { return help; }

    /** Presenter mode (F5) of this window and the ones it opens. */
    public PresenterMode presenter() { return presenter; }

    /**
     * One step forward (+1) or back (-1), as the presenter's keys do: through the open lesson's steps, else
     * through the passes of the front-most pass diff window, if one is showing. Returns whether anything moved.
     */
    public boolean step(int direction) {
        if (lessons.pane() != null) return lessons.pane().step(direction);
        PassDiffView diff = PassDiffWindows.front();
        return diff != null && diff.stepPasses(direction);
    }

    /**
     * Opens a lesson (a bundled lesson's id, or a lesson folder) on a student workspace folder: a new or empty
     * folder is started, an existing workspace of this lesson is continued; anything else is refused with one
     * line in a dialog and nothing is written. The lesson pane docks on the right and the workspace's model opens.
     */
    public void openLesson(String lesson, Path workspace) { lessons.open(lesson, workspace); }

    /** The docked lesson pane, or null. */
    public org.npustudio.app.ui.lesson.LessonPane lessonPane() { return lessons.pane(); }

    /** Profile ▸ Open Sweep Results… and Run Sweep… of this window. */
    SweepActions sweeps() { return sweeps; }

    /**
     * Profiles {@code file} on {@code preset}'s NPU: the open model when it is that file (its profiler gets the
     * preset, chosen), else the file is opened first (with {@code binding}) and profiled once shown.
     */
    void profileWith(Path file, ShapeBinding binding, org.npustudio.profiler.ui.NpuConfigPane.Preset preset) {
        java.util.function.Consumer<ModelWorkspace> profile = ws -> {
            if (ws.profiling() == null) {
                List<org.npustudio.profiler.ui.NpuConfigPane.Preset> presets = new ArrayList<>();
                presets.add(preset);
                presets.addAll(org.npustudio.app.ui.profile.NpuPresetList.bundled());
                ws.setNpuPresets(presets);
                ws.profile();
            } else {
                ws.profile();
                ws.profiling().npuPane().choosePreset(preset);
            }
            status.setText("Profiling " + file.getFileName() + " on " + preset.label());
        };
        if (workspace != null && model != null && current == null
                && model.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            profile.accept(workspace);
            return;
        }
        whenShown = profile;
        open(file, binding);
    }

    /** Shows a line in the status bar. */
    void status(String text) { status.setText(text); }

    /** The open model's partition editor tab, or null. */
    public PartitionTab partitionTab() { return workspace == null ? null : workspace.partitionTab(); }

    /** True when the open model may be closed: no unsaved partition plan, or the user chose to save or discard it. */
    public boolean mayCloseModel() {
        return workspace == null || workspace.partitionTab().confirmClose();
    }

    /** Where remembered input-shape bindings are kept (tests use a temporary folder). */
    void setBindingStore(BindingStore store) { this.bindings = store; }

    /** The open "Bind input shapes…" dialog, or null. */
    BindShapesDialog bindDialog() { return bindDialog; }

    /** Loads a model in the background; must be called on the FX thread. */
    public void open(Path file) {
        open(file, null);
    }

    /** Loads a model with these input shapes bound (null: the ones remembered for the file, if any). */
    public void open(Path file, ShapeBinding binding) {
        if (!mayCloseModel()) {
            whenShown = null;
            return;
        }
        if (current != null) current.cancel();
        ModelLoadTask task = new ModelLoadTask(file, binding, bindings);
        current = task;
        centre.getChildren().setAll(new LoadingPane(task, file));
        status.setText("Loading " + file + " …");
        loading.set(true);
        updateBusy();
        task.setOnSucceeded(e -> {
            if (task != current) return;
            StartupTiming.mark("model read");
            // Show first: the workspace starts its layout, so "busy" stays true through the hand-over.
            show(task.getValue());
            finish();
        });
        task.setOnFailed(e -> {
            if (task != current) return;
            whenShown = null;
            finish();
            centre.getChildren().setAll(settled);
            fail(ModelLoadTask.describe(task.getException()), task.getException());
        });
        Workers.start(task, "model-loader");
    }

    private void finish() {
        current = null;
        loading.set(false);
        updateBusy();
    }

    private void updateBusy() {
        busy.set(loading.get() || (workspace != null && workspace.layingOutProperty().get()));
    }

    private void show(LoadedModel loaded) {
        closeModelDiffWindows();
        model = loaded;
        lastError = null;
        lastDirectory = loaded.file().toAbsolutePath().getParent();
        if (workspace != null) workspace.cancel();
        workspace = new ModelWorkspace(loaded, status::setText);
        workspace.layingOutProperty().addListener((o, was, now) -> updateBusy());
        updateBusy();
        needModel.forEach(m -> m.setDisable(false));
        setSettledCenter(workspace);
        presenter.follow(workspace.graphView());
        workspace.partitionTab().whenCreated(ws -> presenter.follow(ws.graphView()));
        lessons.modelShown(workspace, loaded);
        if (whenShown != null) {
            var then = whenShown;
            whenShown = null;
            then.accept(workspace);
        }
        presenter.refresh();
        stage.setTitle(TITLE + " — " + loaded.summary().name());
        StudioPrefs.addRecent(loaded.file());
        status.setText("Opened " + loaded.file() + " · " + loaded.summary().nodes() + " nodes"
                + (loaded.binding().isEmpty() ? "" : " · bound " + loaded.binding()));
        if (loaded.needsBinding()) Platform.runLater(this::bindShapes);
    }

    /**
     * Shows "Bind input shapes…" for the open model, pre-filled with its binding or the suggested one;
     * Apply remembers the binding for the file's content and re-opens the model with it.
     */
    public void bindShapes() {
        LoadedModel loaded = model;
        if (loaded == null || bindDialog != null) return;
        ShapeBinding initial = loaded.binding().isEmpty() ? ShapeBinding.suggest(loaded.declaredInputs()) : loaded.binding();
        BindShapesDialog dialog = new BindShapesDialog(stage, loaded.summary().name(), loaded.declaredInputs(), initial);
        bindDialog = dialog;
        dialog.setOnHidden(e -> {
            bindDialog = null;
            ShapeBinding chosen = dialog.getResult();
            if (chosen == null || model != loaded) return;
            try {
                bindings.save(BindingStore.key(loaded.file()), chosen);
            } catch (StudioException ex) {
                status.setText("Could not remember the binding: " + ex.oneLine());
            }
            open(loaded.file(), chosen);
        });
        dialog.show();
    }

    private void fail(String message, Throwable cause) {
        lastError = message;
        status.setText("Could not open the model: " + message);
        if ("1".equals(System.getenv("NPUSTUDIO_DEBUG")) && cause != null) cause.printStackTrace();
        ErrorDialog.show(stage, "Could not open the model", message);
    }

    /** The pipeline runs' diff windows show the model being replaced or closed: they go with it. */
    private void closeModelDiffWindows() {
        List<javafx.stage.Window> open = List.copyOf(modelDiffWindows);
        modelDiffWindows.clear();
        for (javafx.stage.Window w : open) w.hide();
    }

    private void showWelcome() {
        if (workspace != null) workspace.cancel();
        workspace = null;
        needModel.forEach(m -> m.setDisable(true));
        updateBusy();
        setSettledCenter(new WelcomePane(this::chooseAndOpen, this::open, name -> ModelShortcuts.openSample(name, this::open, this::status)));
    }

    /**
     * Docks {@code side} (the lesson pane) right of the model, behind a splitter the user can drag (remembered);
     * null undocks it.
     */
    void dock(Node side) {
        root.setCenter(null);
        if (side == null) {
            root.setCenter(centre);
            return;
        }
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(centre, side);
        split.setId("main-dock");
        javafx.scene.control.SplitPane.setResizableWithParent(side, false);
        root.setCenter(split);
        SplitMemory.remember(split, "lesson.dock", 0.64);
    }

    /** Shows content that stays until the next change (not a load in progress). */
    private void setSettledCenter(Node content) {
        settled = content;
        centre.getChildren().setAll(content);
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open ONNX Model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastDirectory != null && lastDirectory.toFile().isDirectory()) chooser.setInitialDirectory(lastDirectory.toFile());
        File f = chooser.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem close = new MenuItem("Close Model");
        close.setOnAction(e -> {
            if (!mayCloseModel()) return;
            closeModelDiffWindows();
            model = null;
            stage.setTitle(TITLE);
            status.setText("Ready");
            showWelcome();
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (mayCloseModel()) Platform.exit();
        });
        Menu export = new Menu("Export", null,
                exportItem("View as PNG…", "menu-export-view-png", true, "png"),
                exportItem("View as SVG…", "menu-export-view-svg", true, "svg"),
                exportItem("Whole Graph as PNG…", "menu-export-graph-png", false, "png"),
                exportItem("Whole Graph as SVG…", "menu-export-graph-svg", false, "svg"));
        DiffActions.Host diff = diffHost();
        MenuItem bind = modelItem("Bind Input Shapes…", "menu-bind-shapes", null, this::bindShapes);
        MenuItem openLesson = new MenuItem("Open Lesson…");
        openLesson.setId("menu-open-lesson");
        openLesson.setOnAction(e -> LessonChooser.choose(stage, lastDirectory).ifPresent(c -> openLesson(c.lesson(), c.workspace())));
        MenuItem closeLesson = new MenuItem("Close Lesson");
        closeLesson.setId("menu-close-lesson");
        closeLesson.setOnAction(e -> lessons.close());
        Menu file = new Menu("File", null, open, ModelShortcuts.recentMenu(this::open), ModelShortcuts.sampleMenu(this::open, this::status), close, DiffActions.compareModelsItem(diff), bind, new SeparatorMenuItem(), openLesson, closeLesson,
                new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        MenuItem find = modelItem("Find…", "menu-find", "Shortcut+F", () -> graphView().focusSearch());
        MenuItem fit = modelItem("Fit to Window", "menu-fit", null, () -> graphView().fitToWindow());
        MenuItem toSel = modelItem("Zoom to Selection", "menu-zoom-selection", null, () -> graphView().zoomToSelection());
        Menu view = new Menu("View", null, find, fit, toSel, new SeparatorMenuItem());
        view.getItems().addAll(PresenterMenu.items(presenter));
        view.setId("menu-view");
        MenuItem simulate = modelItem("Simulate on NPU", "menu-simulate", "Shortcut+R", () -> workspace.profile());
        MenuItem report = modelItem("Export Report…", "menu-export-report", null,
                () -> ReportExportAction.run(stage, workspace.profiling(), model, lastDirectory, status::setText));
        MenuItem chartPng = modelItem("Export Chart as PNG…", "menu-export-chart-png", null,
                () -> ChartExportAction.run(stage, workspace.profiling(), model, "png", lastDirectory, status::setText));
        MenuItem chartSvg = modelItem("Export Chart as SVG…", "menu-export-chart-svg", null,
                () -> ChartExportAction.run(stage, workspace.profiling(), model, "svg", lastDirectory, status::setText));
        MenuItem trace = modelItem("Export Trace…", "menu-export-trace", null,
                () -> TraceExportAction.run(stage, workspace.profiling(), model, lastDirectory, status::setText));
        MenuItem overlay = modelItem("Load Overlay…", "menu-load-overlay", null,
                () -> OverlayLoadAction.run(stage, graphView(), model, lastDirectory, status::setText));
        MenuItem sensitivity = modelItem("Quantization Sensitivity…", "menu-quant-sensitivity", null,
                () -> SensitivityAction.run(stage, graphView(), model, workspace.currentNpu(), status::setText));
        Menu profile = new Menu("Profile", null, simulate, report, chartPng, chartSvg, trace, overlay, sensitivity, new SeparatorMenuItem(), sweeps.runItem(),
                sweeps.openResultsItem());
        profile.setId("menu-profile");
        Menu compile = new Menu("Compile", null, DiffActions.runDefaultPipelineItem(diff), DiffActions.runPipelineFileItem(diff));
        compile.setId("menu-compile");
        compile.getItems().forEach(i -> i.setDisable(true));
        needModel.addAll(compile.getItems());
        MenuBar bar = new MenuBar(file, view, PartitionMenu.create(this::partitionTab), compile, profile, help.menu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** What the pass diff actions (Compare Models…, Compile) use of this window. */
    DiffActions.Host diffHost() {
        return new DiffActions.Host(stage, () -> model == null ? null : model.model(), () -> model == null ? "" : model.summary().name(),
                () -> lastDirectory, status::setText, v -> {
                    modelDiffWindows.add(v.getScene().getWindow());
                    if (lessons.pane() != null) lessons.pane().offerSave(v);
                });
    }

    private MenuItem modelItem(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> {
            if (graphView() != null) action.run();
        });
        item.setDisable(true);
        needModel.add(item);
        return item;
    }

    private MenuItem exportItem(String text, String id, boolean viewOnly, String extension) {
        return modelItem(text, id, null, () -> GraphExportAction.run(stage, graphView(), model, viewOnly, extension,
                lastDirectory, status::setText));
    }

    /** The status line, and the running tasks' progress (see {@link StudioStatusBar}). */
    private StudioStatusBar statusBar() {
        status.setId("status");
        return new StudioStatusBar(status);
    }
}
