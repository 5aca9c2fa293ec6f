package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.partition.editor.ui.PartitionWorkspace;
import org.npustudio.plan.Plan;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Partition tab and menu of the real window: the editor shares the model's layout; closing asks about unsaved plans. */
@ExtendWith(ApplicationExtension.class)
class PartitionTabTest {
    @TempDir Path dir;
    private MainWindow window;

    @BeforeAll
    static void recoveryElsewhere() throws Exception {
        System.setProperty("npustudio.recovery.dir", Files.createTempDirectory("npustudio-recovery").toString());
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void theMenuOpensTheEditorAutoPartitionsAndClosingTheModelAsks(FxRobot robot) throws Exception {
        Path file = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.isBusy());

        robot.clickOn("Partition").clickOn("Auto-partition");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.partitionTab().workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
        PartitionWorkspace ws = window.partitionTab().workspace();
        TabPane tabs = robot.lookup("#model-workspace").query();
        assertEquals("tab-partition", tabs.getSelectionModel().getSelectedItem().getId());
        assertNotNull(ws.graphView().getGraphScene(), "the editor shows the layout the Graph tab made");
        assertEquals(window.graphView().getGraphScene(), ws.graphView().getGraphScene());
        Plan plan = ws.session().plan();
        assertEquals(1, plan.partitions().size(), "every op of the tiny CNN runs on the built-in NPU");
        assertEquals(6, plan.partitions().get(0).nodes().size());
        assertTrue(ws.session().modelRef().sha256().matches("[0-9a-f]{64}"), "plans are tied to the model's digest");
        assertTrue(robot.lookup("#partition-validation").queryLabeled().getText().startsWith("✓ Legal"));

        // Closing the model with the unsaved auto plan asks; Cancel keeps the model open.
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(window.mayCloseModel()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-plan-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#unsaved-plan-dialog").query();
        Button cancel = (Button) pane.getButtonTypes().stream().filter(t -> t.getText().equals("Cancel"))
                .map(pane::lookupButton).findFirst().orElseThrow();
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        assertFalse(answer.get());
        assertNotNull(window.model());
    }
}
