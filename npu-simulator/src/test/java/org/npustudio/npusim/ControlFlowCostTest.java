package org.npustudio.npusim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.Uncosted;
import org.npustudio.npusim.work.UnknownWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

/** If, Loop and Scan costed through their bodies; MACs computed by hand. */
class ControlFlowCostTest {

    private static Tensor bool(String name, boolean v) {
        return Tensor.raw(name, DataType.BOOL, new long[0], new byte[] {(byte) (v ? 1 : 0)});
    }

    /** A branch computing x[1x8] · w[8xn] from the captured outer x: 8·n MACs. */
    private static Graph branch(String name, long n) {
        Graph b = new Graph(name);
        b.putInitializer(Tensor.ofFloats(name + ".w", new long[] {8, n}, new float[(int) (8 * n)]));
        b.addNode(new Node(name + ".mm", name + ".mm", "MatMul", "", List.of("x", name + ".w"), List.of(name + ".y")));
        b.addOutput(ValueInfo.tensor(name + ".y", DataType.FLOAT, Shape.of(1, n)));
        return b;
    }

    /** y = If(cond) then x·w[8x4] (32 MACs) else x·w[8x16] (128 MACs); cond constant or a graph input. */
    private static Graph ifGraph(Boolean constant) {
        Graph g = new Graph("if");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8)));
        if (constant == null) g.addInput(ValueInfo.tensor("cond", DataType.BOOL, Shape.of()));
        else g.putInitializer(bool("cond", constant));
        Node n = new Node("if", "if", "If", "", List.of("cond"), List.of("y"));
        n.setAttribute(Attribute.of("then_branch", branch("then", 4)));
        n.setAttribute(Attribute.of("else_branch", branch("else", 16)));
        g.addNode(n);
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(1, 16)));
        return g;
    }

    private static SimulationResult simulate(WorkGraph g) throws Exception {
        var npu = TestGraphs.npu("npu", 8, 8, Dataflow.OS, SramConfig.separate(1 << 20, 1 << 20, 1 << 20), Precision.INT8, 10);
        return new Simulator(g, DeviceSet.of(Device.of(npu)), null).simulate(DeviceAssignment.allOn("npu"), FusionMode.NONE, FusionPlan.NONE);
    }

    @Test
    void ifCostsTheTakenBranchWhenTheConditionIsConstant() throws Exception {
        WorkGraph t = OnnxWorkMapper.map(ifGraph(true));
        BodyWork w = (BodyWork) t.node(0).work();
        assertEquals("If: then-branch (condition constant)", w.label());
        assertEquals(32, w.macs());
        assertEquals("If: else-branch (condition constant)", ((BodyWork) OnnxWorkMapper.map(ifGraph(false)).node(0).work()).label());
        assertEquals(128, OnnxWorkMapper.map(ifGraph(false)).node(0).work().macs());
        NodeResult r = simulate(t).node("if");
        assertTrue(r.costed() && r.onNpu());
        assertEquals(32, r.macs());
        // int8: the branch reads x (8 B) and its weights (32 B) and writes y (4 B)
        assertEquals(8 + 32 + 4, r.dramBytes(), 1e-9);
        assertTrue(r.latencySeconds() > 0);
    }

    @Test
    void ifCostsTheDearerBranchWhenTheConditionIsNotKnown() throws Exception {
        WorkGraph g = OnnxWorkMapper.map(ifGraph(null));
        BodyWork w = (BodyWork) g.node(0).work();
        assertEquals("If: else-branch, dearer of two branches", w.label());
        assertEquals(128, w.macs());
        assertTrue(g.node(0).inputs().contains("x"), "the captured x is a scheduling dependency of the If");
        assertEquals(128, simulate(g).total().macs());
    }

    /** v_final = Loop(M, true, v) with body v' = v · w[8x8] (64 MACs per trip); M constant or a graph input. */
    private static Graph loopGraph(Long trips) {
        Graph g = new Graph("loop");
        g.addInput(ValueInfo.tensor("v", DataType.FLOAT, Shape.of(1, 8)));
        if (trips == null) g.addInput(ValueInfo.tensor("m", DataType.INT64, Shape.of()));
        else g.putInitializer(Tensor.ofLongs("m", new long[0], new long[] {trips}));
        g.putInitializer(bool("go", true));
        g.putInitializer(Tensor.ofFloats("w", new long[] {8, 8}, new float[64]));
        Graph body = new Graph("body");
        body.addInput(ValueInfo.tensor("i", DataType.INT64, Shape.of()));
        body.addInput(ValueInfo.tensor("c", DataType.BOOL, Shape.of()));
        body.addInput(ValueInfo.tensor("v_in", DataType.FLOAT, Shape.of(1, 8)));
        body.addNode(new Node("keep", "keep", "Identity", "", List.of("c"), List.of("c_out")));
        body.addNode(new Node("step", "step", "MatMul", "", List.of("v_in", "w"), List.of("v_out")));
        body.addOutput(ValueInfo.tensor("c_out", DataType.BOOL, Shape.of()));
        body.addOutput(ValueInfo.tensor("v_out", DataType.FLOAT, Shape.of(1, 8)));
        Node n = new Node("loop", "loop", "Loop", "", List.of("m", "go", "v"), List.of("v_final"));
        n.setAttribute(Attribute.of("body", body));
        g.addNode(n);
        g.addOutput(ValueInfo.tensor("v_final", DataType.FLOAT, Shape.of(1, 8)));
        return g;
    }

    @Test
    void loopWithAConstantTripCountCostsBodyTimesTrips() throws Exception {
        WorkGraph g = OnnxWorkMapper.map(loopGraph(3L));
        BodyWork w = (BodyWork) g.node(0).work();
        assertEquals(3, w.trips());
        assertTrue(w.label().startsWith("Loop: 3 trips (constant M"), w.label());
        assertEquals(3 * 64, w.macs());
        SimulationResult r = simulate(g);
        assertEquals(192, r.total().macs());
        // int8, per trip: v 8 B + w 64 B read, v' 8 B written
        assertEquals(3 * (8 + 64 + 8), r.node("loop").dramBytes(), 1e-9);
    }

    @Test
    void loopWithAnUnknownTripCountIsNotCostedUnlessTheUserGivesIt() throws Exception {
        WorkGraph g = OnnxWorkMapper.map(loopGraph(null));
        UnknownWork u = (UnknownWork) g.node(0).work();
        assertEquals(Uncosted.UNKNOWN_TRIP_COUNT, u.kind());
        assertTrue(u.reason().contains("--loop-trips loop=N"), u.reason());
        SimulationResult r = simulate(g);
        NodeResult loop = r.node("loop");
        assertFalse(loop.costed());
        assertEquals(Uncosted.UNKNOWN_TRIP_COUNT, loop.uncosted());
        assertEquals(1, r.total().uncosted());
        assertEquals(Map.of(Uncosted.UNKNOWN_TRIP_COUNT, 1), r.total().uncostedByReason());
        assertEquals("1 op not costed: 1 unknown trip count", r.total().uncostedSummary());

        SimulationResult given = simulate(OnnxWorkMapper.map(loopGraph(null), Map.of("loop", 4L)));
        assertTrue(given.node("loop").costed());
        assertEquals(4 * 64, given.total().macs());
        assertEquals(0, given.total().uncosted());
        assertEquals("Loop: 4 trips (--loop-trips)", ((BodyWork) OnnxWorkMapper.map(loopGraph(null), Map.of("loop", 4L)).node(0).work()).label());
    }

    @Test
    void scanCostsBodyTimesTheScanLength() throws Exception {
        Graph g = new Graph("scan");
        g.addInput(ValueInfo.tensor("s0", DataType.FLOAT, Shape.of(1, 4)));
        g.addInput(ValueInfo.tensor("xs", DataType.FLOAT, Shape.of(5, 1, 8)));
        g.putInitializer(Tensor.ofFloats("w", new long[] {8, 4}, new float[32]));
        Graph body = new Graph("body");
        body.addInput(ValueInfo.tensor("s", DataType.FLOAT, Shape.of(1, 4)));
        body.addInput(ValueInfo.tensor("x_t", DataType.FLOAT, Shape.of(1, 8)));
        body.addNode(new Node("proj", "proj", "MatMul", "", List.of("x_t", "w"), List.of("p")));
        body.addNode(new Node("acc", "acc", "Add", "", List.of("s", "p"), List.of("s_out")));
        body.addOutput(ValueInfo.tensor("s_out", DataType.FLOAT, Shape.of(1, 4)));
        Node n = new Node("scan", "scan", "Scan", "", List.of("s0", "xs"), List.of("s_final"));
        n.setAttribute(Attribute.of("body", body));
        n.setAttribute(Attribute.of("num_scan_inputs", 1L));
        g.addNode(n);
        g.addOutput(ValueInfo.tensor("s_final", DataType.FLOAT, Shape.of(1, 4)));
        BodyWork w = (BodyWork) OnnxWorkMapper.map(g).node(0).work();
        assertEquals("Scan: 5 steps (scan length from shapes)", w.label());
        assertEquals(5 * 32, w.macs());
        assertEquals(160, simulate(OnnxWorkMapper.map(g)).total().macs());
    }

    @Test
    void untypedBodyValuesAreInferredWithoutTouchingTheModel() throws Exception {
        Graph g = ifGraph(true);
        Graph then = new Graph("then");
        then.putInitializer(Tensor.ofFloats("then.w", new long[] {8, 4}, new float[32]));
        then.addNode(new Node("then.mm", "then.mm", "MatMul", "", List.of("x", "then.w"), List.of("mid")));  // 'mid' has no type
        then.addNode(new Node("then.relu", "then.relu", "Relu", "", List.of("mid"), List.of("then.y")));
        then.addOutput(ValueInfo.tensor("then.y", DataType.FLOAT, Shape.of(1, 4)));
        g.nodes().get(0).setAttribute(Attribute.of("then_branch", then));
        BodyWork w = (BodyWork) OnnxWorkMapper.map(g).node(0).work();
        assertEquals(32, w.macs(), "x[1x8] captured from outside, typed for the body's inference");
        assertEquals(2, w.body().size());
        assertTrue(then.valueInfos().isEmpty() && then.inputs().isEmpty(), "the model's body is left as it was");
    }

    @Test
    void aBodyWithAnUnknownShapeLeavesTheNodeNotCosted() throws Exception {
        Graph g = ifGraph(true);
        Graph then = g.nodes().get(0).attribute("then_branch").asGraph();
        // a node whose output nothing can type: its shape stays unknown
        then.addNode(new Node("odd", "odd", "NonZero", "", List.of("then.y"), List.of("nz")));
        then.addNode(new Node("use", "use", "Relu", "", List.of("nz"), List.of("nz2")));
        WorkGraph wg = OnnxWorkMapper.map(g);
        UnknownWork u = (UnknownWork) wg.node(0).work();
        assertEquals(Uncosted.UNKNOWN_SHAPE, u.kind());
        assertTrue(u.reason().startsWith("body node 'use' (Relu)"), u.reason());
        assertNull(simulate(wg).node("if").gemm());
        assertEquals(1, simulate(wg).total().uncosted());
    }
}
