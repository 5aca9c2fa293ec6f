package org.npustudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.config.DeviceConfigReader;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Precision;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.profiler.report.PrecisionReport;

/**
 * {@code npustudio sensitivity}: per-layer quantization sensitivity, and with a budget the automatic precision
 * choice written as a plan. Parsing only; the work is {@link AutoPrecision#run}.
 */
final class SensitivityCommand implements Command {
    @Override public String name() { return "sensitivity"; }

    @Override public String synopsis() {
        return "MODEL [--precisions P,P] [--calibration DIR] [--csv OUT.csv] [--json OUT.json] [--report DIR] "
                + "[--npu NPU.yaml --budget-sqnr DB | --budget-top1 PCT [--candidates P,P,P] [--objective latency|dram|energy] -o PLAN.yaml] "
                + ShapeArgs.SYNOPSIS;
    }

    @Override public String summary() { return "per-layer quantization sensitivity; with a budget, choose each layer's precision"; }

    @Override
    public String details() {
        return """
                  --precisions P,P      precisions analysed per layer (default int8,int4w8a; any of %s)
                  --calibration DIR     .npy/.pb input files (one per run) for calibration and evaluation; default:
                                        seeded random inputs (the output says which)
                  --csv / --json FILE   the per-layer table (node, name, op, dB per precision)
                  --report DIR          sensitivity.html: the sorted sensitivity chart and, with a budget, the
                                        accuracy-vs-cost chart
                  --budget-sqnr DB      choose precisions so the measured output SQNR stays >= DB
                  --budget-top1 PCT     ... or so top-1 agreement with fp32 stays >= PCT percent (classifiers)
                  --candidates P,P,P    precisions to choose among (default int4w8a,int8,fp16; those --npu does not offer are left out)
                  --objective O         what to minimise: latency (default), dram or energy, simulated on --npu
                  -o PLAN.yaml          the chosen assignment as a plan (precision per node; simulate --plan reproduces the cost)
                The cost of an assignment is its plan simulated with each node at its precision
                (docs/quantization-sensitivity.md).
                """.formatted(Precision.validKeys()) + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--precisions", "--calibration", "--csv", "--json", "--report", "--npu",
                "--budget-sqnr", "--budget-top1", "--candidates", "--objective", "-o"));
        Path modelFile = Path.of(a.positional(1, 1, "MODEL (an .onnx file)").get(0));
        List<Precision> analysed = precisions(a.value("--precisions", "int8,int4w8a"), "--precisions");
        List<Precision> candidates = precisions(a.value("--candidates", "int4w8a,int8,fp16"), "--candidates");
        Budget budget = budget(a);
        Objective objective = Objective.parse(a.value("--objective", "latency"));
        if (objective == null) throw new UsageException(name(), "unknown --objective '" + a.value("--objective") + "'; use latency, dram or energy");
        if (budget != null && (a.value("--npu") == null || a.value("-o") == null)) {
            throw new UsageException(name(), "a budget needs --npu NPU.yaml (to cost the precisions) and -o PLAN.yaml");
        }
        if (budget == null && a.value("-o") != null) throw new UsageException(name(), "-o writes the chosen plan; give a budget (--budget-sqnr or --budget-top1)");
        QuantConfig cfg = QuantConfig.defaults();
        if (a.value("--calibration") != null) cfg = withCalibration(cfg, Path.of(a.value("--calibration")));
        NpuConfig npu = a.value("--npu") == null ? null : npu(Path.of(a.value("--npu")), ctx);
        Model m = ShapeArgs.open(a, modelFile);

        AutoPrecision.Outcome out = AutoPrecision.run(m, ModelRef.of(modelFile), npu,
                new AutoPrecision.Request(cfg, analysed, candidates, budget, objective),
                (done, total, what) -> ctx.err().printf("\r[%d/%d] %-60s", done, total, what), () -> false);
        ctx.err().println();
        ctx.out().print(out.sensitivity().table());
        ctx.out().printf("inputs: %s; %d layers x %d precisions in %.1f s%n", out.sensitivity().inputs(), out.sensitivity().layers().size(),
                out.sensitivity().precisions().size(), out.sensitivity().seconds());
        for (String w : out.warnings()) ctx.err().println("warning: " + w);
        if (a.value("--csv") != null) write(Path.of(a.value("--csv")), out.sensitivity().csv(), ctx);
        if (a.value("--json") != null) write(Path.of(a.value("--json")), out.sensitivity().json(), ctx);
        if (a.value("--report") != null) {
            for (Path p : PrecisionReport.write(out.sensitivity(), out.choice(), Path.of(a.value("--report")))) ctx.out().println("wrote " + p);
        }
        if (out.choice() == null) return Cli.OK;
        for (var p : out.choice().points()) {
            ctx.out().printf("  %-24s %-36s SQNR %-9s top-1 %5.1f%%  %s%s%n", p.label(),
                    org.npustudio.passes.quant.sensitivity.PrecisionChoice.counts(p.assignment()), p.accuracy().sqnrText(),
                    100 * p.accuracy().top1Agreement(), out.choice().quantity() + " " + objective.format(p.cost()), p.chosen() ? "  <- chosen" : "");
        }
        if (!out.choice().met()) throw new StudioException("sensitivity", "", out.choice().message());
        ctx.out().println(out.choice().message());
        Path plan = Path.of(a.value("-o"));
        PlanYaml.write(out.plan(), plan);
        ctx.out().println("wrote " + plan);
        return Cli.OK;
    }

    private List<Precision> precisions(String list, String option) throws UsageException {
        List<Precision> ps = new ArrayList<>();
        for (String s : list.split(",")) {
            Precision p = Precision.parse(s);
            if (p == null) throw new UsageException(name(), option + ": unknown precision '" + s.trim() + "'; use " + Precision.validKeys());
            if (!ps.contains(p)) ps.add(p);
        }
        return ps;
    }

    private Budget budget(Args a) throws UsageException {
        String db = a.value("--budget-sqnr"), top1 = a.value("--budget-top1");
        if (db != null && top1 != null) throw new UsageException(name(), "give --budget-sqnr or --budget-top1, not both");
        try {
            if (db != null) return Budget.sqnrDb(Double.parseDouble(db));
            if (top1 != null) {
                double pct = Double.parseDouble(top1);
                if (pct < 0 || pct > 100) throw new UsageException(name(), "--budget-top1 is a percentage in [0, 100], not " + top1);
                return Budget.top1(pct / 100);
            }
        } catch (NumberFormatException e) {
            throw new UsageException(name(), "budget '" + (db != null ? db : top1) + "' is not a number");
        }
        return null;
    }

    /** The .npy/.pb files of a folder, sorted by name; an empty folder is an error naming it. */
    static QuantConfig withCalibration(QuantConfig cfg, Path dir) throws StudioException {
        if (!Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "not a folder of calibration inputs");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".npy") || p.toString().endsWith(".pb")).sorted().toList();
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new StudioException(dir.toString(), "", "no .npy or .pb input files in the folder");
        return new QuantConfig(cfg.method(), cfg.percentile(), files.size(), cfg.seed(), files, cfg.layers(), cfg.fallback(), cfg.ops(), cfg.inputValues());
    }

    private static NpuConfig npu(Path file, CliContext ctx) throws StudioException {
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
