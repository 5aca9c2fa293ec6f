package org.npustudio.npusim.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.onnx.ModelOpener;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.AssignmentEvaluator;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.EvaluationSet;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.PrecisionPlans;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.plan.yaml.PlanYamlWriter;
import org.npustudio.testdata.TestData;

class AutoPrecisionTest {
    static final java.nio.file.Path LENET = TestData.inCheckout("samples/models/lenet5.onnx");

    /** The preset that offers every default candidate (int4w8a, int8, fp16). */
    static final java.nio.file.Path MIXED = TestData.inCheckout("samples/npu/edge-npu-mixed.yaml");

    static NpuConfig npu(String preset) throws Exception {
        return DeviceConfigReader.readAny(TestData.inCheckout("samples/npu/" + preset + ".yaml"), new ArrayList<>()).npu();
    }

    static NpuConfig edge() throws Exception { return npu("edge-npu-8tops"); }

    static AutoPrecision.Outcome run(Model m, NpuConfig npu, List<Precision> candidates, Budget budget, Objective objective) throws Exception {
        return AutoPrecision.run(m, ModelRef.of(LENET), npu, new AutoPrecision.Request(QuantConfig.defaults(),
                SensitivityAnalysis.DEFAULT_PRECISIONS, candidates, budget, objective), SensitivityAnalysis.Progress.NONE, () -> false);
    }

    static AutoPrecision.Outcome run(Model m, List<Precision> candidates, Budget budget) throws Exception {
        return run(m, npu("edge-npu-mixed"), candidates, budget, Objective.LATENCY);
    }

    @Test
    void choiceMeetsTheBudgetByMeasuredSqnrAndIsNoSlowerThanAllFp16() throws Exception {
        Model m = ModelOpener.open(LENET);
        AutoPrecision.Outcome out = run(m, AutoPrecision.DEFAULT_CANDIDATES, Budget.sqnrDb(35));
        PrecisionChoice c = out.choice();
        System.out.println(c.message());
        assertTrue(c.met(), c.message());
        // Measured again from scratch (a new fp32 session, a fresh quantization), not taken from the search.
        AssignmentEvaluator fresh = new AssignmentEvaluator(m, QuantConfig.defaults(),
                EvaluationSet.of(m, SensitivityAnalysis.evaluationInputs(m, QuantConfig.defaults())));
        double measured = fresh.evaluate(c.chosen()).sqnrDb();
        assertTrue(measured >= 35, "re-measured " + measured);
        double fp16 = point(c, "all fp16").cost(), int8 = point(c, "all int8").cost();
        assertTrue(c.cost() <= fp16, c.cost() + " vs all fp16 " + fp16);
        assertTrue(c.cost() < fp16, "LeNet has layers that can leave fp16 at 35 dB");
        assertTrue(point(c, "all int8").accuracy().sqnrDb() < 35, "all int8 misses 35 dB on LeNet, so the choice keeps some fp16");
        assertTrue(c.cost() >= int8);
        assertEquals(5, c.chosen().size());
        assertEquals(1, c.points().stream().filter(PrecisionChoice.Point::chosen).count());

        // The plan, per node: LeNet runs wholly on the NPU, so one partition at the most common precision, the
        // other layers listed; every layer at its chosen precision once read back.
        var back = PlanYaml.parse(PlanYamlWriter.write(out.plan()), "plan", null).plan();
        assertEquals(1, back.partitions().size());
        Partition npu = back.partitions().get(0);
        Set<String> seen = new HashSet<>();
        for (var n : npu.nodes()) assertTrue(seen.add(n.id()), n.id() + " twice");
        assertEquals(m.graph().nodes().size(), seen.size());
        Map<String, Precision> resolved = org.npustudio.plan.PlanPrecisions.chosen(back, m.graph());
        for (var e : c.chosen().entrySet()) assertEquals(e.getValue(), resolved.get(e.getKey()), e.getKey());
        long atPartition = resolved.values().stream().filter(p -> p.key().equals(npu.precision())).count();
        for (Precision p : Precision.values()) {
            assertTrue(resolved.values().stream().filter(p::equals).count() <= atPartition, "the partition's precision is the most common");
        }
        assertTrue(out.warnings().isEmpty(), "edge-npu-mixed offers every candidate: " + out.warnings());
    }

