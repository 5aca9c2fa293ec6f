package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.testdata.TestData;
import org.junit.jupiter.api.Test;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.graphview.layout.LayoutMetrics;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;

/** If/Loop/Scan bodies are drawn as groups: then | else side by side, outer values as edges into the group. */
class ControlFlowLayoutTest {
    /** x -> Relu(r) ; cond -> If(then: Sigmoid(r) -> Neg, else: Tanh(x)) -> Add(r, out) -> y. */
    private static Graph ifGraph() {
        Graph g = new Graph("if");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 4)));
        g.addInput(ValueInfo.tensor("cond", DataType.BOOL, Shape.of()));
        g.addNode(new Node("relu", "relu", "Relu", "", List.of("x"), List.of("r")));
        Graph then = new Graph("then");
        then.addNode(new Node("sig", "sig", "Sigmoid", "", List.of("r"), List.of("s")));
        then.addNode(new Node("neg", "neg", "Neg", "", List.of("s"), List.of("t_out")));
        then.addOutput(ValueInfo.tensor("t_out", DataType.FLOAT, Shape.of(1, 4)));
        Graph otherwise = new Graph("else");
        otherwise.addNode(new Node("tanh", "tanh", "Tanh", "", List.of("x"), List.of("e_out")));
        otherwise.addOutput(ValueInfo.tensor("e_out", DataType.FLOAT, Shape.of(1, 4)));
        Node iff = new Node("branch", "branch", "If", "", List.of("cond"), List.of("o"));
        // Else first in the file: the drawing still reads then | else.
        iff.setAttribute(Attribute.of("else_branch", otherwise));
        iff.setAttribute(Attribute.of("then_branch", then));
        g.addNode(iff);
        g.addNode(new Node("add", "add", "Add", "", List.of("r", "o"), List.of("y")));
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 4)));
        return g;
    }

    @Test
    void anIfIsAGroupWithItsBranchesSideBySide() {
        GroupedLayout grouped = GroupedLayout.of(ifGraph(), SceneBuilder.Settings.defaults());
        GraphScene s = grouped.layout(GroupExpansion.all(grouped.tree()), LayoutMonitor.none());
        for (String k : List.of("branch::then_branch::sig", "branch::then_branch::neg", "branch::else_branch::tanh", "branch")) {
            assertTrue(s.indexOf(k) >= 0, k + " drawn");
        }
        SceneGroup cf = group(s, "If branch");
        SceneGroup then = group(s, "If branch/then_branch");
        assertTrue(inside(cf, s, s.indexOf("branch")), "the If node sits in its own group");
        assertTrue(inside(then, s, s.indexOf("branch::then_branch::sig")));
        assertTrue(inside(cf, s, s.indexOf("branch::else_branch::tanh")));
        // then | else: the else body (one node, so not a frame of its own) lies right of the then frame.
        assertTrue(s.x(s.indexOf("branch::else_branch::tanh")) >= then.x() + then.width(), "else right of then");
        // The outer value r enters the group as an edge into the then body; the If node sits below its bodies.
        assertTrue(hasEdge(s, "relu", "branch::then_branch::sig"));
        assertTrue(hasEdge(s, "x", "branch::else_branch::tanh"));
        assertTrue(hasEdge(s, "branch::then_branch::neg", "branch"));
        assertTrue(s.y(s.indexOf("branch")) > s.y(s.indexOf("branch::then_branch::neg")));
        assertEquals(0, overlaps(s));
        // The inspector finds a body node (and the body graph holding its types) from its key.
        Graph g = ifGraph();
        var body = org.npustudio.graphview.layout.GraphLayoutInput.bodyNode(g, "branch::then_branch::sig");
        assertEquals("Sigmoid", body.node().opType());
        assertEquals("then", body.graph().name());
        assertEquals(null, org.npustudio.graphview.layout.GraphLayoutInput.bodyNode(g, "branch::then_branch::nothing"));
    }

    @Test
    void aLoopBodyShowsItsInputsInsideTheGroup() {
        Graph g = new Graph("loop");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 4)));
        g.addInput(ValueInfo.tensor("m", DataType.INT64, Shape.of()));
        g.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.of()));
        Graph body = new Graph("body");
        body.addInput(ValueInfo.tensor("iter", DataType.INT64, Shape.of()));
        body.addInput(ValueInfo.tensor("cond_in", DataType.BOOL, Shape.of()));
        body.addInput(ValueInfo.tensor("v_in", DataType.FLOAT, Shape.of(1, 4)));
        body.addNode(new Node("add", "add", "Add", "", List.of("v_in", "x"), List.of("v_out")));
        body.addNode(new Node("keep", "keep", "Identity", "", List.of("cond_in"), List.of("cond_out")));
        body.addOutput(ValueInfo.tensor("cond_out", DataType.BOOL, Shape.of()));
        body.addOutput(ValueInfo.tensor("v_out", DataType.FLOAT, Shape.of(1, 4)));
        Node loop = new Node("loop", "loop", "Loop", "", List.of("m", "c", "x"), List.of("y"));
        loop.setAttribute(Attribute.of("body", body));
        g.addNode(loop);
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 4)));
        GraphScene s = SceneBuilder.build(g, SceneBuilder.Settings.defaults(), LayoutMonitor.none());
        SceneGroup frame = group(s, "Loop loop/body");
        for (String k : List.of("loop::body::iter", "loop::body::cond_in", "loop::body::v_in", "loop::body::add", "loop::body::keep")) {
            assertTrue(s.indexOf(k) >= 0, k + " drawn");
            assertTrue(inside(frame, s, s.indexOf(k)), k + " inside the body frame");
        }
        assertTrue(hasEdge(s, "x", "loop::body::add"), "outer value into the body");
        assertTrue(hasEdge(s, "loop::body::v_in", "loop::body::add"));
        assertTrue(hasEdge(s, "loop::body::add", "loop"), "body output to the Loop node");
        assertEquals(0, overlaps(s));
    }

    @Test
    void largeBodiesOpenCollapsedSmallOnesOpen() {
        GroupedLayout small = GroupedLayout.of(ifGraph(), SceneBuilder.Settings.defaults());
        assertTrue(small.isExpanded(small.initialExpansion(), "If branch"));
        Model silero = real(Path.of("..", "src", "test", "resources", "real-models", "silero_vad_v5.onnx"));
        GroupedLayout big = GroupedLayout.of(silero.graph(), SceneBuilder.Settings.defaults());
        String ifPath = big.paths().stream().filter(p -> p.startsWith("If ") && !p.contains("/")).findFirst().orElseThrow();
        boolean[] initial = big.initialExpansion();
        assertFalse(big.isExpanded(initial, ifPath), "684 body nodes start as one box");
        GraphScene closed = big.layout(initial, LayoutMonitor.none());
        int box = closed.indexOf(SceneGroup.keyOf(ifPath));
        assertEquals(NodeKind.GROUP, closed.kind(box));
        assertTrue(closed.groupContent(box).operatorCount() > 600, "" + closed.groupContent(box).operatorCount());
        // Opening it (the IDE's toggle) shows the If node and its two branches, still without overlaps.
        GraphScene open = big.layout(big.with(initial, ifPath, true), LayoutMonitor.none());
        assertEquals(-1, open.indexOf(SceneGroup.keyOf(ifPath)));
        assertTrue(open.groups().stream().anyMatch(f -> f.path().equals(ifPath + "/then_branch")), "then branch framed");
        assertEquals(0, overlaps(open));
    }

    @Test
    void sileroV5IfBodiesAreDrawnWithoutOverlaps() {
        Model m = real(Path.of("..", "src", "test", "resources", "real-models", "silero_vad_v5.onnx"));
        int bodyNodes = countBodyNodes(m.graph());
        assertTrue(bodyNodes >= 684, "silero v5 has " + bodyNodes + " nodes in If bodies");
        GraphScene s = SceneBuilder.build(m.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none());
        long drawn = 0;
        for (int v = 0; v < s.nodeCount(); v++) if (s.kind(v) == NodeKind.OPERATOR && s.key(v).contains("::")) drawn++;
        assertEquals(bodyNodes, drawn, "every body node is drawn");
        assertEquals(0, overlaps(s));
        assertTrue(s.groups().stream().anyMatch(g -> g.path().endsWith("then_branch")));
        assertTrue(s.groups().stream().anyMatch(g -> g.path().endsWith("else_branch")));
        assertSiblingFramesApart(s);
    }

    @Test
    void heyJarvisLaysOutWithoutOverlaps() {
        Path p = TestData.realModel("hey_jarvis_v0.1.onnx");   // fetched by real-models/fetch.sh; skips when absent
        Model m = real(p);
        GraphScene s = SceneBuilder.build(m.graph(), SceneBuilder.Settings.defaults(), LayoutMonitor.none());
        int ops = m.graph().nodes().size() + countBodyNodes(m.graph());
        long drawn = 0;
        for (int v = 0; v < s.nodeCount(); v++) if (s.kind(v) == NodeKind.OPERATOR) drawn++;
        assertEquals(ops, drawn);
        assertEquals(0, overlaps(s));
        assertSiblingFramesApart(s);
    }

    private static Model real(Path p) {
        try {
            return OnnxReader.read(p);
        } catch (Exception e) {
            throw new AssertionError(p + ": " + e.getMessage(), e);
        }
    }

    private static int countBodyNodes(Graph g) {
        int n = 0;
        java.util.ArrayDeque<Graph> todo = new java.util.ArrayDeque<>();
        for (Node node : g.nodes()) todo.addAll(node.subgraphs());
        while (!todo.isEmpty()) {
            Graph b = todo.poll();
            n += b.nodes().size();
            for (Node node : b.nodes()) todo.addAll(node.subgraphs());
        }
        return n;
    }

    private static SceneGroup group(GraphScene s, String path) {
        return s.groups().stream().filter(g -> g.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + path + " in " + s.groups().stream().map(SceneGroup::path).toList()));
    }

    private static boolean inside(SceneGroup g, GraphScene s, int v) {
        return s.x(v) >= g.x() && s.y(v) >= g.y() && s.x(v) + s.width(v) <= g.x() + g.width() && s.y(v) + s.height(v) <= g.y() + g.height();
    }

    private static boolean hasEdge(GraphScene s, String from, String to) {
        for (int e = 0; e < s.edgeCount(); e++) if (s.key(s.from(e)).equals(from) && s.key(s.to(e)).equals(to)) return true;
        return false;
    }

    private static long overlaps(GraphScene s) {
        int n = s.nodeCount();
        double[] x = new double[n], y = new double[n], w = new double[n], h = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = s.x(v);
            y[v] = s.y(v);
            w[v] = s.width(v);
            h[v] = s.height(v);
        }
        return LayoutMetrics.overlaps(x, y, w, h);
    }

    /** Frames of one parent (then and else, or two Ifs side by side) never overlap. */
    private static void assertSiblingFramesApart(GraphScene s) {
        List<SceneGroup> gs = new ArrayList<>(s.groups());
        for (int i = 0; i < gs.size(); i++) {
            for (int j = i + 1; j < gs.size(); j++) {
                SceneGroup a = gs.get(i), b = gs.get(j);
                if (!parent(a.path()).equals(parent(b.path()))) continue;
                boolean apart = a.x() + a.width() <= b.x() + 1e-6 || b.x() + b.width() <= a.x() + 1e-6
                        || a.y() + a.height() <= b.y() + 1e-6 || b.y() + b.height() <= a.y() + 1e-6;
                assertTrue(apart, a.path() + " overlaps " + b.path());
            }
        }
    }

    private static String parent(String path) {
        int cut = path.lastIndexOf('/');
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
