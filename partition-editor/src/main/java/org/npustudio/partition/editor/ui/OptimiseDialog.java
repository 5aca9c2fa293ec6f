package org.npustudio.partition.editor.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.optimise.Optimised;
import org.npustudio.npusim.optimise.PlanOptimiser;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.partition.editor.model.PlanProposal;
import org.npustudio.plan.Device;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.Plan;

/**
 * <em>Optimise plan…</em>: the objective and the NPU description the plan's devices are costed by, the
 * optimiser on a worker thread with progress and Cancel, then the proposal as a diff against the current
 * plan (one row per proposed partition: where its nodes are now, what its choices save), accepted whole
 * or per partition as one undoable edit.
 */
public final class OptimiseDialog {
    private final PartitionSession session;
    private final Stage stage = new Stage();
    private final ChoiceBox<String> objective = new ChoiceBox<>(FXCollections.observableArrayList("latency", "dram", "energy"));
    private final TextField npu = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose the objective and the NPU description, then Optimise.");
    private final Label summary = new Label();
    private final TableView<Line> table = new TableView<>();
    private final Button run = new Button("Optimise");
    private final Button acceptAll = new Button("Accept all");
    private final Button acceptSelected = new Button("Accept selected");
    private Task<Optimised> task;
    private PlanProposal proposal;

    /** A proposal row with its accept box. */
    public static final class Line {
        final PlanProposal.Row row;
        final SimpleBooleanProperty accept;
        final String saving;

        Line(PlanProposal.Row row, Objective o) {
            this.row = row;
            this.accept = new SimpleBooleanProperty(row.changed());
            this.saving = row.saving() == 0 ? "" : o.format(row.saving());
        }
    }

