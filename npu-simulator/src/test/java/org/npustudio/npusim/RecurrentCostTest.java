package org.npustudio.npusim;

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
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.NodeResult;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.RecurrentWork;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.plan.Precision;

/** LSTM, GRU and RNN: MACs, vector work and DRAM bytes computed by hand (seq 5, batch 2, input 8, hidden 16). */
class RecurrentCostTest {
    private static final long SEQ = 5, BATCH = 2, IN = 8, HIDDEN = 16;

    /** An X -> op -> Y graph with weights for {@code gates} gates and {@code dirs} directions. */
    static Graph recurrent(String op, int gates, int dirs) {
        Graph g = new Graph(op.toLowerCase());
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(SEQ, BATCH, IN)));
        g.putInitializer(Tensor.ofFloats("w", new long[] {dirs, gates * HIDDEN, IN}, new float[(int) (dirs * gates * HIDDEN * IN)]));
        g.putInitializer(Tensor.ofFloats("r", new long[] {dirs, gates * HIDDEN, HIDDEN}, new float[(int) (dirs * gates * HIDDEN * HIDDEN)]));
        Node n = new Node("rnn", "rnn", op, "", List.of("x", "w", "r"), List.of("y"));
        n.setAttribute(Attribute.of("hidden_size", HIDDEN));
        if (dirs == 2) n.setAttribute(Attribute.of("direction", "bidirectional"));
        g.addNode(n);
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, Shape.of(SEQ, dirs, BATCH, HIDDEN)));
        return g;
    }

    private static RecurrentWork work(String op, int gates, int dirs) {
        WorkGraph g = OnnxWorkMapper.map(recurrent(op, gates, dirs));
        assertTrue(g.warnings().isEmpty(), g.warnings().toString());
        return (RecurrentWork) g.node(0).work();
    }

    @Test
    void lstmIsAnInputProjectionPlusOneRecurrentGemmPerStep() {
        RecurrentWork w = work("LSTM", 4, 1);
        // input projection: (5*2) x 64 x 8 = 5,120; recurrent: 5 steps of 2 x 64 x 16 = 5 x 2,048 = 10,240
        assertEquals(new GemmShape(10, 64, 8), w.input());
        assertEquals(new GemmShape(2, 64, 16), w.recurrent());
        assertEquals(5, w.steps());
        assertEquals(15_360, w.macs());
        assertEquals(5 * 2 * 16 * 13, w.vectorElements());
        assertEquals(30_720, work("LSTM", 4, 2).macs(), "bidirectional: both directions");
    }

    @Test
    void gruAndRnnHaveThreeAndOneGates() {
        // GRU: 10 x 48 x 8 = 3,840 + 5 x (2 x 48 x 16 = 1,536) = 7,680 -> 11,520
        assertEquals(11_520, work("GRU", 3, 1).macs());
        assertEquals(5 * 2 * 16 * 10, work("GRU", 3, 1).vectorElements());
        // RNN: 10 x 16 x 8 = 1,280 + 5 x (2 x 16 x 16 = 512) = 2,560 -> 3,840
        assertEquals(3_840, work("RNN", 1, 1).macs());
        assertEquals(5 * 2 * 16 * 2, work("RNN", 1, 1).vectorElements());
    }

    private static NodeResult simulate(long filterBytes) throws Exception {
        NpuConfig npu = TestGraphs.npu("npu", 8, 8, Dataflow.OS, new SramConfig(false, 1 << 20, filterBytes, 1 << 20, 0), Precision.INT8, 10);
        Simulator s = new Simulator(OnnxWorkMapper.map(recurrent("LSTM", 4, 1)), DeviceSet.of(Device.of(npu)), null);
        return s.simulate(DeviceAssignment.allOn("npu"), FusionMode.NONE, FusionPlan.NONE).node("rnn");
    }

    @Test
    void weightsAreReadOnceWhenTheyFitAndPerStepOtherwise() throws Exception {
        NodeResult fits = simulate(1 << 20);
        assertTrue(fits.costed() && fits.onNpu());
        assertEquals(15_360, fits.macs());
        // int8: X 80 B + W 512 B + R 1,024 B read once; Y 160 B written once
        assertEquals(80 + 512 + 1024, fits.readBytes(), 1e-9);
        assertEquals(160, fits.writeBytes(), 1e-9);
        // a 512 B weight buffer holds W but not R: R crosses DRAM on every one of the 5 steps
        NodeResult tight = simulate(512);
        assertEquals(80 + 512 + 5 * 1024, tight.readBytes(), 1e-9);
        assertTrue(tight.latencySeconds() > fits.latencySeconds());
        assertTrue(fits.cycles() > 5 * 2, "the recurrent GEMMs are serial: at least one array pass per step");
    }
}
