package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.export.SanityChecker;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.TensorFiles;

/** {@code npustudio check MODEL --plan PLAN.yaml}: the chained partitions against the whole model in ONNX Runtime. */
@Command(name = "check", description = "run the model and its chained partitions in ONNX Runtime and compare outputs",
        footer = """
                Runs the (legalized) model and its partitions, chained by tensor name in execution order,
                with ONNX Runtime (graph optimisations off, one thread) on the same inputs, and prints each
                output's largest absolute and relative difference.
                Exit status 0 when every output is within the tolerance, 1 when not.""")
final class CheckCommand extends StudioCommand {
    @Mixin PlanArgs planned;

    @Option(names = "--inputs", paramLabel = "FILE", description =
            "a .pb TensorProto or .npy file (repeatable); matched to a model input by tensor name (.npy: "
            + "file name), otherwise to the inputs in order. Inputs not given are seeded random values; each "
            + "is listed (type, shape, range, symbolic dims taken as 1).")
    List<String> inputFiles = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "seed for the random inputs (default 0)")
    long seed;

    @Option(names = "--tolerance", paramLabel = "X", description = "largest absolute difference accepted (default 0: bit-identical)")
    double tolerance;

    @Override
    public int run() throws StudioException {
        if (seed < 0) throw usage("--seed needs a number from 0, not '" + seed + "'");
        if (tolerance < 0 || !Double.isFinite(tolerance)) throw usage("--tolerance needs a number from 0, not '" + tolerance + "'");
        PlanArgs.Opened o = planned.open(ctx.err());
        Map<String, Tensor> given = given(inputFiles, o.model().graph().inputs());
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
}
