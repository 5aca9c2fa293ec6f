package org.npustudio.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassCheck;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;

/**
 * Models whose nodes have no names (old exporters, ONNX's light test models) still diff node for node:
 * a compile that removed one Dropout is one removal, whatever the writer did to value names.
 */
class UnnamedNodeMatchingTest {
    @TempDir Path dir;

    /** ONNX's light SqueezeNet (fire modules: one value read by two Convs) with every node name removed. */
    private Model unnamedSqueezeNet() throws Exception {
        Model m = OnnxReader.read(TestData.realModel("light_squeezenet.onnx"));
        Graph g = m.graph();
        List<Node> nodes = new ArrayList<>(g.nodes());
        for (Node n : nodes) g.removeNode(n);
        for (Node n : nodes) {
            Node c = ModelCopy.copy(n);
            Node r = new Node("", "", c.opType(), c.domain(), c.inputs(), c.outputs());
            c.attributes().values().forEach(r::setAttribute);
            g.addNode(r);
        }
        Path f = dir.resolve("unnamed.onnx");
        Files.write(f, OnnxWriter.toBytes(m));
        Model back = OnnxReader.read(f);
        ShapeInference.infer(back);
        return back;
    }

    private Model reread(Model m, String name) throws Exception {
        Path f = dir.resolve(name + ".onnx");
        Files.write(f, OnnxWriter.toBytes(m));
        Model back = OnnxReader.read(f);
        ShapeInference.infer(back);
        return back;
    }

    @Test
    void removingOneDropoutFromAnUnnamedSqueezeNetIsOneRemoval() throws Exception {
        Model a = unnamedSqueezeNet();
        assertTrue(a.graph().nodes().stream().allMatch(n -> n.name().isEmpty()));
        Model b = reread(PassCheck.run(ModelCopy.of(a), "remove-identities").lastGoodSnapshot().model(), "no_dropout");
        assertEquals(a.graph().nodes().size() - 1, b.graph().nodes().size());
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals(1, d.count(NodeState.DELETED), d.summary());
        assertEquals(0, d.count(NodeState.NEW), d.summary());
        assertEquals("Dropout", d.withState(NodeState.DELETED).get(0).opType());
        assertEquals(a.graph().nodes().size() - 1, d.count(NodeState.SAME) + d.count(NodeState.CHANGED));
        // Only the reader of the removed Dropout reads another value now.
        assertEquals(1, d.count(NodeState.CHANGED), d.rows().stream().filter(r -> r.state() == NodeState.CHANGED).toList().toString());
    }

    @Test
    void valueNamesAndNodeOrderOfAnotherWriterDoNotMatter() throws Exception {
        Model a = unnamedSqueezeNet();
        Model removed = PassCheck.run(ModelCopy.of(a), "remove-identities").lastGoodSnapshot().model();
        Model b = reread(renamedAndReversed(removed), "renamed");
        ModelDiff d = ModelDiffer.models(a, b);
        assertEquals(1, d.count(NodeState.DELETED), d.summary());
        assertEquals(0, d.count(NodeState.NEW), d.summary());
        assertEquals(1, d.count(NodeState.CHANGED), d.summary());
    }

    /** Every value and initializer renamed, nodes written in reverse order (still a valid ONNX graph). */
    private static Model renamedAndReversed(Model m) {
        Model c = ModelCopy.of(m);
        Graph g = c.graph();
        java.util.Set<String> keep = new java.util.HashSet<>();
        g.inputs().forEach(v -> keep.add(v.name()));
        g.outputs().forEach(v -> keep.add(v.name()));
        List<Node> nodes = new ArrayList<>(g.nodes());
        for (Node n : nodes) g.removeNode(n);
        java.util.Collections.reverse(nodes);
        for (Node n : nodes) {
            Node r = new Node("", "", n.opType(), n.domain(), rename(n.inputs(), keep), rename(n.outputs(), keep));
            n.attributes().values().forEach(r::setAttribute);
            g.addNode(r);
        }
        for (String init : List.copyOf(g.initializers().keySet())) {
            Tensor t = g.initializers().get(init);
            g.removeInitializer(init);
            g.putInitializer(t.withName(keep.contains(init) ? init : "w2_" + init));
        }
        for (var v : g.valueInfos()) g.removeValueInfo(v.name());
        return c;
    }

    private static List<String> rename(List<String> vs, java.util.Set<String> keep) {
        return vs.stream().map(v -> v.isEmpty() || keep.contains(v) ? v : "w2_" + v).toList();
    }
}
