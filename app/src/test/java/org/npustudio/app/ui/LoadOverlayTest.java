package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Profile > Load Overlay… on the open graph: counts in the status line; a file for another model changes nothing. */
@ExtendWith(ApplicationExtension.class)
class LoadOverlayTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void modelExplorerNodeDataColoursTheOpenGraph(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(TestData.inCheckout("samples/models/lenet5.onnx")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model() != null && !window.isBusy()
                && ((Label) robot.lookup("#status").query()).getText().startsWith("Laid out"));
        Path me = Files.writeString(dir.resolve("me.json"),
                "{\"lenet5\": {\"results\": {\"/conv1/Conv\": {\"value\": 3.5}, \"/fc1/Gemm\": {\"value\": 1}, \"ghost\": {\"value\": 2}}}}");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"results\": {\"/encoder/MatMul\": {\"value\": 1}}}");
        AtomicReference<String> status = new AtomicReference<>();
        AtomicBoolean ok = new AtomicBoolean(), refused = new AtomicBoolean(true);
        AtomicReference<Overlay> before = new AtomicReference<>(), after = new AtomicReference<>();
        robot.interact(() -> {
            ok.set(OverlayLoadAction.apply(null, window.graphView(), window.model(), me, status::set));
            before.set(window.graphView().overlayProperty().get());
            refused.set(!OverlayLoadAction.apply(null, window.graphView(), window.model(), other, s -> { }));
            after.set(window.graphView().overlayProperty().get());
        });
        assertTrue(ok.get());
        assertEquals("overlay " + me + ": 2 of 12 nodes matched (1 entry unmatched)", status.get());
        assertFalse(before.get().isEmpty());
        assertEquals("me.json: value", before.get().legend().title());
        assertTrue(refused.get(), "nothing of the other file matches");
        assertEquals(before.get(), after.get(), "the refused file drew nothing");
    }
}
