package org.npustudio.partition.editor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.partition.editor.overlay.PartitionColors;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.PlanIssue;
import org.npustudio.plan.yaml.PlanYaml;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The partition editor on the MobileNetV2 sample, driven with real mouse and keyboard events (Monocle). */
@ExtendWith(ApplicationExtension.class)
class PartitionWorkspaceTest {
    private static EditorFixture fx;
    private static int run;
    private PartitionWorkspace ws;
    private RecoveryStore store;
    private Path dir;

    @BeforeAll
    static void model() throws Exception {
        fx = new EditorFixture("mobilenetv2");
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createDirectories(fx.dir.resolve("run" + run++));
        store = new RecoveryStore(dir.resolve("recovery"));
        ws = fx.show(stage, store);
    }

    @Test
    void aNarrowYamlPaneKeepsItsTitleAndButtonsWholeAndShortensTheStateInstead(FxRobot robot) {
        YamlPane yaml = ws.yaml();
        robot.interact(() -> {
            ((javafx.scene.control.Label) yaml.lookup("#yaml-state")).setText("edited — Apply (Ctrl+Enter) or Revert");
            yaml.resize(300, 400);
            yaml.applyCss();
            yaml.layout();
        });
        for (javafx.scene.control.Labeled l : java.util.List.of(
                (javafx.scene.control.Labeled) yaml.lookup(".panel-title"), (javafx.scene.control.Labeled) yaml.lookup("#yaml-apply"),
                (javafx.scene.control.Labeled) yaml.lookup("#yaml-revert"))) {
            assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "'" + l.getText() + "' is " + l.getWidth() + " px, needs " + l.prefWidth(-1));
        }
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> {
            ws.applyCss();
            ws.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private GraphCanvas canvas() { return ws.graphView().canvas(); }

    /** Zoom 1 with the given world point at the canvas's top-left corner (plus a margin). */
    private void look(FxRobot robot, double wx, double wy) {
        robot.interact(() -> {
            canvas().viewport().set(1, 60 - wx, 60 - wy);
            canvas().viewportChanged();
        });
    }

    private String validation(FxRobot robot) {
        return robot.lookup("#partition-validation").queryLabeled().getText();
    }

    private Plan plan() { return ws.session().plan(); }

    /** Selects nodes programmatically (the gestures themselves are tested elsewhere) and makes a partition. */
    private void partitionOf(FxRobot robot, List<String> ids) {
        robot.interact(() -> ws.session().select(ids));
        robot.clickOn("#partition-create");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rubberBandSelectionBecomesALegalNpuPartitionWithUndoAndRedo(FxRobot robot) {
        settle(robot);
        List<String> head = fx.order.subList(0, 6);   // stem conv/BN/ReLU6 and the first block's depthwise conv/BN/ReLU6
        double[] b = fx.box(head);
        look(robot, b[0], b[1]);
        robot.press(KeyCode.SHIFT).drag(EditorFixture.screen(canvas(), b[0] - 30, b[1] - 8), MouseButton.PRIMARY)
                .dropTo(EditorFixture.screen(canvas(), b[2] + 30, b[3] + 8)).release(KeyCode.SHIFT);
        assertEquals(Set.copyOf(head), ws.session().selection().keys(), "the band took the nodes whose centres it covers");
        assertEquals("6 selected", robot.lookup("#selection-count").queryLabeled().getText());

        robot.clickOn("#partition-create");
        Partition p0 = plan().partition("p0");
        assertNotNull(p0, plan().toString());
        assertEquals(head, p0.nodes().stream().map(r -> r.id()).toList());
        assertEquals("npu0", p0.device(), "new partitions go to the first NPU");
        assertTrue(validation(robot).startsWith("✓ Legal · 1 partition"), validation(robot));

        // Assign devices through the panel: cpu, then the NPU again.
        robot.interact(() -> ws.table().selectPartition("p0"));
        ComboBox<String> device = robot.lookup("#partition-device").queryComboBox();
        robot.interact(() -> device.getSelectionModel().select("cpu"));
        assertEquals("cpu", plan().partition("p0").device());
        robot.interact(() -> device.getSelectionModel().select("npu0"));
        assertEquals("npu0", plan().partition("p0").device());
        assertEquals(PartitionColors.of(0), ws.graphView().overlayProperty().get().nodes().get(head.get(0)).fill());
        assertTrue(ws.graphView().overlayProperty().get().outlines().get(0).label().startsWith("p0 · npu0"));

        robot.clickOn(canvas()).press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("cpu", plan().partition("p0").device(), "Ctrl+Z undid the device change");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("npu0", plan().partition("p0").device(), "Ctrl+Shift+Z redid it");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z, KeyCode.Z, KeyCode.Z).release(KeyCode.CONTROL);
        assertTrue(plan().partitions().isEmpty(), "undone back to the empty plan");
        assertFalse(ws.session().dirtyProperty().get());
        robot.clickOn("#partition-redo");
        assertEquals("npu0", plan().partition("p0").device());
    }

    @Test
    void aNonConvexPartitionIsFlaggedAndItsPathDrawn(FxRobot robot) {
        settle(robot);
        List<String> ids = fx.order;
        double[] b = fx.box(ids.subList(0, 3));
        look(robot, b[0], b[1]);
        robot.clickOn(fx.centre(canvas(), ids.get(0)));
        robot.press(KeyCode.CONTROL).clickOn(fx.centre(canvas(), ids.get(2))).release(KeyCode.CONTROL);
        assertEquals(Set.of(ids.get(0), ids.get(2)), ws.session().selection().keys());
        robot.clickOn("#partition-create");

        assertTrue(validation(robot).startsWith("✗"), validation(robot));
        String firstError = robot.lookup("#partition-validation").queryLabeled().getTooltip().getText();
        assertTrue(firstError.contains("not convex"), firstError);
        ListView<PlanIssue> issues = robot.lookup("#partition-issues").queryListView();
        PlanIssue nc = issues.getItems().stream().filter(i -> i.kind() == PlanIssue.Kind.NON_CONVEX && i.partition().equals("p0"))
                .findFirst().orElseThrow();
        assertEquals(ids.subList(0, 3), nc.nodes(), "the offending path: member, outside node, member");
        Overlay o = ws.graphView().overlayProperty().get();
        assertEquals(PartitionColors.ERROR, o.outlines().get(0).color());
        String leaving = fx.model.graph().nodeById(ids.get(0)).outputs().get(0);
        assertEquals(PartitionColors.ERROR, o.edges().get(leaving).color(), "the path's edges are red");
        assertEquals(PartitionColors.ERROR, o.nodes().get(ids.get(1)).border(), "the outside node on the path is marked");

        // Clicking the status opens the first issue and selects its path; growing to the convex closure and
        // adding makes the partition legal.
        robot.clickOn("#partition-validation");
        assertEquals(nc, issues.getSelectionModel().getSelectedItem());
        assertEquals(Set.copyOf(ids.subList(0, 3)), ws.session().selection().keys());
        robot.interact(() -> ws.session().select(List.of(ids.get(0), ids.get(2))));
        robot.clickOn("#select-grow");
        assertEquals(Set.copyOf(ids.subList(0, 3)), ws.session().selection().keys());
        robot.clickOn("#partition-add-to").clickOn("p0 (npu0)");
        assertTrue(validation(robot).startsWith("✓ Legal"), validation(robot));
    }

    @Test
    void savedPlansReloadEqualAndTheDocumentTracksDirtiness(FxRobot robot) throws Exception {
        settle(robot);
        partitionOf(robot, fx.order.subList(0, 10));
        partitionOf(robot, fx.order.subList(10, 20));
        robot.interact(() -> ws.table().selectPartition("p1"));
        robot.interact(() -> robot.lookup("#partition-device").<String>queryComboBox().getSelectionModel().select("cpu"));
        Plan made = plan();
        assertEquals("unsaved plan •", robot.lookup("#partition-document").queryLabeled().getText());

        Path file = dir.resolve("mobilenet.plan.yaml");
        robot.interact(() -> assertTrue(ws.document().saveTo(file)));
        assertFalse(ws.session().dirtyProperty().get());
        assertEquals("mobilenet.plan.yaml", robot.lookup("#partition-document").queryLabeled().getText());
        assertEquals(made, PlanYaml.read(file, fx.ref).plan().withComments(PlanComments.NONE), "the file holds the plan");

        robot.interact(() -> ws.table().selectPartition("p0"));
        robot.clickOn("#partition-delete");
        assertTrue(ws.session().dirtyProperty().get());
        robot.interact(() -> assertTrue(ws.document().open(file)));
        assertEquals(made, plan().withComments(PlanComments.NONE), "reloaded equal");
        assertFalse(ws.session().dirtyProperty().get());
        assertFalse(ws.session().canUndoProperty().get(), "opening starts a new history");

        // Unsaved changes: Cancel keeps them, Don't Save lets go.
        robot.interact(() -> ws.table().selectPartition("p1"));
        robot.clickOn("#partition-delete");
        assertFalse(answerClosePrompt(robot, "Cancel"));
        assertTrue(answerClosePrompt(robot, "Don't Save"));
    }

    @Test
    void unmatchedMembersAreKeptAndListedAndNestcExportWritesTheFlatFormat(FxRobot robot) throws Exception {
        settle(robot);
        partitionOf(robot, fx.order.subList(0, 5));
        Path file = dir.resolve("with-ghost.yaml");
        robot.interact(() -> assertTrue(ws.document().saveTo(file)));
        String text = Files.readString(file);
        String first = fx.order.get(0);
        Files.writeString(file, text.replace("      - " + first + "\n", "      - " + first + "\n      - /ghost/Conv\n"));
        robot.interact(() -> assertTrue(ws.document().open(file)));
        assertTrue(plan().partition("p0").nodes().stream().anyMatch(r -> r.id().equals("/ghost/Conv")), "kept in the plan");
        ListView<PlanIssue> issues = robot.lookup("#partition-issues").queryListView();
        assertTrue(issues.getItems().stream().anyMatch(i -> i.kind() == PlanIssue.Kind.UNKNOWN_NODE && i.nodes().equals(List.of("/ghost/Conv"))));
        DialogPane info = robot.lookup("#partition-info-dialog").query();
        assertTrue(info.getContentText().contains("p0: /ghost/Conv"), info.getContentText());
        robot.interact(() -> info.getScene().getWindow().hide());

        Path nestc = dir.resolve("plan.nestc.yaml");
        robot.interact(() -> assertTrue(ws.document().exportNestcTo(nestc)));
        String flat = Files.readString(nestc);
        assertTrue(flat.contains("numOfPartitions: 2") && flat.contains("partitionNames: p0:rest") && flat.contains("nodeToPartition:"), flat);
        // Opening a NEST-C plan does not make it the document: Save must not overwrite it in our format.
        robot.interact(() -> assertTrue(ws.document().open(nestc)));
        assertEquals(null, ws.session().documentProperty().get());
        assertEquals(6, plan().partition("p0").nodes().size());
    }

    /** Asks whether the workspace may close and presses a button of the dialog; returns the answer. */
    private boolean answerClosePrompt(FxRobot robot, String button) throws Exception {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(ws.confirmClose()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-plan-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#unsaved-plan-dialog").query();
        Button b = (Button) pane.getButtonTypes().stream().filter(t -> t.getText().equals(button)).map(pane::lookupButton)
                .findFirst().orElseThrow();
        robot.clickOn(b);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        return answer.get();
    }

    @Test
    void yamlEditsApplyAsOneUndoableEditAndMistakesShowTheirLine(FxRobot robot) {
        settle(robot);
        partitionOf(robot, fx.order.subList(0, 4));
        YamlPane yaml = ws.yaml();
        awaitText(yaml, "name: p0");
        String live = yaml.area().getText();
        assertTrue(live.contains("name: p0") && live.contains("device: npu0"), live);

        // A syntax error typed at the end of the text.
        int lines = yaml.area().getParagraphs().size();
        robot.clickOn(yaml.area());
        robot.interact(() -> yaml.area().moveTo(yaml.area().getLength()));
        robot.write("oops: [1, 2\n");
        assertTrue(yaml.isEdited());
        robot.clickOn("#yaml-apply");
        Label error = robot.lookup("#yaml-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().startsWith("line "), error.getText());
        int line = yaml.errorLine();
        assertTrue(line >= lines, "reported at the end of the text, line " + line + " of " + (lines + 1));
        assertTrue(error.getText().startsWith("line " + line + ","), error.getText());
        assertTrue(yaml.area().getParagraph(line - 1).getParagraphStyle().contains("yaml-error-line"));
        assertEquals(1, plan().partitions().size(), "the plan is untouched");

        // A well-formed plan naming a device that does not exist: the error names that line.
        String badDevice = live.replace("device: npu0", "device: gpu7");
        robot.interact(() -> yaml.area().replaceText(badDevice));
        robot.clickOn("#yaml-apply");
        int expected = 1 + (int) badDevice.substring(0, badDevice.indexOf("device: gpu7")).chars().filter(c -> c == '\n').count();
        assertEquals(expected, yaml.errorLine());
        assertTrue(error.getText().contains("device 'gpu7' is not defined"), error.getText());

        // A good edit: one undoable step.
        robot.interact(() -> yaml.area().replaceText(live.replace("device: npu0", "device: cpu").replace("name: p0", "name: stem")));
        robot.clickOn("#yaml-apply");
        assertFalse(error.isVisible());
        assertEquals("cpu", plan().partition("stem").device());
        assertFalse(yaml.isEdited());
        assertTrue(yaml.area().getText().contains("name: stem"), "the text follows the plan again");
        robot.clickOn(canvas()).press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("npu0", plan().partition("p0").device());
        awaitText(yaml, "name: p0");
    }

    /** The pane follows plan edits shortly after them ({@link YamlPane#SYNC_DELAY}). */
    private static void awaitText(YamlPane yaml, String part) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> yaml.area().getText().contains(part));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the YAML pane never showed '" + part + "': " + yaml.area().getText());
        }
    }

