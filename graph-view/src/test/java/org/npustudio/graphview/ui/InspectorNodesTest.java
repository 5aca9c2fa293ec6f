package org.npustudio.graphview.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector on nodes without a schema and on nodes inside an If's branches. */
@ExtendWith(ApplicationExtension.class)
class InspectorNodesTest {
    private GraphView view;

    /** x -> Frobnicate (custom domain) -> If(cond; then: Sigmoid(f), else: Neg(f)) -> y. */
    private static Graph graph() {
        Graph g = new Graph("g");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 4)));
        g.addInput(ValueInfo.tensor("cond", DataType.BOOL, Shape.of()));
        g.addNode(new Node("frob", "frob", "Frobnicate", "com.example.custom", List.of("x"), List.of("f")));
        Graph then = new Graph("then");
        then.addNode(new Node("sig", "sig", "Sigmoid", "", List.of("f"), List.of("t")));
        then.addOutput(ValueInfo.tensor("t", DataType.FLOAT, Shape.of(1, 4)));
        Graph otherwise = new Graph("else");
        otherwise.addNode(new Node("neg", "neg", "Neg", "", List.of("f"), List.of("e")));
        otherwise.addOutput(ValueInfo.tensor("e", DataType.FLOAT, Shape.of(1, 4)));
        Node iff = new Node("branch", "branch", "If", "", List.of("cond"), List.of("y"));
        iff.setAttribute(Attribute.of("then_branch", then));
        iff.setAttribute(Attribute.of("else_branch", otherwise));
        g.addNode(iff);
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 4)));
        return g;
    }

    @Start
    void start(Stage stage) {
        Graph g = graph();
        view = new GraphView();
        view.graphProperty().set(g);
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
        view.setGraphScene(SceneBuilder.build(g, SceneBuilder.Settings.defaults(), LayoutMonitor.none()));
    }

    private boolean shows(String name, String value) {
        return view.inspectorRows().stream().anyMatch(r -> r.name().equals(name) && r.value().equals(value));
    }

    @Test
    void opaqueAndBodyNodesAreInspectable(FxRobot robot) {
        robot.interact(() -> view.selectionProperty().set("frob"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shows("schema", "no schema known: opaque"), view.inspectorRows().toString());
        assertTrue(shows("domain", "com.example.custom"));

        robot.interact(() -> view.selectionProperty().set("branch::then_branch::sig"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shows("op type", "Sigmoid"), view.inspectorRows().toString());
        assertTrue(shows("t", "float32[1,4]"), "output type from the body graph: " + view.inspectorRows());
        assertTrue(view.inspectorRows().stream().noneMatch(r -> r.name().equals("schema")), "Sigmoid has a schema");
    }
}
