package org.npustudio.passes.quant;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.passes.ModelCopy;

/**
 * Activation ranges and per-channel input means measured once, for every layer the quantizer could
 * quantize, so that many quantizations of the same fp32 model (a sensitivity analysis, a precision search)
 * share one calibration run instead of paying one each. Valid for the model and the range settings
 * (method, percentile, calibration inputs, equalisation) it was measured with: the quantizer calibrates
 * in the fp32 model before inserting anything, so the figures are exactly those it would measure itself.
 */
public final class CalibratedRanges {
    private final Map<String, double[]> ranges;
    private final Map<String, double[]> means;
    private final String method;
    private final double percentile;
    private final String source;

    CalibratedRanges(Map<String, double[]> ranges, Map<String, double[]> means, String method, double percentile, String source) {
        this.ranges = Map.copyOf(ranges);
        this.means = Map.copyOf(means);
        this.method = method;
        this.percentile = percentile;
        this.source = source;
    }

    /**
     * One exposed fp32 run over {@code cfg}'s calibration set: the range of the input activation of every
     * quantizable layer (whatever precision {@code cfg} gives it) and, with bias correction, the means the
     * correction needs. With equalisation the run is on an equalised copy, as the quantizer would do.
     */
    public static CalibratedRanges measure(Model model, QuantConfig cfg) throws StudioException {
        Model m = model;
        if (cfg.options().equalize()) {
            m = ModelCopy.of(model);
            Equalizer.equalize(m, new QuantizationReport());
        }
        Graph g = m.graph();
        LinkedHashSet<String> activations = new LinkedHashSet<>(), means = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            if (!Quantizer.quantizable(List.of(g), n, cfg)) continue;
            activations.add(n.input(0));
            if (cfg.options().biasCorrection() && BiasCorrection.applies(g, n)) means.add(n.input(0));
        }
        CalibrationSet calib = Quantizer.calibrationSet(m, cfg);
        Quantizer.Calibration c = activations.isEmpty() ? Quantizer.Calibration.EMPTY
                : Quantizer.calibrate(m, activations, means, cfg, calib);
        return new CalibratedRanges(c.ranges(), c.means(), cfg.method(), cfg.percentile(), calib.source());
    }

    /** The calibration inputs' description (the report's calibration line). */
    public String source() { return source; }

    /** How many activation ranges were measured. */
    public int size() { return ranges.size(); }

    /** The range of activation {@code value}, or null when it was not measured. */
    public double[] range(String value) {
        double[] r = ranges.get(value);
        return r == null ? null : r.clone();
    }

    /** The stored figures as the quantizer's calibration, after checking they were measured the way {@code cfg} asks. */
    Quantizer.Calibration calibration(QuantConfig cfg) {
        if (!method.equals(cfg.method()) || (method.equals("percentile") && percentile != cfg.percentile())) {
            throw new IllegalArgumentException("quantize: ranges were calibrated with " + method + ", the configuration asks for " + cfg.method());
        }
        return new Quantizer.Calibration(new HashMap<>(ranges), new HashMap<>(means));
    }
}
