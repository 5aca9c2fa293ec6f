package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.passes.quant.CalibrationSet;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.profiler.report.PrecisionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code npustudio sensitivity}: per-layer quantization sensitivity, and with a budget the automatic precision
 * choice written as a plan. Parsing only; the work is {@link AutoPrecision#run}.
 */
@Command(name = "sensitivity", description = "per-layer quantization sensitivity; with a budget, choose each layer's precision",
        footer = """
                The cost of an assignment is its plan simulated with each node at its precision
                (docs/quantization-sensitivity.md).""")
final class SensitivityCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    Path modelFile;

    @Option(names = "--precisions", paramLabel = "P,P", defaultValue = "int8,int4w8a", description =
            "precisions analysed per layer (default int8,int4w8a; any of int8, int4, int4w8a, int4w16a, int8w16a, fp16, bf16, fp32)")
    String analysedList;

    @Option(names = "--calibration", paramLabel = "DIR", description =
            ".npy/.pb input files (one per run) for calibration and evaluation; default: seeded random inputs (the output says which)")
    Path calibration;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "the per-layer table (node, name, op, dB per precision)")
    Path csv;

    @Option(names = "--json", paramLabel = "OUT.json", description = "the per-layer table as JSON")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description =
            "sensitivity.html: the sorted sensitivity chart and, with a budget, the accuracy-vs-cost chart")
    Path report;

    @Option(names = "--npu", paramLabel = "NPU.yaml", description = "the NPU the candidates are costed on (with a budget)")
    Path npuFile;

    @Option(names = "--budget-sqnr", paramLabel = "DB", description = "choose precisions so the measured output SQNR stays >= DB")
    Double budgetSqnr;

    @Option(names = "--budget-top1", paramLabel = "PCT", description = "... or so top-1 agreement with fp32 stays >= PCT percent (classifiers)")
    Double budgetTop1;

    @Option(names = "--candidates", paramLabel = "P,P,P", defaultValue = "int4w8a,int8,fp16", description =
            "precisions to choose among (default int4w8a,int8,fp16; those --npu does not offer are left out)")
    String candidateList;

    @Option(names = "--objective", paramLabel = "O", defaultValue = "latency", description = "what to minimise: latency (default), dram or energy")
    String objectiveKey;

    @Option(names = "-o", paramLabel = "PLAN.yaml", description = "the chosen assignment as a plan (precision per node; simulate --plan reproduces the cost)")
    Path planOut;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        List<Precision> analysed = precisions(analysedList, "--precisions", this::usage);
        List<Precision> candidates = precisions(candidateList, "--candidates", this::usage);
        Budget budget = budget();
        Objective objective = Objective.parse(objectiveKey);
        if (objective == null) throw usage("unknown --objective '" + objectiveKey + "'; use latency, dram or energy");
        if (budget != null && (npuFile == null || planOut == null)) {
            throw usage("a budget needs --npu NPU.yaml (to cost the precisions) and -o PLAN.yaml");
        }
        if (budget == null && planOut != null) throw usage("-o writes the chosen plan; give a budget (--budget-sqnr or --budget-top1)");
        NpuConfig npu = npuFile == null ? null : npu(npuFile, ctx);
        Model m = shapes.open(modelFile);
        QuantConfig cfg = QuantConfig.defaults();
        // the quantizer's own folder reader: the same layouts (per-input subfolders, NAME_k files) and errors as quantize
        if (calibration != null) cfg = cfg.withOptions(cfg.options().withCalibration(CalibrationSet.folder(m, calibration, Map.of())));

        AutoPrecision.Outcome out = AutoPrecision.run(m, ModelRef.of(modelFile), npu,
                new AutoPrecision.Request(cfg, analysed, candidates, budget, objective),
                (done, total, what) -> ctx.err().printf("\r[%d/%d] %-60s", done, total, what), () -> false);
        ctx.err().println();
        ctx.out().print(out.sensitivity().table());
        ctx.out().printf("inputs: %s; %d layers x %d precisions in %.1f s%n", out.sensitivity().inputs(), out.sensitivity().layers().size(),
                out.sensitivity().precisions().size(), out.sensitivity().seconds());
        for (String w : out.warnings()) ctx.err().println("warning: " + w);
        if (csv != null) write(csv, out.sensitivity().csv(), ctx);
        if (json != null) write(json, out.sensitivity().json(), ctx);
        if (report != null) {
            for (Path p : PrecisionReport.write(out.sensitivity(), out.choice(), report)) ctx.out().println("wrote " + p);
        }
        if (out.choice() == null) return Cli.OK;
        for (var p : out.choice().points()) {
            ctx.out().printf("  %-24s %-36s SQNR %-9s top-1 %5.1f%%  %s%s%n", p.label(),
                    org.npustudio.passes.quant.sensitivity.PrecisionChoice.counts(p.assignment()), p.accuracy().sqnrText(),
                    100 * p.accuracy().top1Agreement(), out.choice().quantity() + " " + objective.format(p.cost()), p.chosen() ? "  <- chosen" : "");
        }
        if (!out.choice().met()) throw new StudioException("sensitivity", "", out.choice().message());
        ctx.out().println(out.choice().message());
        PlanYaml.write(out.plan(), planOut);
        ctx.out().println("wrote " + planOut);
        return Cli.OK;
    }

    /** A comma-separated precision list; an unknown key is a usage error of the calling command. */
    static List<Precision> precisions(String list, String option, java.util.function.Function<String, UsageException> usage)
            throws UsageException {
        List<Precision> ps = new ArrayList<>();
        for (String s : list.split(",")) {
            Precision p = Precision.parse(s);
            if (p == null) throw usage.apply(option + ": unknown precision '" + s.trim() + "'; use " + Precision.validKeys());
            if (!ps.contains(p)) ps.add(p);
        }
        return ps;
    }

    private Budget budget() throws UsageException {
        if (budgetSqnr != null && budgetTop1 != null) throw usage("give --budget-sqnr or --budget-top1, not both");
        if (budgetSqnr != null) return Budget.sqnrDb(budgetSqnr);
        if (budgetTop1 != null) {
            if (budgetTop1 < 0 || budgetTop1 > 100) throw usage("--budget-top1 is a percentage in [0, 100], not " + budgetTop1);
            return Budget.top1(budgetTop1 / 100);
        }
        return null;
    }

    static NpuConfig npu(Path file, CliContext ctx) throws StudioException {
        List<String> warnings = new ArrayList<>();
        Device d = DeviceConfigReader.readAny(file, warnings);
        for (String w : warnings) ctx.err().println("warning: " + w);
        if (!d.isNpu()) throw new StudioException(file.toString(), "kind", "--npu needs an NPU description, this is a CPU");
        return d.npu();
    }

    private static void write(Path file, String text, CliContext ctx) throws StudioException {
        AtomicFiles.writeString(file, text);
        ctx.out().println("wrote " + file);
    }
}
