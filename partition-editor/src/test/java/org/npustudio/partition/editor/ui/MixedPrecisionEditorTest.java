package org.npustudio.partition.editor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.partition.editor.model.PartitionStats;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanComments;
import org.npustudio.plan.PlanPrecisions;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.PlanYaml;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Mixed precision in the editor on MobileNetV2: assign int4w8a to a selection, undo/redo, save and read back. */
@ExtendWith(ApplicationExtension.class)
class MixedPrecisionEditorTest {
    private static EditorFixture fx;
    private PartitionWorkspace ws;
    private Path dir;

    @BeforeAll
    static void model() throws Exception {
        fx = new EditorFixture("mobilenetv2");
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(fx.dir, "mixed");
        ws = fx.show(stage, new RecoveryStore(dir.resolve("recovery")));
    }

    private Plan plan() { return ws.session().plan(); }

    @Test
    @SuppressWarnings("unchecked")
    void theSelectionGetsInt4w8aUndoablyOnTheCanvasInTheTableAndInTheSavedYaml(FxRobot robot) throws Exception {
        robot.interact(() -> ws.session().select(fx.order.subList(0, 12)));
        robot.clickOn("#partition-create");
        robot.interact(() -> ws.table().selectPartition("p0"));
        robot.interact(() -> robot.lookup("#partition-precision").<String>queryComboBox().getSelectionModel().select("int8"));
        assertEquals("int8", plan().partition("p0").precision());

        // two convolutions of p0 and one node left in the catch-all
        List<String> chosen = List.of(fx.order.get(0), fx.order.get(3), fx.order.get(20));
        robot.interact(() -> ws.session().select(chosen));
        robot.clickOn("#partition-node-precision").clickOn("int4w8a");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Map.of(chosen.get(0), "int4w8a", chosen.get(1), "int4w8a"), plan().partition("p0").precisions());
        assertEquals(Map.of(chosen.get(2), "int4w8a"), plan().rest().precisions());
        Map<String, Precision> resolved = PlanPrecisions.chosen(plan(), fx.model.graph());
        assertEquals(Precision.INT4_W8A, resolved.get(chosen.get(0)));
        assertEquals(Precision.INT8, resolved.get(fx.order.get(1)), "the partition's precision for the others");
        assertEquals("int4w8a", ws.graphView().overlayProperty().get().nodes().get(chosen.get(0)).badge(), "tagged on the canvas");
        TableView<PartitionStats> table = robot.lookup("#partition-table").queryTableView();
        String cell = (String) table.getColumns().get(2).getCellData(0);
        assertEquals("int8 +2 mixed", cell);
        assertTrue(robot.lookup("#partition-validation").queryLabeled().getText().startsWith("✓ Legal"), "npu0 offers int4w8a");

        robot.clickOn("#partition-undo");
        assertTrue(plan().partition("p0").precisions().isEmpty() && plan().rest().precisions().isEmpty(), "one undo step");
        robot.clickOn("#partition-redo");
        assertEquals(2, plan().partition("p0").precisions().size());

        Path file = dir.resolve("mixed.plan.yaml");
        robot.interact(() -> assertTrue(ws.document().saveTo(file)));
        String text = Files.readString(file);
        assertTrue(text.contains("    precisions:\n      " + chosen.get(0) + ": int4w8a\n"), text);
        assertEquals(plan().withComments(PlanComments.NONE), PlanYaml.read(file, fx.ref).plan().withComments(PlanComments.NONE));
    }
}
