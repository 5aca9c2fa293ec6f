package org.npustudio.passes.quant;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.passes.BasePass;
import org.npustudio.passes.ModelCopy;
import org.npustudio.passes.PassContext;
import org.npustudio.passes.PassException;
import org.npustudio.passes.PassInfo;
import org.npustudio.passes.PassOption;
import org.npustudio.passes.PassOptions;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.PassContract;
import org.npustudio.passes.opset.OpsetConverter;
import org.npustudio.plan.Precision;

/** Pipeline step for {@link Quantizer}; notes one line per layer with its SQNR against fp32. */
public final class QuantizePass extends BasePass {
    public static final PassInfo INFO = new PassInfo("quantize",
            "post-training int8 (and int4) quantization as QuantizeLinear/DequantizeLinear, calibrated with ONNX Runtime",
            List.of(PassOption.string("method", "minmax", "activation range: minmax, percentile, entropy or mse (least squared error)"),
                    PassOption.number("percentile", 99.99, "percentile for method percentile"),
                    PassOption.integer("samples", 8, "calibration runs on seeded random inputs"),
                    PassOption.integer("seed", 0, "seed of the random calibration inputs"),
                    PassOption.string("calibration-data", "", "folder of .npy/.pb input files (per input: a subfolder or NAME_k.npy) instead of random inputs"),
                    PassOption.strings("int4-layers", List.of(), "node ids or names whose weights become int4"),
                    PassOption.strings("ops", List.copyOf(QuantConfig.DEFAULT_OPS), "operators to quantize"),
                    PassOption.strings("input-values", List.of(), "NAME=V: an input that must hold one value to run (e.g. sr=16000)"),
                    PassOption.integer("group-size", 0, "int4 and int8 weights: 0 = per output channel, 32/64/128 = per block along K"),
                    PassOption.bool("bias-correction", false, "correct each layer's bias for the mean shift of weight quantization"),
                    PassOption.bool("equalize", false, "cross-layer equalisation of Conv -> Relu -> Conv pairs before quantizing"),
                    PassOption.bool("report-sqnr", true, "measure each layer's SQNR against fp32 (extra ONNX Runtime runs)")),
            QuantizePass::new);

    private QuantizationReport report;
    private QuantConfig override;
    private CalibrationSet evaluation;

    public QuantizePass(PassOptions o) {
        super(INFO.name(), o);
        if (!QuantConfig.METHODS.contains(o.string("method"))) {
            throw new IllegalArgumentException("quantize: method must be minmax, percentile, entropy or mse, not '" + o.string("method") + "'");
        }
        double p = o.number("percentile");
        if (p <= 50 || p > 100) throw new IllegalArgumentException("quantize: percentile must be in (50, 100], not " + p);
        if (o.integer("samples") < 1) throw new IllegalArgumentException("quantize: samples must be at least 1");
        new QuantOptions((int) o.integer("group-size"), false, false, null); // validates the group size
    }

    /** The report of the last run (null before). */
    public QuantizationReport report() { return report; }

    /**
     * Runs with {@code cfg} instead of the options (a caller such as {@code npustudio quantize} that has
     * calibration sets and per-layer precisions), evaluating on {@code eval} (null: held out from the
     * calibration set, or seeded random inputs).
     */
    public QuantizePass configure(QuantConfig cfg, CalibrationSet eval) {
        override = cfg;
        evaluation = eval;
        return this;
    }

    public QuantConfig config() {
        if (override != null) return override;
        PassOptions o = options();
        return new QuantConfig(o.string("method"), o.number("percentile"), (int) o.integer("samples"), o.integer("seed"),
                files(o.string("calibration-data")), int4(o.strings("int4-layers")), Precision.INT8, new LinkedHashSet<>(o.strings("ops")),
                inputValues(o.strings("input-values")), new QuantOptions((int) o.integer("group-size"), o.bool("bias-correction"),
                o.bool("equalize"), null));
    }

