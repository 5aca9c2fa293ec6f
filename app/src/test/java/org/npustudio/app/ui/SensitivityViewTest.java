package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.app.ui.profile.NpuPresetList;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.plan.Precision;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Profile > Quantization Sensitivity… on LeNet-5 with a 35 dB budget: the background run ends in the sensitivity
 * window (sorted chart, accuracy-vs-latency chart, the choice's line) and the graph coloured by sensitivity;
 * switching the precision recolours it. The window is written to target/ as a PNG to look at.
 */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void sensitivityWindowShowsChartsAndColoursTheGraph(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(TestData.inCheckout("samples/models/lenet5.onnx")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model() != null && !window.isBusy()
                && ((Label) robot.lookup("#status").query()).getText().startsWith("Laid out"));
        AtomicReference<String> status = new AtomicReference<>("");
        AtomicReference<javafx.concurrent.Task<AutoPrecision.Outcome>> task = new AtomicReference<>();
        robot.interact(() -> task.set(SensitivityAction.start(window.stage(), window.graphView(), window.model(),
                NpuPresetList.bundled().stream().filter(p -> p.npu().name().equals("edge-npu-mixed")).findFirst().orElseThrow().npu(), Budget.sqnrDb(35), status::set)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#sensitivity-view").tryQuery().isPresent()
                || status.get().startsWith("Sensitivity failed"));
        assertTrue(status.get().startsWith("chosen "), status.get());
        AtomicReference<AutoPrecision.Outcome> result = new AtomicReference<>();
        robot.interact(() -> {
            assertEquals(Worker.State.SUCCEEDED, task.get().getState());
            result.set(task.get().getValue());
        });
        AutoPrecision.Outcome out = result.get();
        assertTrue(out.choice().met() && out.choice().accuracy().sqnrDb() >= 35, out.choice().message());

        Overlay int8 = window.graphView().overlayProperty().get();
        assertEquals("output SQNR with only this layer at int8 (dark = sensitive)", int8.legend().title());
        List<String> badged = int8.nodes().entrySet().stream().filter(e -> e.getValue().badge() != null && e.getValue().badge().endsWith(" dB"))
                .map(Map.Entry::getKey).toList();
        assertEquals(5, badged.size(), "the 2 Conv and 3 Gemm layers carry their dB: " + badged);
        // The most sensitive layer is drawn darkest: its fill is the scale's far end.
        String worst = out.sensitivity().layers().get(out.sensitivity().worstFirst(Precision.INT8).get(0)).id();
        assertEquals(0xFF440154, int8.nodes().get(worst).fill(), worst);

        Node bars = robot.lookup("#sensitivity-bars").query(), chart = robot.lookup("#sensitivity-accuracy-chart").query();
        assertTrue(bars.getLayoutBounds().getHeight() > 50 && chart.getLayoutBounds().getHeight() > 200);
        assertTrue(((Label) robot.lookup("#sensitivity-choice").query()).getText().startsWith("chosen "));
        assertFalse(robot.lookup("#sensitivity-save-plan").queryButton().isDisabled(), "a choice that met its budget can be saved as a plan");

        @SuppressWarnings("unchecked")
        ChoiceBox<Precision> box = (ChoiceBox<Precision>) robot.lookup("#sensitivity-precision").query();
        robot.interact(() -> box.setValue(Precision.INT4_W8A));
        Overlay int4 = window.graphView().overlayProperty().get();
        assertEquals("output SQNR with only this layer at int4w8a (dark = sensitive)", int4.legend().title());
        assertNotEquals(int8.nodes().get(worst).badge(), int4.nodes().get(worst).badge());

        robot.interact(() -> {
            try {
                Window w = bars.getScene().getWindow();
                SceneSnapshot.write(w.getScene(), Path.of("target", "sensitivity-view.png"));
                SceneSnapshot.write(window.stage().getScene(), Path.of("target", "sensitivity-overlay.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
