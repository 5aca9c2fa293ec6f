package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;

/** If/Loop/Scan bodies, LSTM/GRU/RNN and folded Transposes, on small hand-built graphs. */
class ControlFlowShapesTest {
    private static Graph branch(String name, String op, String in, String out, Attribute... attrs) {
        Graph g = new Graph(name);
        Node n = new Node(name + "_n", name + "_n", op, "", List.of(in.split(",")), List.of(out));
        for (Attribute a : attrs) n.setAttribute(a);
        g.addNode(n);
        g.addOutput(new ValueInfo(out, null, "", null, null));
        return g;
    }

    private static String type(Graph g, String value) {
        return ShapeInferenceCorpusTest.describe(g.typeOf(value));
    }

    @Test
    void ifWithAnUnknownConditionMergesBothBranchesAndTypesTheirInsides() {
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, 4, 6).input("cond", DataType.BOOL);
        t.ints("target", 6, 4);
        Graph then = branch("then", "Reshape", "x,target", "a"); // outer input and outer initializer
        Graph otherwise = branch("else", "Transpose", "x", "b");
        t.node("If", "cond", "y", Attribute.of("then_branch", then), Attribute.of("else_branch", otherwise));
        t.output("y");
        t.infer();
        assertEquals("FLOAT[6,4]", type(then, "a"));
        assertEquals("FLOAT[6,4]", type(otherwise, "b"));
        assertEquals("FLOAT[6,4]", t.type("y"));
        assertEquals(2, t.report.subgraphs().size());
        assertTrue(t.report.deadBranches().isEmpty());
    }

    @Test
    void ifBranchesThatDisagreeLeaveTheDimUnknown() {
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, 4, 6).input("cond", DataType.BOOL);
        t.node("If", "cond", "y", Attribute.of("then_branch", branch("then", "Identity", "x", "a")),
                Attribute.of("else_branch", branch("else", "Transpose", "x", "b")));
        t.infer();
        assertEquals("FLOAT[?,?]", t.type("y"));
    }

    @Test
    void aConstantConditionPicksItsBranchAndLeavesTheOtherAlone() {
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, 1, 128, 2);
        t.graph.putInitializer(Tensor.raw("yes", DataType.BOOL, new long[0], new byte[] {0}));
        Graph squeeze = branch("then", "Squeeze", "x,axes", "a");
        t.ints("axes", 2); // squeezing a dim of 2: invalid, but never run
        Graph keep = branch("else", "Identity", "x", "b");
        Node n = t.node("If", "yes", "y", Attribute.of("then_branch", squeeze), Attribute.of("else_branch", keep));
        t.infer();
        assertEquals("FLOAT[1,128,2]", t.type("y"));
        assertEquals(List.of(new ShapeInferenceReport.DeadBranch(n.id(), "then_branch")), t.report.deadBranches());
        assertEquals("unknown", type(squeeze, "a"));
    }

    @Test
    void loopStacksScanOutputsByAConstantTripCount() {
        TestGraph t = new TestGraph(17);
        t.input("v", DataType.FLOAT, 3);
        t.ints("m", 5);
        t.graph.putInitializer(Tensor.ofLongs("trips", new long[0], new long[] {5}));
        Graph body = new Graph("body");
        body.addInput(ValueInfo.tensor("i", DataType.INT64, Shape.SCALAR));
        body.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.SCALAR));
        body.addInput(new ValueInfo("acc", null, "", null, null));
        body.addNode(new Node("add", "add", "Add", "", List.of("acc", "v"), List.of("acc2")));
        body.addNode(new Node("id", "id", "Identity", "", List.of("c"), List.of("c2")));
        body.addNode(new Node("mul", "mul", "Mul", "", List.of("acc", "v"), List.of("row")));
        for (String o : List.of("c2", "acc2", "row")) body.addOutput(new ValueInfo(o, null, "", null, null));
        t.node("Loop", "trips,,v", "final,rows", Attribute.of("body", body));
        t.infer();
        assertEquals("FLOAT[3]", type(body, "acc2"));
        assertEquals("FLOAT[3]", t.type("final"));
        assertEquals("FLOAT[5,3]", t.type("rows"));
    }

    @Test
    void aLoopCarriedValueThatGrowsEndsWithAnUnknownDim() {
        TestGraph t = new TestGraph(17);
        t.input("v", DataType.FLOAT, 3);
        t.graph.putInitializer(Tensor.ofLongs("trips", new long[0], new long[] {4}));
        Graph body = new Graph("body");
        body.addInput(ValueInfo.tensor("i", DataType.INT64, Shape.SCALAR));
        body.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.SCALAR));
        body.addInput(new ValueInfo("acc", null, "", null, null));
        Node cat = new Node("cat", "cat", "Concat", "", List.of("acc", "v"), List.of("acc2"));
        cat.setAttribute(Attribute.of("axis", 0L));
        body.addNode(cat);
        body.addNode(new Node("id", "id", "Identity", "", List.of("c"), List.of("c2")));
        for (String o : List.of("c2", "acc2")) body.addOutput(new ValueInfo(o, null, "", null, null));
        t.node("Loop", "trips,,v", "grown", Attribute.of("body", body));
        t.infer();
        assertEquals("FLOAT[?]", t.type("grown"));
        assertEquals("FLOAT[?]", type(body, "acc2"), "not the first iteration's [6]");
        assertEquals(null, body.inputs().get(2).type(), "the body's declarations are left as they were");
    }

    @Test
    void scanSlicesItsInputsAndStacksItsOutputs() {
        TestGraph t = new TestGraph(17);
        t.input("s0", DataType.FLOAT, 4).input("xs", DataType.FLOAT, 7, 4);
        Graph body = new Graph("body");
        body.addInput(new ValueInfo("s", null, "", null, null));
        body.addInput(new ValueInfo("x", null, "", null, null));
        body.addNode(new Node("add", "add", "Add", "", List.of("s", "x"), List.of("s2")));
        body.addNode(new Node("id", "id", "Identity", "", List.of("s2"), List.of("y")));
        body.addOutput(new ValueInfo("s2", null, "", null, null));
        body.addOutput(new ValueInfo("y", null, "", null, null));
        t.node("Scan", "s0,xs", "last,ys", Attribute.of("body", body), Attribute.of("num_scan_inputs", 1L));
        t.infer();
        assertEquals("FLOAT[4]", type(body, "y"), "the body sees one [4] slice of xs");
        assertEquals("FLOAT[4]", t.type("last"));
        assertEquals("FLOAT[7,4]", t.type("ys"));
    }

    @Test
    void recurrentOutputsFollowDirectionHiddenSizeAndLayout() {
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, 5, 1, 16).input("w", DataType.FLOAT, 2, 128, 16).input("r", DataType.FLOAT, 2, 128, 32);
        t.node("LSTM", "x,w,r", "y,yh,yc", Attribute.of("hidden_size", 32L), Attribute.of("direction", "bidirectional"));
        t.input("xb", DataType.FLOAT, 1, 5, 16).input("wg", DataType.FLOAT, 1, 96, 16).input("rg", DataType.FLOAT, 1, 96, 32);
        t.node("GRU", "xb,wg,rg", "g,gh", Attribute.of("layout", 1L)); // hidden size from R
        t.infer();
        assertEquals("FLOAT[5,2,1,32]", t.type("y"));
        assertEquals("FLOAT[2,1,32]", t.type("yh"));
        assertEquals("FLOAT[2,1,32]", t.type("yc"));
        assertEquals("FLOAT[1,5,1,32]", t.type("g"));
        assertEquals("FLOAT[1,1,32]", t.type("gh"));
    }

    @Test
    void aTransposedConstantTableFoldsIntoAReshapeTarget() {
        // PyTorch's pad export: pads as an [n,2] table, transposed and flattened.
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, 24);
        t.graph.putInitializer(Tensor.ofLongs("table", new long[] {2, 2}, new long[] {1, 2, 3, 4}));
        t.ints("flat", 4);
        t.node("Transpose", "table", "tt");
        t.node("Reshape", "tt,flat", "target");
        t.node("Reshape", "x,target", "y");
        t.infer();
        assertEquals("FLOAT[1,3,2,4]", t.type("y"));
    }
}
