package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's count after layout agrees with the Summary's node count, and names what else it drew. */
@ExtendWith(ApplicationExtension.class)
class StatusNodeCountTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void statusCountsOperatorsAsTheSummaryDoesAndNamesInputsAndOutputsApart(FxRobot robot) throws Exception {
        Path file = TestData.inCheckout("samples/models/lenet5.onnx");
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model() != null && !window.isBusy()
                && ((Label) robot.lookup("#status").query()).getText().startsWith("Laid out"));
        int nodes = window.model().summary().nodes();
        int boxes = window.graphView().getGraphScene().nodeCount();
        assertNotEquals(nodes, boxes, "the scene also holds the graph's inputs and outputs");
        String status = ((Label) robot.lookup("#status").query()).getText();
        assertTrue(status.contains(nodes + " operators"), status);
        assertTrue(status.contains("1 graph input") && status.contains("1 graph output"), status);
        assertTrue(!status.contains(boxes + " nodes"), "no count that disagrees with the Summary's " + nodes + " nodes: " + status);
    }
}
