package org.npustudio.partition.editor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.partition.editor.model.Models;
import org.npustudio.plan.ModelRef;
import org.npustudio.shape.ShapeInference;

/** A bundled sample written to disk, opened as the IDE opens models, and laid out once per test class. */
final class EditorFixture {
    final Path dir;
    final Path file;
    final Model model;
    final ModelRef ref;
    final GraphScene scene;
    final List<String> order;

    EditorFixture(String sample) throws IOException, StudioException {
        dir = Files.createTempDirectory("partition-editor-test");
        file = Models.write(sample, dir);
        model = OnnxReader.read(file);
        ShapeInference.infer(model);
        ref = ModelRef.of(file);
        scene = SceneBuilder.build(model.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none());
        order = model.graph().topologicalOrder().stream().map(Node::id).toList();
    }

    /** A workspace on this model, recovering into {@code store}, shown in {@code stage} at the tests' window size. */
    PartitionWorkspace show(javafx.stage.Stage stage, org.npustudio.partition.editor.model.RecoveryStore store) {
        PartitionWorkspace ws = new PartitionWorkspace(model, file, ref, store);
        ws.graphView().setGraphScene(scene);
        stage.setScene(new javafx.scene.Scene(ws, 1260, 780));
        stage.show();
        return ws;
    }

    /** Screen position of a world point of the workspace's canvas. */
    static Point2D screen(GraphCanvas c, double wx, double wy) {
        return c.localToScreen(c.viewport().toScreenX(wx), c.viewport().toScreenY(wy));
    }

    Point2D centre(GraphCanvas c, String key) {
        int i = scene.indexOf(key);
        return screen(c, scene.centerX(i), scene.centerY(i));
    }

    /** World bounding box {x0, y0, x1, y1} of some nodes. */
    double[] box(List<String> keys) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String k : keys) {
            int i = scene.indexOf(k);
            b[0] = Math.min(b[0], scene.x(i));
            b[1] = Math.min(b[1], scene.y(i));
            b[2] = Math.max(b[2], scene.x(i) + scene.width(i));
            b[3] = Math.max(b[3], scene.y(i) + scene.height(i));
        }
        return b;
    }
}
