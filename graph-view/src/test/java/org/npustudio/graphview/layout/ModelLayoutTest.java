package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.testdata.TestData;

/** Layout invariants on real models from the shared test data (skipped with a reason when it is absent). */
class ModelLayoutTest {
    private static Path testData(String sub) {
        return TestData.shared("onnx-testdata/" + sub);
    }

    private static List<Path> lightModels() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(testData("light"), "*.onnx")) {
            ds.forEach(out::add);
        }
        out.sort(null);
        assertTrue(out.size() >= 5, "expected the light model zoo, found " + out);
        return out;
    }

    @Test
    void lightModelsKeepInvariantsInBothDirections() throws Exception {
        for (Path p : lightModels()) {
            Graph graph = OnnxReader.read(p).graph();
            GraphLayoutInput in = GraphLayoutInput.from(graph, GraphLayoutInput.Settings.defaults());
            assertTrue(in.graph().nodeCount() >= graph.nodes().size(), p.toString());
            for (Direction d : Direction.values()) {
                LayoutResult r = LayeredLayout.layout(in.graph(), LayoutOptions.defaults().withDirection(d));
                LayoutInvariants.check(in.graph(), r, d);
                assertEquals(0, r.reversedCount(), "ONNX graphs are acyclic: " + p);
            }
            LayoutInvariants.assertSame(LayeredLayout.layout(in.graph(), LayoutOptions.defaults()), LayeredLayout.layout(in.graph(), LayoutOptions.defaults()));
        }
    }

    @Test
    void initializersCanBeShownAsNodes() throws Exception {
        Path p = lightModels().get(0);
        Graph graph = OnnxReader.read(p).graph();
        GraphLayoutInput hidden = GraphLayoutInput.from(graph, GraphLayoutInput.Settings.defaults());
        GraphLayoutInput shown = GraphLayoutInput.from(graph, GraphLayoutInput.Settings.defaults().withInitializers(true));
        long inits = graph.nodes().stream().flatMap(n -> n.inputs().stream()).filter(graph::isInitializer).distinct().count();
        assertEquals(hidden.graph().nodeCount() + inits, shown.graph().nodeCount());
        LayoutInvariants.check(shown.graph(), LayeredLayout.layout(shown.graph(), LayoutOptions.defaults()), Direction.TOP_TO_BOTTOM);
    }

    @Test
    void operatorTestModelsWithSeveralNodes() throws Exception {
        Path dir = testData("node");
        int laidOut = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            List<Path> cases = new ArrayList<>();
            ds.forEach(cases::add);
            cases.sort(null);
            for (Path c : cases) {
                Path model = c.resolve("model.onnx");
                if (!Files.isRegularFile(model)) continue;
                Graph graph;
                try {
                    graph = OnnxReader.read(model).graph();
                } catch (Exception unreadable) {
                    continue; // the reader's own tests cover models it rejects
                }
                if (graph.nodes().size() < 2) continue;
                GraphLayoutInput in = GraphLayoutInput.from(graph, GraphLayoutInput.Settings.defaults());
                LayoutInvariants.check(in.graph(), LayeredLayout.layout(in.graph(), LayoutOptions.defaults()), Direction.TOP_TO_BOTTOM);
                laidOut++;
            }
        }
        assertTrue(laidOut > 10, "only " + laidOut + " multi-node operator models found");
    }
}
