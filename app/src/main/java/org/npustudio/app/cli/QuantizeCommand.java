package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.quant.CalibrationSet;
import org.npustudio.passes.quant.ImageInputs;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.QuantOptions;
import org.npustudio.passes.quant.QuantReportFiles;
import org.npustudio.passes.quant.QuantizeJob;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.PlanPrecisions;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code npustudio quantize}: post-training quantization to a QDQ ONNX model ONNX Runtime runs, with the
 * SQNR against fp32 on inputs disjoint from calibration. Parsing only; the work is {@link QuantizeJob}
 * (and, with a budget, {@link AutoPrecision} choosing each layer's precision first).
 */
@Command(name = "quantize", description = "post-training quantization (int8, int4, fp16, bf16) to a QDQ model, with SQNR against fp32",
        footer = """
                Quantizes Conv/Gemm/MatMul weights (per output channel, or per block of --group along K) and
                their input activations (per tensor, calibrated in ONNX Runtime), writes OUT.onnx and prints the
                output SQNR against fp32 (and top-1 agreement for a classifier) measured on inputs not used
                for calibration. Without --images/--calibration: seeded random N(0,1) inputs (--samples, --seed).
                With --plan only the layers the plan gives a precision below fp32 are quantized, each at its
                own; with --budget-sqnr the precision of each layer is chosen first (as npustudio sensitivity).
                On the real-weight CNNs measured, --method mse --equalize --bias-correction gave the best int8
                figures (PP-OCR cls 17.2 -> 32.5 dB); the defaults stay as before. docs/quantization.md.""")
final class QuantizeCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    Path file;

    @Option(names = "-o", paramLabel = "OUT.onnx", required = true, description = "the quantized model")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "layers.csv, quantization.json and summary.txt")
    Path report;

    @Option(names = "--calibration", paramLabel = "DIR", description =
            ".npy/.pb files: one per sample for a single-input model; for several inputs a subfolder per input "
            + "name or files NAME_0.npy, NAME_1.npy, ...")
    Path calibration;

    @Option(names = "--images", paramLabel = "DIR", description =
            "PNG/JPEG/BMP/GIF images for a model with one image input: resized to --size, value*--scale, then "
            + "(v - mean)/std per channel, --layout nchw (default) or nhwc, RGB unless --bgr")
    Path images;

    @Option(names = "--eval", paramLabel = "DIR", description =
            "evaluate on these (same kind as the calibration inputs); default: the last quarter of the calibration samples")
    Path eval;

    @Option(names = "--mean", paramLabel = "a,b,c", split = ",", description = "per-channel mean (1 or 3 values; default 0)")
    double[] mean = {0};

    @Option(names = "--std", paramLabel = "a,b,c", split = ",", description = "per-channel std (1 or 3 values; default 1)")
    double[] std = {1};

    @Option(names = "--scale", paramLabel = "S", description = "pixel value scale before mean/std (default 1/255)")
    double scale = 1 / 255.0;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "nchw", description = "nchw (default) or nhwc")
    String layout;

    @Option(names = "--size", paramLabel = "HxW", description = "image size (default: the input's)")
    String size;

    @Option(names = "--bgr", description = "channels in BGR order")
    boolean bgr;

    @Option(names = "--method", paramLabel = "M", defaultValue = "minmax", description =
            "activation range: minmax (default), percentile, entropy (KL) or mse")
    String method;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "99.99", description = "for --method percentile, in (50, 100]")
    double percentile;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8", description = "random calibration runs")
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of the random inputs")
    long seed;

    @Option(names = "--weights", paramLabel = "W", defaultValue = "int8", description =
            "int8 (default), int4, fp16 or bf16 (fp16/bf16: weights stored 16-bit, activations rounded)")
    String weights;

    @Option(names = "--group", paramLabel = "G", defaultValue = "0", description =
            "int8/int4 weights: 0 = per output channel (default), 32/64/128 = per block along K")
    int group;

    @Option(names = "--activations", paramLabel = "A", description = "int8 (default) or fp16 (weight-only: int8w16a, int4w16a)")
    String activations;

    @Option(names = "--bias-correction", description = "correct each layer's bias for the mean shift weight quantization causes")
    boolean biasCorrection;

    @Option(names = "--equalize", description = "cross-layer equalisation of Conv -> Relu -> Conv pairs (not across Clip/ReLU6)")
    boolean equalize;

    @Option(names = "--plan", paramLabel = "PLAN.yaml", description =
            "quantize only where the plan chose a precision below fp32 (precision/precisions), each layer at its own")
    Path plan;

    @Option(names = "--budget-sqnr", paramLabel = "DB", description =
            "choose each layer's precision (among --candidates) so the measured output SQNR stays >= DB, "
            + "minimising --objective simulated on --npu")
    Double budgetSqnr;

    @Option(names = "--candidates", paramLabel = "P,P,P", defaultValue = "int4w8a,int8,fp16", description =
            "with --budget-sqnr: the precisions to choose among")
    String candidates;

    @Option(names = "--npu", paramLabel = "NPU.yaml", description = "with --budget-sqnr: the NPU the precisions are costed on")
    Path npu;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "latency", description = "with --budget-sqnr: latency (default), dram or energy")
    String objectiveKey;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        if (calibration != null && images != null) throw usage("give --calibration or --images, not both");
        if (plan != null && budgetSqnr != null) throw usage("give --plan or --budget-sqnr, not both");
        if (budgetSqnr != null && npu == null) throw usage("--budget-sqnr needs --npu NPU.yaml (to cost the precisions)");
        if (!QuantConfig.METHODS.contains(method)) throw usage("--method must be minmax, percentile, entropy or mse, not '" + method + "'");
        Precision precision = precision(weights, activations);
        if (group != 0 && group != 32 && group != 64 && group != 128) throw usage("--group must be 0, 32, 64 or 128, not " + group);
        if (group != 0 && !precision.integerWeights()) throw usage("--group applies to integer weights (--weights int8 or int4) only");
        if (percentile <= 50 || percentile > 100) throw usage("--percentile must be in (50, 100], not " + percentile);
        if (samples < 1) throw usage("--samples takes a positive integer, not " + samples);
        Objective objective = Objective.parse(objectiveKey);
        if (objective == null) throw usage("unknown --objective '" + objectiveKey + "'; use latency, dram or energy");
        for (double s : std) if (s == 0) throw usage("--std values must not be 0");
        Model model = shapes.open(file);
        CalibrationSet calib = source(model, calibration, images);
        CalibrationSet evaluation = eval == null ? null : source(model, images == null ? eval : null, images == null ? null : eval);
        QuantConfig d = QuantConfig.defaults();
        QuantConfig cfg = new QuantConfig(method, percentile, samples, seed, List.of(), Map.of(), precision, d.ops(), Map.of(),
                new QuantOptions(group, biasCorrection, equalize, calib));
        Map<String, Precision> layers = Map.of();
        Precision fallback = precision;
        if (plan != null) {
            PlanFiles.Opened p = PlanFiles.read(plan, model.graph(), ModelRef.of(file));
            PlanArgs.warn(p.warnings(), ctx.err());
            layers = PlanPrecisions.chosen(p.plan(), model.graph());
            fallback = Precision.FP32;
            ctx.out().println(plan + ": " + layers.size() + " nodes with a precision chosen by the plan; the rest stay fp32");
        } else if (budgetSqnr != null) {
            layers = choose(model, cfg, objective);
            fallback = Precision.FP32;
        }
        QuantizeJob.Result r = QuantizeJob.run(model, cfg, layers, fallback, evaluation);
        OnnxWriter.write(model, out);
        String name = file.getFileName().toString();
        for (String line : QuantReportFiles.summary(r.report(), name)) ctx.out().println(line);
        if (report != null) {
            QuantReportFiles.write(r.report(), name, report);
            ctx.out().println("report: " + report.resolve("layers.csv") + ", " + report.resolve("quantization.json") + ", " + report.resolve("summary.txt"));
        }
        ctx.out().println("wrote " + out + " (" + (layers.isEmpty() ? precision.key() : "precision per layer") + ")");
        return Cli.OK;
    }

    /** The automatic precision choice under --budget-sqnr (the same search as npustudio sensitivity). */
    private Map<String, Precision> choose(Model model, QuantConfig cfg, Objective objective) throws StudioException {
        List<Precision> cands = SensitivityCommand.precisions(candidates, "--candidates", this::usage);
        AutoPrecision.Outcome o = AutoPrecision.run(model, ModelRef.of(file), SensitivityCommand.npu(npu, ctx),
                new AutoPrecision.Request(cfg, SensitivityAnalysis.DEFAULT_PRECISIONS, cands, Budget.sqnrDb(budgetSqnr), objective),
                (done, total, what) -> ctx.err().printf("\r[%d/%d] %-60s", done, total, what), () -> false);
        ctx.err().println();
        for (String w : o.warnings()) ctx.err().println("warning: " + w);
        if (!o.choice().met()) throw new StudioException("quantize", "", o.choice().message());
        ctx.out().println(o.choice().message());
        return o.choice().chosen();
    }

    private CalibrationSet source(Model model, Path npy, Path imageDir) throws StudioException {
        if (npy != null) return CalibrationSet.folder(model, npy, Map.of());
        if (imageDir == null) return null;
        boolean nhwc = switch (layout.toLowerCase(Locale.ROOT)) {
            case "nchw" -> false;
            case "nhwc" -> true;
            default -> throw usage("--layout must be nchw or nhwc, not '" + layout + "'");
        };
        int h = 0, w = 0;
        if (size != null) {
            String[] hw = size.toLowerCase(Locale.ROOT).split("x");
            try {
                if (hw.length != 2) throw new NumberFormatException();
                h = Integer.parseInt(hw[0].trim());
                w = Integer.parseInt(hw[1].trim());
                if (h < 1 || w < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw usage("--size takes HxW with positive integers, e.g. 224x224, not '" + size + "'");
            }
        }
        return ImageInputs.read(model, imageDir, new ImageInputs.Spec(h, w, mean, std, scale, nhwc, bgr), Map.of());
    }

    /** The precision --weights and --activations name together. */
    private Precision precision(String w, String activationKey) throws UsageException {
        String act = activationKey == null ? null : activationKey.toLowerCase(Locale.ROOT);
        if (act != null && !act.equals("int8") && !act.equals("fp16")) throw usage("--activations must be int8 or fp16, not '" + activationKey + "'");
        boolean fp16Act = "fp16".equals(act);
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "int8" -> fp16Act ? Precision.INT8_W16A : Precision.INT8;
            case "int4" -> fp16Act ? Precision.INT4_W16A : Precision.INT4_W8A;
            case "fp16", "bf16" -> {
                if ("int8".equals(act)) throw usage("--weights " + w + " keeps 16-bit activations; drop --activations int8");
                yield w.equalsIgnoreCase("fp16") ? Precision.FP16 : Precision.BF16;
            }
            default -> throw usage("--weights must be int8, int4, fp16 or bf16, not '" + w + "'");
        };
    }
}
