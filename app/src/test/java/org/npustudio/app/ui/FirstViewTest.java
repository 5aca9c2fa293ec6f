package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.scene.SceneStyle;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first view of a deep model reads: its zoom is where titles and details draw but not blown up past 1:1
 * (ResNet-50 opened at 100 % showed its first five nodes), it shows a good share of the nodes (not a sliver,
 * not five), and the graph's input is on screen, where one starts reading a model.
 */
@ExtendWith(ApplicationExtension.class)
class FirstViewTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.setWidth(1280);
        stage.setHeight(820);
        stage.show();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample:resnet50", "sample:mobilenetv2", "real:ch_PP-OCRv4_det_infer.onnx"})
    void deepModelsOpenReadablyWithTheirInputInView(String which, FxRobot robot) throws Exception {
        Path file = which.startsWith("sample:") ? SampleLibrary.ensure(which.substring(7), dir)
                : TestData.realModel(which.substring(5));
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.isBusy() && window.graphView() != null
                && window.graphView().getGraphScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        GraphView view = window.graphView();
        GraphScene s = view.getGraphScene();
        assertNotNull(s, which);
        GraphCanvas c = view.canvas();
        double zoom = c.viewport().scale();
        assertTrue(zoom >= SceneStyle.DETAIL_ZOOM - 1e-9 && zoom <= 0.85,
                which + ": the first view's zoom " + Math.round(zoom * 100) + " % is outside the readable 70–85 %");
        double[] v = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
        int inputs = 0, shown = 0, inView = 0;
        for (int i = 0; i < s.nodeCount(); i++) {
            boolean visible = s.x(i) >= v[0] && s.y(i) >= v[1] && s.x(i) + s.width(i) <= v[2] && s.y(i) + s.height(i) <= v[3];
            if (visible) inView++;
            if (s.kind(i) == NodeKind.INPUT) {
                inputs++;
                if (visible) shown++;
            }
        }
        assertTrue(inputs > 0 && shown == inputs, which + ": " + shown + " of " + inputs + " graph inputs wholly in view");
        // ResNet-50 at 100 % showed five whole boxes (the "first five nodes").
        assertTrue(inView >= 7, which + ": only " + inView + " whole boxes on the first screen");
    }
}
