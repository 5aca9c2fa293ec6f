package org.npustudio.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanFiles;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code MODEL --plan PLAN.yaml} and the shape options, for the commands that work on a model and its
 * partition plan (partition validate, export, check), as a picocli mixin; opening them prints the plan's
 * warnings to stderr.
 */
final class PlanArgs {
    record Opened(Model model, ModelRef ref, Plan plan) {}

    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    String modelFile;

    @Option(names = "--plan", paramLabel = "PLAN.yaml", required = true, description = "the partition plan (NPU Studio or NEST-C)")
    String planFile;

    @Mixin ShapeOptions shapes;

    Opened open(PrintStream err) throws StudioException {
        Path mp = Path.of(modelFile);
        Model model = ModelFiles.open(mp, shapes.binding());
        ModelRef ref = ModelRef.of(mp);
        PlanFiles.Opened p = PlanFiles.read(Path.of(planFile), model.graph(), ref);
        warn(p.warnings(), err);
        return new Opened(model, ref, p.plan());
    }

    /** One line: how many layers an export quantized where the plan chose a precision, by precision (fp16 is not "int16"). */
    static String quantized(org.npustudio.passes.quant.QuantizationReport q) {
        java.util.Map<String, Integer> byPrecision = new java.util.TreeMap<>();
        for (var l : q.layers()) byPrecision.merge(l.precision().isEmpty() ? "int" + l.weightBits() : l.precision(), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        for (var e : byPrecision.entrySet()) b.append(b.length() == 0 ? "" : ", ").append(e.getValue()).append(" at ").append(e.getKey());
        return "quantized " + q.layers().size() + " layers where the plan chose a precision below fp32" + (b.length() == 0 ? "" : ": " + b);
    }

    static void warn(List<String> warnings, PrintStream err) {
        for (String w : warnings) err.println("warning: " + w);
    }
}
