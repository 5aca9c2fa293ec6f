package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.export.SanityChecker;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.TensorFiles;

/** {@code npustudio check MODEL --plan PLAN.yaml}: the chained partitions against the whole model in ONNX Runtime. */
final class CheckCommand implements Command {
    @Override public String name() { return "check"; }

    @Override public String synopsis() { return "MODEL --plan PLAN.yaml [--inputs FILE]... [--tolerance X] [--seed N] " + ShapeArgs.SYNOPSIS; }

    @Override public String summary() { return "run the model and its chained partitions in ONNX Runtime and compare outputs"; }

    @Override
    public String details() {
        return """
                Runs the (legalized) model and its partitions, chained by tensor name in execution order,
                with ONNX Runtime (graph optimisations off, one thread) on the same inputs, and prints each
                output's largest absolute and relative difference.
                  --inputs FILE   a .pb TensorProto or .npy file (repeatable); matched to a model input by
                                  tensor name (.npy: file name), otherwise to the inputs in order.
                                  Inputs not given are seeded random values; each is listed
                                  (type, shape, range, symbolic dims taken as 1).
                  --seed N        seed for the random inputs (default 0)
                  --tolerance X   largest absolute difference accepted (default 0: bit-identical)
                Exit status 0 when every output is within the tolerance, 1 when not.
                """ + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--plan", "--inputs", "--tolerance", "--seed"));
        String modelFile = a.positional(1, 1, "MODEL").get(0);
        double tolerance = number(a.value("--tolerance"), "--tolerance", 0);
        long seed = (long) number(a.value("--seed"), "--seed", 0);
        PlanArgs.Opened o = PlanArgs.open(modelFile, ShapeArgs.binding(a), a.required("--plan", "PLAN.yaml"), ctx.err());
        Map<String, Tensor> given = given(a.values("--inputs"), o.model().graph().inputs());
        Map<String, Tensor> inputs = SanityChecker.inputs(o.model(), given, seed);
        // say which inputs are made up, so a failure on them (a sample rate of 3, a too short signal) is understood
        for (String line : SanityChecker.randomInputs(o.model(), given)) ctx.out().println("input " + line + " (seed " + seed + ")");
        SanityChecker.Report r = SanityChecker.check(o.model(), o.plan(), inputs, OrtRunner.Options.DETERMINISTIC);
        for (SanityChecker.OutputDiff d : r.outputs()) {
            ctx.out().printf("%-24s max abs %.3g  max rel %.3g  %s%n", d.name(), d.maxAbs(), d.maxRel(),
                    d.identical() ? "identical" : d.within(tolerance) ? "within tolerance" : "DIFFERS");
        }
        boolean ok = r.within(tolerance);
        ctx.out().printf("%s: %d partitions, %d outputs, %d ms%n", ok ? (r.identical() ? "identical" : "within " + tolerance) : "MISMATCH",
                r.partitions(), r.outputs().size(), r.millis());
        return ok ? Cli.OK : 1;
    }

    private static Map<String, Tensor> given(List<String> files, List<ValueInfo> inputs) throws StudioException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> names = inputs.stream().map(ValueInfo::name).toList();
        for (int i = 0; i < files.size(); i++) {
            Tensor t = TensorFiles.read(Path.of(files.get(i)));
            String name = names.contains(t.name()) ? t.name() : i < names.size() ? names.get(i) : null;
            if (name == null) throw new StudioException(files.get(i), "", "more input files than the model has inputs (" + names.size() + ")");
            out.put(name, t.withName(name));
        }
        return out;
    }

    private static double number(String v, String option, double dflt) throws UsageException {
        if (v == null) return dflt;
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("check", option + " needs a number from 0, not '" + v + "'");
        }
    }
}
