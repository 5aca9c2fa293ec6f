package org.npustudio.passes.quant.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.npustudio.error.StudioException;
import org.npustudio.plan.Precision;

/**
 * Automatic mixed precision: each layer's precision among the candidates so that the cost is minimal and the
 * measured accuracy meets the budget.
 *
 * <ol>
 * <li>Start with every layer at the most accurate candidate (most bits).</li>
 * <li>Greedy path: repeatedly move the one layer to a cheaper precision with the best cost saving per unit
 *     of predicted noise, until no move saves anything. Predicted noise adds the layers' single-layer noise
 *     powers (10^(-dB/10)), which is the usual first-order model; it is only a guide.</li>
 * <li>Verify: sensitivities are not additive, so the path is measured for real (quantize, run): the step the
 *     prediction picks first, then a binary search along the path for the furthest step whose measured
 *     accuracy meets the budget.</li>
 * <li>Choose the cheapest of every measured assignment that meets the budget (the uniform ones included, so
 *     the choice is never costlier than a uniform precision that meets it).</li>
 * </ol>
 */
public final class PrecisionSearch {
    private final SensitivityResult sens;
    private final AssignmentEvaluator evaluator;
    private final PrecisionCostModel costs;
    private PrecisionCostModel guide;
    private final List<Precision> candidates;
    private final Map<String, Map<Precision, Double>> noise = new HashMap<>();

