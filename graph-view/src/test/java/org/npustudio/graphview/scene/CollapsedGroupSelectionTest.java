package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.MultiSelect;
import org.npustudio.graphview.ui.NodeSelection;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A collapsed group stands for its operators when selecting (so it can become one partition). */
@ExtendWith(ApplicationExtension.class)
class CollapsedGroupSelectionTest {
    private final Graph graph = ScopedGraphs.resnetLike(3, 2);
    private final GroupedLayout grouped = GroupedLayout.of(graph, SceneBuilder.Settings.defaults());
    private final GraphScene scene = grouped.layout(grouped.with(org.npustudio.graphview.layout.GroupExpansion.all(grouped.tree()), "layer2", false), LayoutMonitor.none());
    private final NodeSelection selection = new NodeSelection();
    private GraphView view;

    @Start
    void start(Stage stage) {
        view = new GraphView();
        MultiSelect.install(view, selection);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        view.graphProperty().set(graph);
        view.setGraphScene(scene);
    }

    private Point2D centreOf(String key) {
        GraphCanvas c = view.canvas();
        int i = scene.indexOf(key);
        return c.localToScreen(c.viewport().toScreenX(scene.centerX(i)), c.viewport().toScreenY(scene.centerY(i)));
    }

    @Test
    void clickingACollapsedGroupSelectsItsOperatorsAndShiftClickAddsAnother(FxRobot robot) {
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            view.fitToWindow();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> layer2 = new TreeSet<>();
        for (Node n : graph.nodes()) if (n.name().startsWith("/layer2/")) layer2.add(n.id());
        robot.clickOn(centreOf(SceneGroup.keyOf("layer2")));
        assertEquals(layer2, new TreeSet<>(selection.keys()), "the group's ten operators, no weights or values");

        robot.press(KeyCode.SHIFT).clickOn(centreOf("/fc/Gemm")).release(KeyCode.SHIFT);
        assertEquals(layer2.size() + 1, selection.size());
        assertTrue(selection.keys().contains("/fc/Gemm"));
    }
}
