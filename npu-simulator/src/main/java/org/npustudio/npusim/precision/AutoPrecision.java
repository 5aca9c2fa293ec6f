package org.npustudio.npusim.precision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.AssignmentEvaluator;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.EvaluationSet;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.PrecisionSearch;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.Precision;

/**
 * Sensitivity analysis and, given a budget, the automatic precision choice, as one headless call: what
 * {@code npustudio sensitivity} and the IDE run (and what {@code npustudio quantize --budget-sqnr} can call).
 * One fp32 session and one cache of measured assignments serve both steps.
 */
public final class AutoPrecision {
    /** Candidates of the automatic choice when none are given. */
    public static final List<Precision> DEFAULT_CANDIDATES = List.of(Precision.INT4_W8A, Precision.INT8, Precision.FP16);

    /**
     * Up to this many moves per greedy step (layers × candidates) the exact model ranks the moves too; above it
     * the additive uniform estimate does (the greedy path costs about layers² × candidates simulations: PP-OCR
     * cls, 54 × 3, takes 11,451 exact simulations, 8–20 s, against 10 with the estimate). Measured points, and
     * so the choice and its reported cost, are always exact. docs/quantization-sensitivity.md, "Cost model".
     */
    public static final int EXACT_GREEDY_MOVES = 200;

    /**
     * @param analysed   precisions of the sensitivity analysis
     * @param candidates precisions the choice picks among (ignored without a budget)
     * @param budget     null: sensitivity only
     */
    public record Request(QuantConfig config, List<Precision> analysed, List<Precision> candidates, Budget budget, Objective objective) {}

    /** The analysis, the choice (null without a budget) with its plan, and warnings: candidates left out, the chosen plan's simulation. */
    public record Outcome(SensitivityResult sensitivity, PrecisionChoice choice, Plan plan, List<String> warnings) {}

    private AutoPrecision() {}

    /**
     * The candidates the NPU offers, in the given order; each one it does not offer is left out with a warning
     * (the simulator would run it at the NPU's default, so choosing it would promise what the NPU cannot do).
     */
    public static List<Precision> offered(NpuConfig npu, List<Precision> candidates, List<String> warnings) throws StudioException {
        List<Precision> out = new ArrayList<>();
        for (Precision p : new LinkedHashSet<>(candidates)) {
            if (npu.supports(p)) out.add(p);
            else warnings.add("NPU '" + npu.name() + "' does not offer " + p.key() + " (it offers "
                    + String.join(", ", npu.precisions().stream().map(Precision::key).toList()) + "): not a candidate");
        }
        if (out.isEmpty()) {
            throw new StudioException("sensitivity", "candidates", "NPU '" + npu.name() + "' offers none of "
                    + candidates.stream().map(Precision::key).toList() + "; it offers " + npu.precisions().stream().map(Precision::key).toList());
        }
        return out;
    }

    /** {@code opened}: read, validated, shapes inferred ({@code ModelOpener.open}); {@code npu} is needed only with a budget. */
    public static Outcome run(Model model, ModelRef ref, NpuConfig npu, Request r, SensitivityAnalysis.Progress progress,
                              BooleanSupplier cancelled) throws StudioException {
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        List<Precision> candidates = null;
        Precision start = null;
        SimulatedPrecisionCosts costs = null;
        if (r.budget() != null) {
            // Before the (long) analysis: a budget needs costs, and uncosted nodes would make every assignment cost the same.
            if (npu == null) throw new StudioException("sensitivity", "", "a budget needs an NPU to cost the precisions (--npu NPU.yaml)");
            candidates = offered(npu, r.candidates(), warnings);
            start = PrecisionSearch.start(candidates);
            costs = new SimulatedPrecisionCosts(model.graph(), ref, npu, start, r.objective());
            var startRun = costs.simulate(Map.of(), new ArrayList<>()).total();
            if (!startRun.complete()) {
                throw new StudioException(model.displayName(), "", "cannot cost the precisions: " + startRun.uncostedSummary()
                        + "; give the input shapes (--input-shape NAME=DIMS)");
            }
        }
        Model opened = AssignmentEvaluator.quantizable(model);
        AssignmentEvaluator evaluator = new AssignmentEvaluator(opened, r.config(),
                EvaluationSet.of(opened, SensitivityAnalysis.evaluationInputs(opened, r.config())));
        // The candidates the choice needs single-layer figures for are analysed too (fp16 among them costs one run per layer).
        List<Precision> analysed = new ArrayList<>(new LinkedHashSet<>(r.analysed()));
        SensitivityResult sens = SensitivityAnalysis.run(opened, evaluator, analysed, progress, cancelled, t0);
        if (r.budget() == null) return new Outcome(sens, null, null, List.of());
        PrecisionSearch search = new PrecisionSearch(sens, evaluator, costs, candidates);
        if (sens.layers().size() * candidates.size() > EXACT_GREEDY_MOVES) {
            search.guidedBy(new UniformPrecisionCosts(SimulationService.workGraph(model.graph(), model.displayName(), Map.of()), npu, candidates,
                    start, r.objective()));
        }
        PrecisionChoice choice = search.choose(r.budget(), progress, cancelled);
        Plan plan = costs.plan(choice.chosen());
        costs.simulate(choice.chosen(), warnings);
        return new Outcome(sens, choice, plan, List.copyOf(new LinkedHashSet<>(warnings)));
    }
}
