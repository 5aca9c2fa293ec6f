package org.npustudio.npusim.optimise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.sim.DeviceSet;
import org.npustudio.npusim.sim.SimulationPlan;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.npusim.sim.Simulator;
import org.npustudio.plan.DeviceKind;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.PlanValidator;
import org.npustudio.samples.NpuPresets;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.samples.SyntheticModels;
import org.npustudio.shape.ShapeInference;
import org.npustudio.yaml.SafeYaml;

class PlanOptimiserTest {
    private static final Device EDGE = edge();
    private static final List<org.npustudio.plan.Device> DEVICES = List.of(
            new org.npustudio.plan.Device("npu0", DeviceKind.NPU, "", 0, "", 0, EDGE.npu().supportedOps(), Set.of(), Set.of(), Set.of()),
            org.npustudio.plan.Device.of("cpu", DeviceKind.CPU, 0));

    private static Device edge() {
        try {
            return new DeviceConfigReader().read(SafeYaml.parse(NpuPresets.yaml("edge-npu-8tops"), "edge-npu-8tops.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlanOptimiser.Request request(Model m, Objective o) {
        return new PlanOptimiser.Request(m.graph(), ModelRef.UNKNOWN, DEVICES, "cpu", EDGE, null, o, null, null);
    }

    private static CoverProblem problem(Model m) throws StudioException {
        Plan empty = Plan.empty(ModelRef.UNKNOWN, DEVICES, "cpu");
        DeviceSet set = SimulationPlan.of(empty, EDGE, null, "test", new ArrayList<>()).devices();
        var work = SimulationService.workGraph(m.graph(), "test", Map.of());
        Device[] hw = {set.get("npu0"), set.get("cpu")};
        return new CoverProblem(m.graph(), work, new Simulator(work, set, null), HostCosts.SIMULATOR, Objective.LATENCY, DEVICES, hw, "cpu");
    }

    /** Every assignment of the order's positions to devices, cheapest model cost (the brute force the DP must match). */
    private static double bruteForce(CoverProblem p) {
        int m = p.positions();
        double best = Double.POSITIVE_INFINITY;
        for (long mask = 0; mask < (1L << m); mask++) {
            int[] dev = new int[m];
            boolean legal = true;
            for (int k = 0; k < m && legal; k++) {
                dev[k] = (int) ((mask >> k) & 1);
                legal = !Double.isInfinite(p.cost[k][dev[k]]);
            }
            if (legal) best = Math.min(best, p.costOf(dev));
        }
        return best;
    }

    /** x -> op0 -> op1 -> ... on a 1x8x16x16 map: a plain chain whose ops alternate between what the edge NPU runs and what it lacks. */
    private static Model chain(List<String> ops) {
        Graph g = new Graph("chain");
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        String cur = "x";
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i);
            String out = i == ops.size() - 1 ? "y" : "v" + i;
            List<String> in = new ArrayList<>(List.of(cur));
            if (op.equals("Conv")) {
                g.putInitializer(Tensor.ofFloats("w" + i, new long[] {8, 8, 3, 3}, new float[8 * 8 * 9]));
                in.add("w" + i);
            }
            Node n = new Node("n" + i, "n" + i, op, "", in, List.of(out));
            if (op.equals("Conv")) n.setAttribute(org.npustudio.ir.Attribute.of("pads", 1L, 1L, 1L, 1L));
            g.addNode(n);
            cur = out;
        }
        g.addOutput(ValueInfo.tensor("y", DataType.FLOAT, null));
        ShapeInference.infer(m);
        return m;
    }

    @Test
    void theCoverIsTheOptimumOfEveryAssignmentOnChains() throws Exception {
        List<List<String>> chains = List.of(
                List.of("Conv", "Identity", "Relu", "Conv", "Erf", "Relu", "Tanh", "Conv", "Relu", "Identity", "Conv", "Relu"),
                List.of("Relu", "Tanh", "Relu", "Tanh", "Relu", "Tanh", "Relu", "Tanh", "Relu", "Tanh"),
                List.of("Conv", "Conv", "Conv", "Erf", "Conv", "Conv", "Conv", "Conv", "Erf", "Erf", "Conv"));
        for (List<String> ops : chains) {
            CoverProblem p = problem(chain(ops));
            CoverDp.Result r = CoverDp.solve(p, null);
            assertTrue(r.exact(), "a chain keeps a frontier of one node");
            assertEquals(bruteForce(p), r.cost(), 1e-15, ops.toString());
            assertEquals(r.cost(), p.costOf(r.device()), 1e-15, "the reported cost is that of the returned cover");
        }
    }

    @Test
    void aChainOfResidualBlocksIsSolvedExactly() throws Exception {
        // 3 blocks of Conv, BN, Relu, Identity (not on the edge NPU), Add with a skip: 15 positions, 32,768 assignments.
        CoverProblem p = problem(SyntheticModels.residualChain(3));
        CoverDp.Result r = CoverDp.solve(p, null);
        assertTrue(r.exact());
        assertEquals(bruteForce(p), r.cost(), 1e-15);
    }

    /** Seeded random DAGs of 14 nodes on one 1x8x16x16 map: unary ops read any earlier value, Add reads two (skip connections). */
    private static Model randomDag(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        String[] unary = {"Relu", "Tanh", "Erf", "Identity", "Sigmoid", "Conv"};
        Graph g = new Graph("dag" + seed);
        Model m = new Model(g);
        m.setIrVersion(8);
        m.opsetImports().add(new OpsetId("", 17));
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        List<String> values = new ArrayList<>(List.of("x"));
        for (int i = 0; i < 14; i++) {
            String out = "v" + i;
            Node n;
            if (i > 1 && rnd.nextInt(3) == 0) {
                n = new Node("n" + i, "n" + i, "Add", "", List.of(values.get(values.size() - 1), values.get(rnd.nextInt(values.size() - 1))), List.of(out));
            } else {
                String op = unary[rnd.nextInt(unary.length)];
                List<String> in = new ArrayList<>(List.of(values.get(Math.max(0, values.size() - 1 - rnd.nextInt(3)))));
                if (op.equals("Conv")) {
                    g.putInitializer(Tensor.ofFloats("w" + i, new long[] {8, 8, 1, 1}, new float[64]));
                    in.add("w" + i);
                }
                n = new Node("n" + i, "n" + i, op, "", in, List.of(out));
            }
            g.addNode(n);
            values.add(out);
        }
        for (String v : values.subList(1, values.size())) {
            boolean read = g.nodes().stream().anyMatch(n -> n.inputs().contains(v));
            if (!read) g.addOutput(ValueInfo.tensor(v, DataType.FLOAT, null));
        }
        ShapeInference.infer(m);
        return m;
    }

    @Test
    void onRandomDagsTheCoverIsOptimalWheneverItSaysSoAndNeverBelowTheOptimum() throws Exception {
        int exact = 0;
        for (long seed = 1; seed <= 40; seed++) {
            CoverProblem p = problem(randomDag(seed));
            CoverDp.Result r = CoverDp.solve(p, null);
            double optimum = bruteForce(p);
            assertTrue(r.cost() >= optimum - 1e-15, "seed " + seed);
            assertEquals(r.cost(), p.costOf(r.device()), 1e-15, "seed " + seed);
            if (r.exact()) {
                exact++;
                assertEquals(optimum, r.cost(), 1e-15, "seed " + seed + " claims the optimum");
            }
        }
        assertTrue(exact >= 30, exact + " of 40 random DAGs solved exactly");
    }

    @Test
    void neverWorseThanCapabilityAndTheFigureIsWhatSimulateReports() throws Exception {
        for (Model m : List.of(SyntheticModels.residualChain(40), SampleLibrary.build("lenet5"), SampleLibrary.build("mlp"),
                SampleLibrary.build("transformer-encoder"))) {
            for (Objective o : Objective.values()) {
                Optimised r = PlanOptimiser.optimise(request(m, o), PlanOptimiser.Listener.NONE);
                String what = m.graph().name() + " " + o;
                assertTrue(r.cost() <= r.capabilityCost(), what);
                assertEquals(simulated(m, r.capabilityPlan(), o), r.capabilityCost(), 0, what);
                assertEquals(simulated(m, r.plan(), o), r.cost(), 0, what + ": simulate --plan reports the same figure");
                assertTrue(PlanValidator.validate(r.plan(), m.graph()).isLegal(), what + " " + PlanValidator.validate(r.plan(), m.graph()).issues());
            }
        }
    }

    @Test
    void aFragmentedModelGetsAtLeastTenPercentFasterAndSaysWhy() throws Exception {
        // Identity is not an edge-NPU op: capability splitting crosses the host link twice per block.
        Model m = SyntheticModels.residualChain(40);
        Optimised r = PlanOptimiser.optimise(request(m, Objective.LATENCY), PlanOptimiser.Listener.NONE);
        assertTrue(r.savingFraction() >= 0.10, r.table());
        assertFalse(r.choices().isEmpty());
        for (Choice c : r.choices()) assertTrue(c.saving() > -1e-12 || Double.isNaN(c.saving()), c.describe() + " " + c.saving());
        assertTrue(r.table().contains("capability plan"), r.table());
    }

    @Test
    void fusionGroupsAreConvexRunsOfOneNpuPartitionThatTheSimulatorKeepsFused() throws Exception {
        Model m = SampleLibrary.build("lenet5");
        Optimised r = PlanOptimiser.optimise(request(m, Objective.DRAM), PlanOptimiser.Listener.NONE);
        var groups = r.plan().partitions().stream().flatMap(p -> p.fusionGroups().stream()).toList();
        assertFalse(groups.isEmpty(), r.table());
        var res = SimulationService.simulate(m.graph(), EDGE.npu(), r.plan(), null, SimulationService.Options.DEFAULT);
        assertTrue(res.groups().stream().allMatch(g -> g.fused()), "every chosen group fits its SRAM");
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> g : groups) for (String id : g) assertTrue(seen.add(id), "a node in two groups: " + id);
    }

