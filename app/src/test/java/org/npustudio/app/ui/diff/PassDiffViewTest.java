package org.npustudio.app.ui.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.diff.IrTextDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.graphview.diff.DiffPalette;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.InspectorRow;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.PassRegistry;
import org.npustudio.passes.Pipeline;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pass diff view on real models and real pipelines (headless Monocle): synchronised selection across
 * the panes, the merged view and the IR text; the IR diff; comparing a model with itself; bad pipeline
 * files and a failing pass.
 */
@ExtendWith(ApplicationExtension.class)
class PassDiffViewTest {
    @TempDir Path dir;
    private Stage stage;
    private final List<String> status = new ArrayList<>();

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 1200, 760));
        s.show();
    }

    private PassDiffView show(FxRobot robot, Model model, Pipeline pipeline) throws Exception {
        DiffSession session = DiffSession.ofPipeline("tiny_cnn", pipeline.name(), new PassManager().run(model, pipeline));
        AtomicReference<PassDiffView> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new PassDiffView(session));
            stage.getScene().setRoot(view.get());
        });
        settle(robot, view.get());
        return view.get();
    }

    private static void settle(FxRobot robot, PassDiffView view) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DiffStep step(PassDiffView v, String pass) {
        return v.session().steps().stream().filter(s -> s.name().equals(pass)).findFirst().orElseThrow();
    }

    private DiffActions.Host host(Model model) {
        return new DiffActions.Host(stage, () -> model, () -> "tiny_cnn", () -> dir, status::add);
    }

    /** Clicks the centre of a node in a graph view with the mouse. */
    private static void click(FxRobot robot, GraphView v, String key) {
        GraphCanvas c = v.canvas();
        GraphScene s = v.getGraphScene();
        int i = s.indexOf(key);
        assertTrue(i >= 0, key + " is drawn");
        Point2D p = c.localToScreen(c.viewport().toScreenX(s.centerX(i)), c.viewport().toScreenY(s.centerY(i)));
        robot.clickOn(p);
    }

    @Test
    void selectionFollowsAcrossBothPanesTheMergedViewAndTheIrText(FxRobot robot) throws Exception {
        PassDiffView v = show(robot, TestModels.tinyCnn(), Pipeline.defaultPipeline());
        DiffStep fuse = step(v, "fuse-activation");
        assertEquals(fuse, v.shownStep(), "the first pass that changed the graph is shown");
        String fused = fuse.diff().forOld("relu1").related().get(0);

        // A deleted node picked with the mouse on the before side: its replacement is selected after.
        click(robot, v.beforeView(), "relu1");
        assertEquals("relu1", v.beforeView().selectionProperty().get());
        assertEquals(fused, v.afterView().selectionProperty().get());
        IrTextDiff.Line line = v.irLines().get(v.irCaretLine());
        assertEquals(IrTextDiff.Kind.REMOVED, line.kind(), "the IR shows the deleted node's line: " + line);
        assertEquals("relu1", line.oldId());

        // Picked after: the same node before, and its line.
        robot.interact(() -> v.afterView().selectionProperty().set("add"));
        assertEquals("add", v.beforeView().selectionProperty().get());
        assertEquals("add", v.irLines().get(v.irCaretLine()).newId());
        List<InspectorRow> rows = v.afterView().inspectorRows();
        assertEquals(new InspectorRow("state", "same", false), rows.get(1), rows.toString());

        // Picked in the IR text: both graphs follow.
        int poolLine = indexOf(v.irLines(), "pool");
        robot.interact(() -> v.chooseIrLine(poolLine));
        assertEquals("pool", v.beforeView().selectionProperty().get());
        assertEquals("pool", v.afterView().selectionProperty().get());

        // The fused node lists what it replaces; a changed attribute would read old -> new.
        robot.interact(() -> v.afterView().selectionProperty().set(fused));
        assertTrue(v.afterView().inspectorRows().contains(new InspectorRow("replaces", "conv1, relu1", false)),
                v.afterView().inspectorRows().toString());

        // Pan and zoom together.
        robot.interact(() -> v.afterView().zoomBy(2));
        assertEquals(v.afterView().canvas().viewport().scale(), v.beforeView().canvas().viewport().scale(), 1e-9);

        // Merged: the ghost of a deleted node selects it on the before side.
        robot.interact(() -> v.modeProperty().set(PassDiffView.Mode.MERGED));
        settle(robot, v);
        click(robot, v.mergedView(), "conv1");
        assertEquals("conv1", v.beforeView().selectionProperty().get());
        assertEquals(fused, v.afterView().selectionProperty().get());
        assertEquals("conv1", v.irLines().get(v.irCaretLine()).oldId());
    }

    private static int indexOf(List<IrTextDiff.Line> lines, String id) {
        for (int i = 0; i < lines.size(); i++) if (id.equals(lines.get(i).newId())) return i;
        throw new AssertionError(id + " has no line");
    }

    @Test
    void theIrPaneShowsTheDiffOfTheSelectedPassHighlighted(FxRobot robot) throws Exception {
        PassDiffView v = show(robot, TestModels.tinyCnn(), Pipeline.defaultPipeline());
        DiffStep fuse = v.shownStep();
        List<IrTextDiff.Line> expected = IrTextDiff.of(fuse.before(), fuse.after(), fuse.diff());
        assertEquals(expected, v.irLines());
        CodeArea area = robot.lookup("#ir-diff").query();
        assertEquals(IrTextDiff.unified(expected).strip(), area.getText().strip());
        List<String> removed = new ArrayList<>(), added = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            var style = area.getParagraph(i).getParagraphStyle();
            if (style.contains("ir-removed")) removed.add(expected.get(i).oldId());
            if (style.contains("ir-added")) added.add(expected.get(i).newId());
        }
        assertEquals(List.of("conv1", "relu1", "conv2", "relu2"), removed);
        assertEquals(2, added.size());
        assertTrue(area.getText().contains("+ %r1 = org.npustudio.FusedConv(%x, %w1<float32[4, 3, 3, 3]>)"), area.getText());
        assertTrue(area.getStyleOfChar(area.getText().indexOf("FusedConv") + 1).contains("ir-op"), "op types are highlighted");
        String heading = robot.lookup("#diff-heading").queryLabeled().getText();
        assertTrue(heading.endsWith(fuse.diff().summary()) && !heading.contains("comparing"),
                "the heading gets the summary once the worker has matched the graphs: " + heading);

        // A pass that changed nothing: the IR is all context.
        robot.interact(() -> v.select(step(v, "merge-pad")));
        settle(robot, v);
        assertTrue(v.irLines().stream().allMatch(l -> l.kind() == IrTextDiff.Kind.SAME));
        assertTrue(robot.lookup("#ir-diff-summary").queryLabeled().getText().contains("no change"));
        assertTrue(robot.lookup("#diff-banner").queryLabeled().getText().contains("changed nothing"));

        // Hiding passes that changed nothing moves on to the next pass that did.
        robot.interact(() -> v.hideUnchangedProperty().set(true));
        settle(robot, v);
        assertTrue(v.visibleSteps().stream().allMatch(DiffStep::changed), v.visibleSteps().toString());
        assertEquals("fuse-activation", v.shownStep().name());
    }

    @Test
    void anUnchangedModelDiffsAsAllSame(FxRobot robot) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Path fa = SampleLibrary.write("lenet5", a), fb = SampleLibrary.write("lenet5", b);
        AtomicReference<PassDiffView> opened = new AtomicReference<>();
        robot.interact(() -> DiffActions.compareModels(host(null), fa, fb, opened::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        PassDiffView v = opened.get();
        settle(robot, v);
        DiffStep s = v.shownStep();
        assertEquals(DiffStep.Kind.COMPARISON, s.kind());
        int nodes = s.before().graph().nodes().size();
        assertEquals(nodes + " same, 0 changed, 0 new, 0 deleted", s.diff().summary());
        for (GraphView g : List.of(v.beforeView(), v.afterView())) {
            Overlay o = g.overlayProperty().get();
            assertEquals(nodes, o.nodes().size());
            assertTrue(o.nodes().values().stream().allMatch(n -> n.fill() == DiffPalette.SAME), "every node grey");
        }
        assertTrue(v.irLines().stream().allMatch(l -> l.kind() == IrTextDiff.Kind.SAME));
        robot.interact(() -> v.modeProperty().set(PassDiffView.Mode.MERGED));
        settle(robot, v);
        assertEquals(v.afterView().getGraphScene().nodeCount(), v.mergedView().getGraphScene().nodeCount(), "no ghosts");
        robot.interact(() -> v.getScene().getWindow().hide());
    }

    @Test
    void aBadPipelineFileIsOneLineNamingFilePlaceAndTheValidPasses(FxRobot robot) throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "name: mine\npasses:\n  - constant-folding\n  - fold-bn\n");
        robot.interact(() -> DiffActions.runPipelineFile(host(TestModels.tinyCnn()), yaml, x -> {
            throw new AssertionError("no diff view for a bad pipeline");
        }));
        DialogPane dialog = robot.lookup("#error-dialog").query();
        String text = dialog.getContentText();
        assertTrue(text.startsWith(yaml.toString()), text);
        assertTrue(text.contains("line 4") && text.contains("unknown pass 'fold-bn'") && text.contains("fold-batchnorm"), text);
        assertFalse(text.contains("\n") || text.contains("Exception"), text);
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void aFailingPassStopsThePipelineNamesPassAndNodeAndTheLastGoodGraphStaysViewable(FxRobot robot) throws Exception {
        BasePass explodes = new BasePass("explode-on-add", PassOptions.of("explode-on-add", List.of(), java.util.Map.of())) {
            @Override
            public boolean run(Model model, PassContext ctx) {
                for (Node n : List.copyOf(model.graph().nodes())) {
                    ctx.visit(n);
                    if (n.opType().equals("Add")) throw new IllegalStateException("cannot handle broadcasting here");
                }
                return false;
            }
        };
        Pipeline p = new Pipeline("breaks", List.of(PassRegistry.get("fuse-activation").create(), explodes,
                PassRegistry.get("dead-code-elimination").create()));
        AtomicReference<PassDiffView> opened = new AtomicReference<>();
        robot.interact(() -> DiffActions.runPipeline(host(TestModels.tinyCnn()), p, opened::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        PassDiffView v = opened.get();
        settle(robot, v);
        DialogPane dialog = robot.lookup("#error-dialog").query();
        String message = dialog.getContentText();
        assertTrue(message.contains("pass 'explode-on-add' (step 2)") && message.contains("node 'add'")
                && message.contains("cannot handle broadcasting here"), message);
        robot.interact(() -> dialog.getScene().getWindow().hide());

        List<DiffStep> steps = v.session().steps();
        assertEquals(2, steps.size(), "the pass after the failure did not run");
        DiffStep failed = steps.get(1);
        assertEquals(DiffStep.Kind.FAILED, failed.kind());
        robot.interact(() -> v.select(failed));
        settle(robot, v);
        assertTrue(robot.lookup("#diff-banner").queryLabeled().getText().contains("node 'add'"));
        GraphScene lastGood = v.afterView().getGraphScene();
        assertNotNull(lastGood, "the last good graph is on screen");
        assertTrue(failed.after().graph().nodes().stream().anyMatch(n -> n.opType().equals("FusedConv")),
                "it is the graph after fuse-activation, the last pass that worked");
        assertTrue(lastGood.indexOf("add") >= 0);
        assertTrue(v.session().steps().get(0).diff().count(NodeState.NEW) == 2);
        robot.interact(() -> v.getScene().getWindow().hide());
    }
}
