package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.app.BindingStore;
import org.npustudio.ir.TypeInfo;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a real model with symbolic H/W: the bind dialog appears, checks live, applies and remembers. */
@ExtendWith(ApplicationExtension.class)
class BindShapesDialogTest {
    static final Path CLS = TestData.realModel("ch_ppocr_mobile_v2.0_cls_infer.onnx");
    private MainWindow window;
    private Path storeDir;

    @Start
    void start(Stage stage) throws Exception {
        storeDir = Files.createTempDirectory("bindings");
        window = new MainWindow(stage);
        window.setBindingStore(new BindingStore(storeDir));
        stage.show();
    }

    private void openAndSettle(FxRobot robot, Runnable open) throws Exception {
        robot.interact(open);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.isBusy() && window.model() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dialogIsPrefilledChecksLiveAppliesAndRemembers(FxRobot robot) throws Exception {
        openAndSettle(robot, () -> window.open(CLS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.bindDialog() != null);
        BindShapesDialog dialog = window.bindDialog();
        TextField x = robot.lookup("#bind-field-0").query();
        assertEquals("x", x.getUserData());
        assertEquals("1x3x224x224", x.getText(), "suggested: batch 1, image 224x224");
        assertEquals("", dialog.problem());

        robot.interact(() -> x.setText("1x3x48"));
        assertEquals("input 'x' has rank 4 [p2o.DynamicDimension.0,3,p2o.DynamicDimension.1,p2o.DynamicDimension.2], "
                + "the binding gives 3 (1x3x48)", dialog.problem());
        assertEquals(dialog.problem(), robot.lookup("#bind-error").queryLabeled().getText());
        Button apply = (Button) dialog.getDialogPane().lookupButton(BindShapesDialog.APPLY);
        assertTrue(apply.isDisabled());

        robot.interact(() -> x.setText("1x3x48x192"));
        assertEquals("", dialog.problem());
        assertFalse(apply.isDisabled());
        LoadedModel before = window.model();
        robot.interact(apply::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model() != before && !window.isBusy());
        WaitForAsyncUtils.waitForFxEvents();

        LoadedModel bound = window.model();
        assertEquals(Map.of("x", List.of(1L, 3L, 48L, 192L)), bound.binding().inputShapes());
        assertFalse(bound.needsBinding());
        assertNull(window.bindDialog());
        TypeInfo.TensorType in = bound.model().graph().inputs().get(0).tensorType();
        assertEquals("[1,3,48,192]", in.shape().toString());
        Path remembered = storeDir.resolve(BindingStore.key(CLS) + ".shapes");
        assertEquals("--input-shape x=1x3x48x192\n", Files.readString(remembered));

        // Opening the same file again applies the remembered binding without asking.
        openAndSettle(robot, () -> window.open(CLS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model() != bound && !window.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(bound.binding(), window.model().binding());
        assertNull(window.bindDialog());
        // The menu offers the dialog again, pre-filled with the binding in force.
        robot.interact(window::bindShapes);
        assertEquals("1x3x48x192", ((TextField) robot.lookup("#bind-field-0").query()).getText());
        robot.interact(() -> window.bindDialog().close());
    }
}