    @Test
    void anAutosaveIsOfferedToTheNextEditorOfTheSameModel(FxRobot robot) throws Exception {
        settle(robot);
        partitionOf(robot, fx.order.subList(0, 8));
        Plan made = plan();
        robot.interact(() -> assertTrue(ws.autosaveNow()));
        assertTrue(Files.isRegularFile(store.planFile(fx.ref)));
        robot.interact(() -> assertFalse(ws.autosaveNow(), "nothing changed since the last copy"));

        AtomicReference<PartitionWorkspace> next = new AtomicReference<>();
        robot.interact(() -> {
            PartitionWorkspace w = new PartitionWorkspace(fx.model, fx.file, fx.ref, store);
            Stage s = new Stage();
            s.setScene(new Scene(w, 1200, 760));
            s.show();
            next.set(w);
        });
        assertTrue(robot.from(next.get()).lookup("#recovery-banner").tryQuery().isPresent(), "offered");
        robot.clickOn(robot.from(next.get()).lookup("#recovery-recover").queryButton());
        assertEquals(made, next.get().session().plan().withComments(PlanComments.NONE));
        assertTrue(next.get().session().dirtyProperty().get(), "recovered but not saved");
        Path file = dir.resolve("kept.yaml");
        robot.interact(() -> assertTrue(next.get().document().saveTo(file)));
        assertTrue(store.find(fx.ref).isEmpty(), "saving removes the autosave copy");
        robot.interact(() -> next.get().getScene().getWindow().hide());
    }

