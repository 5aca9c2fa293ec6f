package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.ui.diff.DiffStep;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.diff.DiffPalette;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.passes.PassRegistry;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on the ResNet50 sample: Compile > Run Default Pipeline opens the pass diff window; the
 * arrow keys step through every pass; after fold-batchnorm all 53 BatchNormalization nodes are deleted
 * (red on the before side, gone after, ghosts in the merged view).
 */
@ExtendWith(ApplicationExtension.class)
class PipelineDiffWindowTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void steppingThroughTheDefaultPipelineOnResNet50ShowsTheBatchNormsDeletedByFolding(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("resnet50", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.model() != null && !window.isBusy());

        robot.interact(() -> menuItem("menu-run-pipeline").fire());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> robot.lookup("#pass-diff-view").tryQuery().isPresent());
        PassDiffView view = robot.lookup("#pass-diff-view").query();
        settle(robot, view);
        assertEquals(PassRegistry.DEFAULT_PIPELINE.size(), view.session().steps().size(), "one entry per pass");
        assertEquals("fold-batchnorm", view.shownStep().name(), "the view opens on the first pass that changed something");

        // Back to the first pass with the keyboard, then step through the whole pipeline.
        ListView<DiffStep> list = robot.lookup("#pass-list").query();
        robot.interact(list::requestFocus);
        robot.type(KeyCode.HOME);
        settle(robot, view);
        assertEquals(1, view.shownStep().step());
        boolean foldingSeen = false;
        for (int step = 2; step <= PassRegistry.DEFAULT_PIPELINE.size(); step++) {
            robot.type(KeyCode.DOWN);
            settle(robot, view);
            DiffStep s = view.shownStep();
            assertEquals(step, s.step(), "Down moves to the next pass");
            assertEquals(PassRegistry.DEFAULT_PIPELINE.get(step - 1), s.name());
            if (s.name().equals("fold-batchnorm")) {
                checkFolding(robot, view, s);
                foldingSeen = true;
            } else if (step < 6) {
                assertTrue(bns(s.after().graph()).size() == 53, "BatchNormalization nodes are still there before folding");
            }
        }
        assertTrue(foldingSeen);
    }

    private void checkFolding(FxRobot robot, PassDiffView view, DiffStep s) throws Exception {
        List<Node> bns = bns(s.before().graph());
        assertEquals(53, bns.size(), "ResNet50 has one BatchNormalization per convolution");
        assertTrue(bns(s.after().graph()).isEmpty(), "all folded");
        Overlay before = view.beforeView().overlayProperty().get();
        GraphScene afterScene = view.afterView().getGraphScene();
        for (Node bn : bns) {
            assertEquals(DiffPalette.DELETED, before.nodes().get(bn.id()).fill(), bn.id() + " is red before");
            assertTrue(view.beforeView().getGraphScene().indexOf(bn.id()) >= 0, bn.id() + " is drawn before");
            assertEquals(-1, afterScene.indexOf(bn.id()), bn.id() + " is not drawn after");
        }
        assertTrue(s.diff().summary().endsWith("53 deleted"), s.diff().summary());

        robot.interact(() -> view.modeProperty().set(PassDiffView.Mode.MERGED));
        settle(robot, view);
        GraphScene merged = view.mergedView().getGraphScene();
        Overlay mergedOverlay = view.mergedView().overlayProperty().get();
        for (Node bn : bns) {
            assertTrue(merged.indexOf(bn.id()) >= 0, bn.id() + " is a ghost in the merged view");
            assertEquals(DiffPalette.GHOST_FILL, mergedOverlay.nodes().get(bn.id()).fill());
        }
        assertEquals(DiffPalette.badge(NodeState.DELETED), mergedOverlay.nodes().get(bns.get(0).id()).badge(), "ghosts carry the deleted badge");
        robot.interact(() -> view.modeProperty().set(PassDiffView.Mode.SIDE_BY_SIDE));
        settle(robot, view);
        ListView<DiffStep> list = robot.lookup("#pass-list").query();
        robot.interact(list::requestFocus);
    }

    private static List<Node> bns(Graph g) {
        return g.nodes().stream().filter(n -> n.opType().equals("BatchNormalization")).toList();
    }

    private static void settle(FxRobot robot, PassDiffView view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !view.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.root().getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