    @Test
    void energyNeedsTheCpusPowerAndSaysSoInOneLine() throws Exception {
        // Every NPU has an energy table (its file's or the documented defaults); a CPU without power cannot be priced.
        var cpu = new org.npustudio.npusim.config.CpuConfig("no-power", 100, 10, java.util.Map.of("default", 0.3), 0, 0);
        var set = new DeviceSet(List.of(EDGE, Device.of(cpu)));
        StudioException e = assertThrows(StudioException.class, () -> PlanOptimiser.requireEvaluable(Objective.ENERGY, set));
        assertTrue(e.oneLine().contains("no energy figures"), e.oneLine());
        assertFalse(e.oneLine().contains("\n"));
    }

    @Test
    void cancellingStopsTheRun() {
        var cancel = new PlanOptimiser.Listener() {
            @Override public void progress(String phase, double fraction) {}

            @Override public boolean cancelled() { return true; }
        };
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> PlanOptimiser.optimise(request(SyntheticModels.residualChain(10), Objective.LATENCY), cancel));
    }

    private static double simulated(Model m, Plan plan, Objective o) throws StudioException {
        var res = SimulationService.simulate(m.graph(), EDGE.npu(), plan, null, SimulationService.Options.DEFAULT);
        return switch (o) {
            case LATENCY -> res.total().makespanSeconds();
            case DRAM -> res.total().dramBytes();
            case ENERGY -> res.total().energyPj();
        };
    }
}
