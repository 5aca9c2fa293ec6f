package org.npustudio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.onnx.ModelLoadException;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.shape.WindowGeometry;
import org.npustudio.testdata.TestData;

/**
 * Checks the window arithmetic against the output shapes that ONNX's own operator tests and PyTorch's
 * exporter declare (ceil mode, SAME padding, dilations, output_padding, …), and that hiding the output
 * shape does not change a node's computed cost.
 */
class WindowGeometrySharedDataTest {
    private static final Set<String> SLIDING = Set.of("Conv", "MaxPool", "AveragePool", "LpPool");

    @Test
    void outputSizesMatchDeclaredShapes() throws IOException {
        Path data = TestData.shared("onnx-testdata");
        List<Path> models = new ArrayList<>();
        for (String suite : List.of("node", "pytorch-converted")) {
            Path dir = data.resolve(suite);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().toLowerCase().matches(".*(conv|pool).*"))
                        .map(p -> p.resolve("model.onnx")).filter(Files::isRegularFile).sorted().forEach(models::add);
            }
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Path file : models) {
            Model m;
            try {
                m = OnnxReader.read(file);
            } catch (ModelLoadException e) {
                continue; // the reader's own tests cover unreadable files
            }
            Graph g = m.graph();
            Function<String, Shape> declared = ShapeLookup.declared(g);
            for (Node n : g.nodes()) {
                if (!SLIDING.contains(n.opType()) && !n.opType().equals("ConvTranspose")) continue;
                long[] x = ShapeLookup.staticSizes(declared.apply(n.input(0)));
                long[] y = ShapeLookup.staticSizes(declared.apply(n.output(0)));
                if (x == null || y == null || x.length < 3 || y.length != x.length) continue;
                long[] w = n.inputs().size() > 1 ? ShapeLookup.staticSizes(declared.apply(n.input(1))) : null;
                long[] k = n.attrLongs("kernel_shape");
                if (k == null && w != null) k = Arrays.copyOfRange(w, 2, w.length);
                long[] xs = Arrays.copyOfRange(x, 2, x.length);
                long[] expected = Arrays.copyOfRange(y, 2, y.length);
                WindowGeometry geo = WindowGeometry.of(n, k);
                long[] got = n.opType().equals("ConvTranspose") ? geo.transposedOutputs(xs) : geo.outputs(xs);
                checked++;
                String where = data.relativize(file) + " " + n.opType();
                if (!Arrays.equals(expected, got)) {
                    mismatches.add(where + ": declared " + Arrays.toString(expected) + ", computed " + Arrays.toString(got));
                    continue;
                }
                // The cost must not depend on whether the output shape was declared.
                OptionalLong withOutput = new OpCostModel(g, declared).cost(n).flops();
                OptionalLong withoutOutput = new OpCostModel(g, v -> v.equals(n.output(0)) ? null : declared.apply(v))
                        .cost(n).flops();
                if (!withOutput.equals(withoutOutput) && w != null) {
                    mismatches.add(where + ": FLOPs " + withOutput + " with the output shape, " + withoutOutput + " without");
                }
            }
        }
        System.out.println("window geometry checked on " + checked + " nodes");
        assertTrue(checked >= 40, "only " + checked + " windowed nodes found in " + models.size() + " models");
        assertEquals(List.of(), mismatches);
    }
}