    @Test
    void exportAndCheckRunOffTheFxThreadAndReportBitIdenticalOutputs(FxRobot robot) throws Exception {
        settle(robot);
        partitionOf(robot, fx.order.subList(0, fx.order.size() / 2));
        assertTrue(validation(robot).startsWith("✓"), validation(robot));
        Path out = dir.resolve("export");
        robot.interact(() -> ws.actions().exportTo(out, r -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(out.resolve("plan.yaml")));
        assertTrue(Files.isRegularFile(out.resolve("p0.onnx")) && Files.isRegularFile(out.resolve("rest.onnx")));

        robot.clickOn("#partition-check");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#check-summary").tryQuery().isPresent());
        String summary = robot.lookup("#check-summary").queryLabeled().getText();
        assertTrue(summary.startsWith("Identical: 2 chained partitions"), summary);
        javafx.scene.control.TableView<?> table = robot.lookup("#check-table").queryTableView();
        assertEquals(1, table.getItems().size());
    }

    @Test
    void optimisePlanRunsOffTheFxThreadShowsTheDiffAndAcceptAllIsOneUndoableEdit(FxRobot robot) throws Exception {
        settle(robot);
        robot.interact(() -> ws.actions().autoPartition());
        Plan capability = plan();
        Path npu = Files.writeString(dir.resolve("edge.yaml"), org.npustudio.samples.NpuPresets.yaml("edge-npu-8tops"));
        OptimiseDialog[] d = new OptimiseDialog[1];
        robot.interact(() -> {
            d[0] = ws.actions().optimise();
            d[0].preset("latency", npu.toString());
        });
        robot.clickOn("#optimise-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> d[0].proposal() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#optimise-summary").queryLabeled().getText();
        assertTrue(summary.startsWith("latency: ") && summary.contains("with capability splitting ->"), summary);
        javafx.scene.control.TableView<?> table = robot.lookup("#optimise-table").queryTableView();
        assertEquals(d[0].proposal().rows().size(), table.getItems().size());
        robot.clickOn("#optimise-accept-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(d[0].proposal().optimised().plan().partitions(), plan().partitions());
        assertTrue(validation(robot).startsWith("✓"), validation(robot));
        robot.interact(() -> ws.session().undo());
        assertEquals(capability, plan(), "undo restores the plan before the optimiser");
    }

    @Test
    void cancellingTheOptimiserLeavesThePlanAlone(FxRobot robot) throws Exception {
        settle(robot);
        Plan before = plan();
        OptimiseDialog[] d = new OptimiseDialog[1];
        Path npu = Files.writeString(dir.resolve("edge.yaml"), org.npustudio.samples.NpuPresets.yaml("edge-npu-8tops"));
        robot.interact(() -> {
            d[0] = ws.actions().optimise();
            d[0].preset("latency", npu.toString());
            d[0].start();
            d[0].start(); // the button is Cancel while running
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#optimise-status").queryLabeled().getText().startsWith("Cancelled"));
        assertEquals(null, d[0].proposal());
        assertEquals(before, plan());
        robot.interact(() -> d[0].stage().close());
    }
}