    OptimiseDialog(PartitionSession session, javafx.scene.Node owner) {
        this.session = session;
        stage.initOwner(Dialogs.owner(owner));
        stage.initModality(Modality.NONE);
        stage.setTitle("Optimise plan");
        objective.setValue("latency");
        objective.setId("optimise-objective");
        npu.setId("optimise-npu");
        npu.setText(defaultNpu());
        npu.setPrefColumnCount(36);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Objective"), objective);
        form.addRow(1, new Label("Devices"), new Label(devicesText(session.plan())));
        form.addRow(2, new Label("NPU description"), new HBox(6, npu, browse));
        run.setId("optimise-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> toggleRun());
        progress.setPrefWidth(220);
        progress.setId("optimise-progress");
        status.setId("optimise-status");
        HBox runRow = new HBox(8, run, progress, status);
        summary.setId("optimise-summary");
        summary.setWrapText(true);
        buildTable();
        acceptAll.setId("optimise-accept-all");
        acceptSelected.setId("optimise-accept-selected");
        acceptAll.setOnAction(e -> accept(true));
        acceptSelected.setOnAction(e -> accept(false));
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        acceptAll.setDisable(true);
        acceptSelected.setDisable(true);
        HBox buttons = new HBox(8, acceptAll, acceptSelected, close);
        VBox root = new VBox(10, form, runRow, summary, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.setId("optimise-dialog");
        stage.setScene(new javafx.scene.Scene(root, 900, 560));
        stage.setOnHidden(e -> {
            if (task != null && !task.isDone()) task.cancel();
        });
    }

    public Stage stage() { return stage; }

    public void show() { stage.show(); }

    /** Fills the fields as a user would (scripted screenshots). */
    public void preset(String objectiveKey, String npuFile) {
        objective.setValue(objectiveKey);
        npu.setText(npuFile);
    }

    private void buildTable() {
        table.setId("optimise-table");
        table.setEditable(true);
        TableColumn<Line, Boolean> accept = new TableColumn<>("Accept");
        accept.setCellValueFactory(c -> c.getValue().accept);
        accept.setCellFactory(CheckBoxTableCell.forTableColumn(accept));
        accept.setEditable(true);
        table.getColumns().add(accept);
        table.getColumns().add(column("Partition", l -> l.row.partition(), 80));
        table.getColumns().add(column("Device", l -> l.row.device(), 70));
        table.getColumns().add(column("Nodes", l -> String.valueOf(l.row.nodes()), 60));
        table.getColumns().add(column("Fusion groups", l -> l.row.fusionGroups() == 0 ? "" : String.valueOf(l.row.fusionGroups()), 95));
        table.getColumns().add(column("Now in", l -> l.row.changed() ? l.row.current() : "unchanged", 330));
        table.getColumns().add(column("Saves", l -> l.saving, 100));
        org.npustudio.graphview.ui.ColumnFit.install(table, 420);
        table.setPlaceholder(new Label("No proposal yet"));
    }

    private static TableColumn<Line, String> column(String title, java.util.function.Function<Line, String> f, double width) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private void toggleRun() {
        if (task != null && !task.isDone()) { // scheduled or running: the button is Cancel
            task.cancel();
            return;
        }
        Objective o = Objective.parse(objective.getValue());
        Plan current = session.plan();
        Path npuFile = npu.getText().isBlank() ? null : Path.of(npu.getText().trim());
        if (npuFile == null || !Files.isRegularFile(npuFile)) {
            status.setText("Choose an NPU description file (samples/npu/*.yaml) to cost the NPU by.");
            return;
        }
        Path dir = npuFile.toAbsolutePath().getParent();
        task = new Task<>() {
            {
                updateTitle("Optimising the plan (" + o + ")");
            }

            @Override
            protected Optimised call() throws Exception {
                var hw = DeviceConfigReader.readAny(npuFile, new ArrayList<>());
                var request = new PlanOptimiser.Request(session.model().graph(), session.modelRef(), current.devices(), current.rest().device(),
                        hw, baseDir(dir), o, null, null);
                return PlanOptimiser.optimise(request, new PlanOptimiser.Listener() {
                    @Override public void progress(String phase, double fraction) {
                        updateProgress(fraction, 1);
                        updateMessage(phase + "…");
                    }

                    @Override public boolean cancelled() { return isCancelled(); }
                });
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        run.setText("Cancel");
        task.setOnSucceeded(e -> finished(() -> showProposal(current, task.getValue())));
        task.setOnCancelled(e -> finished(() -> status.setText("Cancelled.")));
        task.setOnFailed(e -> finished(() -> status.setText(StudioException.describe(task.getException()))));
        Workers.start(task, "plan-optimiser");
    }

    /** Descriptions in the plan resolve against the open plan's folder, else the NPU file's. */
    private Path baseDir(Path npuDir) {
        Path doc = session.documentProperty().get();
        return doc != null && doc.toAbsolutePath().getParent() != null ? doc.toAbsolutePath().getParent() : npuDir;
    }

    private void finished(Runnable then) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        run.setText("Optimise");
        then.run();
    }

    private void showProposal(Plan current, Optimised o) {
        proposal = new PlanProposal(current, o);
        List<Line> lines = new ArrayList<>();
        for (PlanProposal.Row r : proposal.rows()) lines.add(new Line(r, o.objective()));
        table.setItems(FXCollections.observableArrayList(lines));
        long changed = proposal.rows().stream().filter(PlanProposal.Row::changed).count();
        summary.setText(String.format("%s: %s with capability splitting -> %s (%s), %.1f%% %s; %d of %d partitions change.%s",
                o.objective().key(), o.objective().format(o.capabilityCost()), o.objective().format(o.cost()), o.candidate(),
                Math.abs(o.savingFraction()) * 100, o.saving() >= 0 ? "saved" : "worse", changed, proposal.rows().size(),
                o.exactCover() ? "" : " (device cover: best found, not proven optimal)"));
        status.setText("Done: " + o.choices().size() + " choices differ from capability splitting.");
        acceptAll.setDisable(false);
        acceptSelected.setDisable(false);
    }

    private void accept(boolean all) {
        if (proposal == null) return;
        Plan plan;
        String label;
        if (all) {
            plan = proposal.acceptAll();
            label = "Optimise plan (" + proposal.optimised().objective().key() + ")";
        } else {
            List<String> names = table.getItems().stream().filter(l -> l.accept.get()).map(l -> l.row.partition()).toList();
            plan = proposal.accept(names);
            label = "Optimise plan: accept " + names.size() + (names.size() == 1 ? " partition" : " partitions");
        }
        if (session.apply(new PlanEdit.ReplacePlan(label, plan))) session.info(label + " (Undo reverts it)");
        stage.close();
    }

    private void browse() {
        FileChooser c = new FileChooser();
        c.setTitle("NPU description");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("NPU descriptions", "*.yaml", "*.yml", "*.cfg"));
        File f = c.showOpenDialog(stage);
        if (f != null) npu.setText(f.getPath());
    }

    /** The first NPU device's description, resolved against the plan's folder, the model's, then the working directory. */
    private String defaultNpu() {
        for (Device d : session.plan().devices()) {
            if (d.kind() != DeviceKind.NPU || d.description().isBlank()) continue;
            for (Path base : new Path[] {parentOf(session.documentProperty().get()), parentOf(session.modelFile()), Path.of("")}) {
                if (base == null) continue;
                Path p = base.resolve(d.description());
                if (Files.isRegularFile(p)) return p.toString();
            }
        }
        return "";
    }

    private static Path parentOf(Path p) { return p == null ? null : p.toAbsolutePath().getParent(); }

    private static String devicesText(Plan p) {
        List<String> out = new ArrayList<>();
        for (Device d : p.devices()) out.add(d.name() + " (" + d.kind().name().toLowerCase() + ")");
        return "the plan's: " + String.join(", ", out) + "; default " + p.rest().device();
    }

    /** The proposal last shown, or null. */
    public PlanProposal proposal() { return proposal; }

    /** Starts the run as the Optimise button does. */
    public void start() { toggleRun(); }
}
