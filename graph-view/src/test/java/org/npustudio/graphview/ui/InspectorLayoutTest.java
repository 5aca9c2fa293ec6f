package org.npustudio.graphview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: the inspector cut its property names short beside an empty value column; it also copies. */
@ExtendWith(ApplicationExtension.class)
class InspectorLayoutTest {
    private static final String INPUT = "encoder_block_input_0";
    private GraphView view;

    @Start
    void start(Stage stage) {
        Graph g = new Graph("g");
        g.addInput(ValueInfo.tensor(INPUT, DataType.FLOAT, Shape.of(1, 4)));
        g.addNode(new Node("relu", "relu", "Relu", "", List.of(INPUT), List.of("y")));
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 4)));
        view = new GraphView();
        view.graphProperty().set(g);
        stage.setScene(new Scene(view, 1280, 800)); // the IDE opens maximised; at 1000 px the graph's 76 % leaves the inspector its 240 px minimum
        stage.show();
        view.setGraphScene(SceneBuilder.build(g, SceneBuilder.Settings.defaults(), LayoutMonitor.none()));
    }

    private TableView<?> select(FxRobot robot) {
        robot.interact(() -> view.selectionProperty().set("relu"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#graph-inspector").queryTableView();
    }

    @Test
    void namesAreShownWholeAndTheValuesFillTheRest(FxRobot robot) {
        TableView<?> table = select(robot);
        List<String> cut = new ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getText() != null && truncated(c)) cut.add(c.getText());
        }
        assertTrue(cut.isEmpty(), "cut short: " + cut);
        double used = 0;
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) used += c.getWidth();
        assertTrue(used > table.getWidth() - 40 && used <= table.getWidth(),
                "the columns span the table: " + used + " of " + table.getWidth());
    }

    @Test
    void ctrlCCopiesTheSelectedRow(FxRobot robot) {
        select(robot);
        robot.clickOn(robot.lookup("#graph-inspector .table-cell").lookup((Labeled l) -> "op type".equals(l.getText())).<Labeled>query());
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("op type\tRelu", copied[0]);
    }

    static boolean truncated(Labeled l) {
        return l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText());
    }
}
