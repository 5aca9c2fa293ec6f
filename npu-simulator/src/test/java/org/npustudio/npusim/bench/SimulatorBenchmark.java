package org.npustudio.npusim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.npusim.fusion.FusionPlan;
import org.npustudio.npusim.mapping.OnnxWorkMapper;
import org.npustudio.npusim.sim.DeviceAssignment;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.samples.SampleLibrary;

/**
 * Speed of the simulator (not a surefire test). Run from the repository root:
 * {@code java -cp <test classpath> org.npustudio.npusim.bench.SimulatorBenchmark}. Prints the median
 * of repeated warm runs: ResNet-50 whole model, a synthetic 10k-node graph, and incremental
 * re-simulation after moving one node to the CPU.
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {}

    interface Body { void run() throws Exception; }

    public static void main(String[] args) throws Exception {
        Path presets = Path.of(args.length > 0 ? args[0] : "samples/npu");
        Device npu = new DeviceConfigReader().read(presets.resolve("edge-npu-8tops.yaml"));
        Device cpu = new DeviceConfigReader().read(presets.resolve("host-cpu.yaml"));
        DeviceSet devices = DeviceSet.of(npu, cpu);
        DeviceAssignment onNpu = DeviceAssignment.allOn(npu.name());

        Graph resnet = SampleLibrary.build("resnet50").graph();
        WorkGraph rw = OnnxWorkMapper.map(resnet);
        report("ResNet-50 ONNX -> work mapping (" + rw.size() + " nodes)", () -> OnnxWorkMapper.map(resnet));
        report("ResNet-50 whole-model simulation, fresh cost cache, auto fusion", () ->
                new Simulator(rw, devices, null).simulate(onNpu, FusionMode.AUTO, FusionPlan.NONE));
        Simulator inc = new Simulator(rw, devices, null);
        inc.simulate(onNpu, FusionMode.AUTO, FusionPlan.NONE);
        String moved = rw.node(rw.size() / 2).id();
        int[] flip = {0};
        report("ResNet-50 incremental re-simulation after moving one node", () ->
                inc.simulate(flip[0]++ % 2 == 0 ? onNpu.with(moved, cpu.name()) : onNpu, FusionMode.AUTO, FusionPlan.NONE));

        Graph big = synthetic(10_000);
        WorkGraph bw = OnnxWorkMapper.map(big);
        report("synthetic ONNX -> work mapping (" + bw.size() + " nodes)", () -> OnnxWorkMapper.map(big));
        report("synthetic " + bw.size() + "-node simulation, fresh cost cache, auto fusion", () ->
                new Simulator(bw, devices, null).simulate(onNpu, FusionMode.AUTO, FusionPlan.NONE));
        Simulator bigInc = new Simulator(bw, devices, null);
        bigInc.simulate(onNpu, FusionMode.AUTO, FusionPlan.NONE);
        String bigMoved = bw.node(bw.size() / 2).id();
        report("synthetic " + bw.size() + "-node incremental re-simulation after moving one node", () ->
                bigInc.simulate(flip[0]++ % 2 == 0 ? onNpu.with(bigMoved, cpu.name()) : onNpu, FusionMode.AUTO, FusionPlan.NONE));
    }

    /** Residual-style blocks of conv -> relu -> add over 1x32x28x28 maps, sharing one weight tensor. */
    static Graph synthetic(int nodes) {
        Graph g = new Graph("synthetic");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 32, 28, 28)));
        g.putInitializer(Tensor.ofFloats("w", new long[] {32, 32, 3, 3}, new float[32 * 32 * 9]));
        String x = "x";
        int k = 0;
        while (k + 3 <= nodes) {
            Node conv = new Node("conv" + k, "conv" + k, "Conv", "", List.of(x, "w"), List.of("c" + k));
            conv.setAttribute(Attribute.of("kernel_shape", 3L, 3L));
            conv.setAttribute(Attribute.of("pads", 1L, 1L, 1L, 1L));
            g.addNode(conv);
            g.addNode(new Node("relu" + k, "relu" + k, "Relu", "", List.of("c" + k), List.of("r" + k)));
            g.addNode(new Node("add" + k, "add" + k, "Add", "", List.of("r" + k, x), List.of("a" + k)));
            x = "a" + k;
            k += 3;
        }
        g.addOutput(ValueInfo.tensor(x, DataType.FLOAT, Shape.of(1, 32, 28, 28)));
        return g;
    }

    private static void report(String what, Body body) throws Exception {
        for (int i = 0; i < 30; i++) body.run();
        int n = 41;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-80s median %8.3f ms (min %.3f, max %.3f)%n", what, t[n / 2] / 1e6, t[0] / 1e6, t[n - 1] / 1e6);
    }
}