    public PrecisionSearch(SensitivityResult sens, AssignmentEvaluator evaluator, PrecisionCostModel costs, List<Precision> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidate precisions");
        this.sens = sens;
        this.evaluator = evaluator;
        this.costs = costs;
        this.guide = costs;
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The cost model that ranks the greedy path's moves (default: the one that costs the measured points). A
     * cheaper estimate can stand in there; every measured point, and so the choice, is still costed by the
     * model given to the constructor.
     */
    public PrecisionSearch guidedBy(PrecisionCostModel g) {
        this.guide = g;
        return this;
    }

    public PrecisionChoice choose(Budget budget, SensitivityAnalysis.Progress progress, BooleanSupplier cancelled) throws StudioException {
        List<String> layers = sens.layers().stream().map(SensitivityResult.Layer::id).toList();
        measureMissingSensitivities(layers, progress, cancelled);
        Precision start = start(candidates);
        List<Map<String, Precision>> path = greedyPath(layers, start, progress, cancelled);

        List<PrecisionChoice.Point> measured = new ArrayList<>();
        for (Precision p : candidates) {
            check(cancelled);
            Map<String, Precision> a = SensitivityAnalysis.uniform(layers, p);
            measured.add(point("all " + p.key(), PrecisionChoice.Kind.UNIFORM, a));
            progress.update(measured.size(), candidates.size(), "all layers " + p.key());
        }
        // Binary search along the path; step 0 is the uniform start, measured above.
        Map<Integer, Accuracy> at = new HashMap<>();
        at.put(0, evaluator.evaluate(path.get(0)));
        int lo = 0, hi = path.size() - 1;
        if (budget.met(at.get(0))) {
            int guess = budget.kind() == Budget.Kind.SQNR_DB ? lastPredictedWithin(path, budget.value()) : (lo + hi + 1) / 2;
            while (lo < hi) {
                check(cancelled);
                int mid = guess > lo && guess <= hi ? guess : (lo + hi + 1) / 2;
                guess = -1;
                Accuracy a = evaluator.evaluate(path.get(mid));
                at.put(mid, a);
                progress.update(at.size(), at.size() + (int) Math.ceil(Math.log(Math.max(2, hi - lo)) / Math.log(2)), "greedy step " + mid);
                if (budget.met(a)) lo = mid;
                else hi = mid - 1;
            }
        }
        for (Map.Entry<Integer, Accuracy> e : new java.util.TreeMap<>(at).entrySet()) {
            Map<String, Precision> a = path.get(e.getKey());
            if (measured.stream().anyMatch(p -> p.assignment().equals(a))) continue; // a uniform one, already a point
            measured.add(point("step " + e.getKey() + " of " + (path.size() - 1), PrecisionChoice.Kind.STEP, path.get(e.getKey())));
        }
        return decide(budget, measured, start);
    }

    private PrecisionChoice decide(Budget budget, List<PrecisionChoice.Point> measured, Precision start) {
        PrecisionChoice.Point best = null;
        for (PrecisionChoice.Point p : measured) {
            if (budget.met(p.accuracy()) && (best == null || p.cost() < best.cost())) best = p;
        }
        boolean met = best != null;
        if (!met) {
            for (PrecisionChoice.Point p : measured) {
                if (best == null || budget.figure(p.accuracy()) > budget.figure(best.accuracy())) best = p;
            }
        }
        List<PrecisionChoice.Point> points = new ArrayList<>();
        for (PrecisionChoice.Point p : measured) {
            points.add(new PrecisionChoice.Point(p.label(), p.kind(), p.assignment(), p.accuracy(), p.cost(), p == best));
        }
        String message = met
                ? String.format(Locale.ROOT, "chosen %s (%s): %s, output SQNR %s, top-1 agreement %.1f%%; %s %s",
                        best.label(), PrecisionChoice.counts(best.assignment()), budget.text(), best.accuracy().sqnrText(),
                        100 * best.accuracy().top1Agreement(), costs.quantity(), costs.format(best.cost()))
                : String.format(Locale.ROOT, "budget %s is not reachable with %s: the best measured is %s (%s)", budget.text(),
                        candidates.stream().map(Precision::key).toList(), budget.figureText(best.accuracy()), best.label());
        return new PrecisionChoice(budget, costs.quantity(), best.assignment(), best.accuracy(), best.cost(), met, points, message);
    }

    private PrecisionChoice.Point point(String label, PrecisionChoice.Kind kind, Map<String, Precision> a) throws StudioException {
        return new PrecisionChoice.Point(label, kind, a, evaluator.evaluate(a), costs.cost(a), false);
    }

    /** Single-layer noise of candidates the sensitivity analysis did not cover (e.g. fp16), measured now. */
    private void measureMissingSensitivities(List<String> layers, SensitivityAnalysis.Progress progress, BooleanSupplier cancelled)
            throws StudioException {
        List<Precision> missing = candidates.stream().filter(p -> !sens.precisions().contains(p)).toList();
        int total = missing.size() * layers.size(), done = 0;
        for (String id : layers) {
            Map<Precision, Double> n = noise.computeIfAbsent(id, k -> new HashMap<>());
            for (Precision p : candidates) {
                double db;
                if (sens.precisions().contains(p)) {
                    db = sens.db(id, p);
                } else {
                    check(cancelled);
                    db = p == Precision.FP32 ? Double.POSITIVE_INFINITY : evaluator.evaluate(Map.of(id, p)).sqnrDb();
                    progress.update(++done, total, id + " " + p.key());
                }
                n.put(p, Double.isNaN(db) ? 1.0 : Math.pow(10, -db / 10));
            }
        }
    }

    /** The most accurate candidate (most weight plus activation bits): where the search starts, and the precision of unlisted nodes. */
    public static Precision start(List<Precision> candidates) {
        return candidates.stream().max(Comparator.comparingInt((Precision p) -> p.weightBits() + p.activationBits())).orElseThrow();
    }

    /** The greedy path from every layer at {@code start} to where no move saves cost; each entry one move on. */
    List<Map<String, Precision>> greedyPath(List<String> layers, Precision start, SensitivityAnalysis.Progress progress, BooleanSupplier cancelled) {
        Map<String, Precision> a = new LinkedHashMap<>(SensitivityAnalysis.uniform(layers, start));
        List<Map<String, Precision>> path = new ArrayList<>();
        path.add(Map.copyOf(a));
        double cost = guide.cost(a);
        for (int guard = layers.size() * candidates.size() * 2; guard > 0; guard--) {
            String bestLayer = null;
            Precision bestTo = null;
            double bestScore = 0, bestCost = cost;
            for (String id : layers) {
                Precision from = a.get(id);
                for (Precision to : candidates) {
                    if (to == from) continue;
                    a.put(id, to);
                    double c = guide.cost(a);
                    a.put(id, from);
                    double saving = cost - c;
                    if (saving <= cost * 1e-12) continue;
                    double added = noise.get(id).get(to) - noise.get(id).get(from);
                    // A move that adds no noise comes first (biggest saving first); then saving per added noise.
                    double score = added <= 0 ? Double.MAX_VALUE / 2 + saving / (Math.abs(cost) + 1) : saving / added;
                    if (score > bestScore) {
                        bestScore = score;
                        bestLayer = id;
                        bestTo = to;
                        bestCost = c;
                    }
                }
            }
            if (bestLayer == null) break;
            check(cancelled);
            progress.update(path.size(), path.size() + 1, "greedy path: " + bestLayer + " to " + bestTo.key());
            a.put(bestLayer, bestTo);
            cost = bestCost;
            path.add(Map.copyOf(a));
        }
        return path;
    }

    /** Predicted output SQNR of an assignment: the layers' noise powers added. */
    double predictedDb(Map<String, Precision> a) {
        double n = 0;
        for (Map.Entry<String, Precision> e : a.entrySet()) n += noise.get(e.getKey()).getOrDefault(e.getValue(), 0.0);
        return n == 0 ? Double.POSITIVE_INFINITY : -10 * Math.log10(n);
    }

    private int lastPredictedWithin(List<Map<String, Precision>> path, double db) {
        int k = 0;
        for (int i = 0; i < path.size(); i++) if (predictedDb(path.get(i)) >= db) k = i;
        return k;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException("precision search cancelled");
    }
}