    @Test
    void reportedCostIsWhatSimulatePlanPrintsForTheWrittenPlan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Model m = ModelOpener.open(LENET);
        for (Objective objective : Objective.values()) {
            AutoPrecision.Outcome out = run(m, npu("edge-npu-mixed"), AutoPrecision.DEFAULT_CANDIDATES, Budget.sqnrDb(35), objective);
            PrecisionChoice c = out.choice();
            java.nio.file.Path plan = dir.resolve(objective.key() + ".yaml");
            PlanYaml.write(out.plan(), plan);
            var sim = org.npustudio.npusim.cli.SimulateCommandCore.simulate(new org.npustudio.npusim.cli.SimulateOptions(LENET, MIXED, plan,
                    null, null, null));
            assertEquals(objective.of(sim.total()), c.cost(), 1e-9 * c.cost(), objective + ": " + c.message());
            assertTrue(sim.warnings().stream().noneMatch(w -> w.contains("precision") || w.contains("offer")), sim.warnings().toString());
            // Every measured point is costed the same way: all fp16 is the uniform fp16 simulation.
            var fp16 = new org.npustudio.npusim.sim.Simulator(org.npustudio.npusim.sim.SimulationService.workGraph(m.graph(), "lenet5", Map.of()), org.npustudio.npusim.sim.DeviceSet.of(
                    org.npustudio.npusim.config.Device.of(npu("edge-npu-mixed"))), Precision.FP16).simulate(
                    org.npustudio.npusim.sim.DeviceAssignment.allOn("edge-npu-mixed"), org.npustudio.npusim.fusion.FusionMode.NONE,
                    org.npustudio.npusim.fusion.FusionPlan.NONE);
            assertEquals(objective.of(fp16.total()), point(c, "all fp16").cost(), 1e-9 * objective.of(fp16.total()), objective.key());
        }
    }

    @Test
    void candidatesTheNpuDoesNotOfferAreLeftOutWithAWarning() throws Exception {
        Model m = ModelOpener.open(LENET);
        AutoPrecision.Outcome out = run(m, edge(), AutoPrecision.DEFAULT_CANDIDATES, Budget.sqnrDb(20), Objective.LATENCY);
        assertTrue(out.warnings().contains("NPU 'edge-npu-8tops' does not offer fp16 (it offers int8, int4, int4w8a): not a candidate"),
                out.warnings().toString());
        for (PrecisionChoice.Point p : out.choice().points()) assertFalse(p.assignment().containsValue(Precision.FP16), p.label());
        // edge-npu-8tops has no Tanh: each of the four Tanh nodes is a partition on the CPU device, between five NPU partitions.
        assertEquals(List.of("npu0", "cpu0", "npu1", "cpu1", "npu2", "cpu2", "npu3", "cpu3", "npu4"),
                out.plan().partitions().stream().map(Partition::name).toList());
        assertEquals(PrecisionPlans.CPU, out.plan().partitions().get(1).device());
        var sim = org.npustudio.npusim.sim.SimulationService.simulate(m.graph(), edge(), out.plan(), null, org.npustudio.npusim.sim.SimulationService.Options.DEFAULT);
        assertTrue(sim.warnings().isEmpty(), sim.warnings().toString());
        assertEquals(out.choice().cost(), sim.total().makespanSeconds(), 1e-9 * out.choice().cost());
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.npustudio.error.StudioException.class,
                () -> run(m, npu("tpu-v1-like"), List.of(Precision.FP16, Precision.INT4_W8A), Budget.sqnrDb(20), Objective.LATENCY));
        assertTrue(e.getMessage().contains("offers none of [fp16, int4w8a]"), e.getMessage());
    }

    @Test
    void unreachableBudgetSaysTheBestReachableFigure() throws Exception {
        Model m = ModelOpener.open(LENET);
        PrecisionChoice c = run(m, List.of(Precision.INT4_W8A, Precision.INT8), Budget.sqnrDb(60)).choice();
        assertFalse(c.met());
        double best = point(c, "all int8").accuracy().sqnrDb();
        for (PrecisionChoice.Point p : c.points()) assertTrue(p.accuracy().sqnrDb() <= best + 1e-9, p.label());
        assertEquals(String.format(java.util.Locale.ROOT, "budget output SQNR >= 60.0 dB is not reachable with [int4w8a, int8]: the best measured is %.1f dB (all int8)", best),
                c.message());
    }

    @Test
    void costEstimateOfUniformAssignmentsIsTheUniformSimulation() throws Exception {
        Model m = ModelOpener.open(LENET);
        List<String> layers = AssignmentEvaluator.quantizableLayers(m, QuantConfig.defaults());
        var graph = org.npustudio.npusim.sim.SimulationService.workGraph(m.graph(), "lenet5", Map.of());
        UniformPrecisionCosts costs = new UniformPrecisionCosts(graph, edge(), List.of(Precision.INT8, Precision.INT4_W8A), Precision.INT8, Objective.DRAM);
        double int8 = costs.cost(SensitivityAnalysis.uniform(layers, Precision.INT8)), int4 = costs.cost(SensitivityAnalysis.uniform(layers, Precision.INT4_W8A));
        var sim = new org.npustudio.npusim.sim.Simulator(graph, org.npustudio.npusim.sim.DeviceSet.of(org.npustudio.npusim.config.Device.of(edge())), Precision.INT4_W8A)
                .simulate(org.npustudio.npusim.sim.DeviceAssignment.allOn(edge().name()), org.npustudio.npusim.fusion.FusionMode.NONE,
                        org.npustudio.npusim.fusion.FusionPlan.NONE);
        assertEquals(sim.total().dramBytes(), int4, 1e-6 * int4, "all int4w8a costs what the int4w8a run says");
        assertTrue(int4 < int8, "int4 weights move fewer DRAM bytes: " + int4 + " vs " + int8);
        // One layer moved to int4w8a lands strictly between.
        Map<String, Precision> one = new java.util.HashMap<>(SensitivityAnalysis.uniform(layers, Precision.INT8));
        one.put(layers.get(2), Precision.INT4_W8A);
        double mixed = costs.cost(one);
        assertTrue(mixed < int8 && mixed > int4, mixed + " between " + int4 + " and " + int8);
        assertEquals(PrecisionPlans.effective(m.graph(), one, Precision.INT8).size(), m.graph().nodes().size());
    }

    static PrecisionChoice.Point point(PrecisionChoice c, String label) {
        return c.points().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }
}