    /** The int4-layers option: int4 weights with int8 activations on each named layer. */
    private static Map<String, Precision> int4(List<String> layers) {
        Map<String, Precision> m = new java.util.LinkedHashMap<>();
        for (String l : layers) m.put(l, Precision.INT4_W8A);
        return m;
    }

    @Override
    public PassContract contract() { return PassContract.requires(PassContract.opsetAtLeast(OpsetConverter.OLDEST)); }

    @Override
    public boolean run(Model model, PassContext ctx) {
        String stage = "reading the calibration inputs";
        try {
            QuantConfig cfg = config();
            long opset = GraphEdits.opset(model);
            int rewritten = 0;
            if (opset < OpsetConverter.TARGET) {
                stage = "lifting opset " + opset + " to " + OpsetConverter.TARGET;
                rewritten = OpsetLift.liftChecked(model, cfg);
                ctx.note("lifted opset " + opset + " to " + OpsetConverter.TARGET + " for per-channel QDQ (" + rewritten + " nodes rewritten; outputs checked equal in ONNX Runtime)");
            }
            Model fp32 = ModelCopy.of(model);
            stage = "reading the calibration inputs";
            CalibrationSet eval = evaluation;
            CalibrationSet calib = Quantizer.calibrationSet(model, cfg);
            if (eval == null && !cfg.calibrationData().isEmpty() || eval == null && cfg.options().calibration() != null) {
                CalibrationSet[] split = calib.holdOut();
                calib = split[0];
                eval = split[1];
            } else if (eval == null) {
                eval = CalibrationSet.random(model, cfg, cfg.samples(), cfg.seed() + 1_000_003L);
            }
            stage = "calibrating in ONNX Runtime";
            report = Quantizer.quantize(model, cfg.withOptions(cfg.options().withCalibration(calib)));
            stage = "measuring SQNR in ONNX Runtime";
            if (options().bool("report-sqnr") && !report.layers().isEmpty()) Quantizer.evaluate(fp32, model, report, eval);
            for (QuantizationReport.Layer l : report.layers()) {
                ctx.note(String.format("%s %s %s%s: %s", l.opType(), l.nodeId(), l.precision(),
                        l.emulatedInt4() ? " (emulated in int8)" : "",
                        l.output().isEmpty() ? "weights only (inside an If/Loop/Scan body)" : String.format("SQNR %.1f dB", l.sqnrDb())));
            }
            if (!Double.isNaN(report.outputSqnrDb())) {
                ctx.note(String.format("model output SQNR %.1f dB%s", report.outputSqnrDb(), Double.isNaN(report.top1Agreement()) ? ""
                        : String.format(", top-1 agreement with fp32 %.1f%%", 100 * report.top1Agreement())));
            }
            ctx.note("calibrated on " + report.calibrationSource() + (report.evaluationSource().isEmpty() ? "" : "; evaluated on " + report.evaluationSource()));
            if (report.layers().isEmpty()) {
                // exporters such as paddle2onnx write weights as Constant nodes, which constant-folding turns into initializers
                ctx.note("no Conv/Gemm/MatMul with a constant float weight initializer to quantize; if the weights are Constant nodes, run constant-folding first");
            }
            // lifting the opset rewrites nodes even when no layer is quantized
            return rewritten > 0 || !report.layers().isEmpty();
        } catch (StudioException e) {
            // one line naming the model and the stage; ONNX Runtime's own error-code prefix is dropped
            String why = e.problem().replaceFirst("Error code - \\w+ - message: ", "");
            throw new PassException((String) null, model.displayName() + ": " + stage + " failed: " + why, e);
        }
    }

    private static Map<String, Double> inputValues(List<String> given) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            try {
                if (eq <= 0) throw new NumberFormatException();
                out.put(g.substring(0, eq), Double.parseDouble(g.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quantize: input-values takes NAME=NUMBER, not '" + g + "'");
            }
        }
        return out;
    }

    private static List<Path> files(String dir) {
        return dir.isEmpty() ? List.of() : List.of(Path.of(dir));
    }
}
