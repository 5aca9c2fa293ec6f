package org.npustudio.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.export.PartitionExporter;
import org.npustudio.export.PartitionModel;

/** {@code npustudio export MODEL --plan PLAN.yaml -o DIR}: one ONNX model per partition plus the plan. */
final class ExportCommand implements Command {
    @Override public String name() { return "export"; }

    @Override public String synopsis() { return "MODEL --plan PLAN.yaml -o DIR " + ShapeArgs.SYNOPSIS; }

    @Override public String summary() { return "write each partition as a standalone ONNX model, plus plan.yaml"; }

    @Override
    public String details() {
        return """
                Writes DIR/<partition>.onnx for every partition with nodes, in execution order, and
                DIR/plan.yaml. The model is legalized first (docs/legalizer.md). Partitions keep the
                original tensor names, so they chain by name. Weights (initializers, Constants and what
                computes only from them) are copied into every partition that reads them, never passed
                between partitions. Boundary tensor types our inference misses come from ONNX Runtime.
                Layers the plan gives an integer precision (precision/precisions in the plan) are
                quantized (QDQ) at it; everything else stays float.
                All files appear together or none does;
                DIR must be new, empty, or a previous export. A non-convex plan is refused with the path.
                """ + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of(), ShapeArgs.with("--plan", "-o"));
        String modelFile = a.positional(1, 1, "MODEL").get(0);
        PlanArgs.Opened o = PlanArgs.open(modelFile, ShapeArgs.binding(a), a.required("--plan", "PLAN.yaml"), ctx.err());
        PartitionExporter.Result r = PartitionExporter.export(o.model(), o.plan(), Path.of(a.required("-o", "DIR")));
        PlanArgs.warn(r.split().warnings(), ctx.err());
        for (PartitionModel pm : r.split().pieces()) {
            ctx.out().printf("%s.onnx  %-10s %5d nodes  inputs %s  outputs %s%n", pm.name(), pm.device(), pm.nodeCount(),
                    String.join(",", pm.inputs()), String.join(",", pm.outputs()));
        }
        if (r.split().quantization() != null) ctx.out().println(PlanArgs.quantized(r.split().quantization()));
        ctx.out().println(r.dir() + ": " + r.files().size() + " files" + (r.split().rewrites().isEmpty() ? ""
                : " (" + r.split().rewrites().size() + " legalization rewrites)"));
        return Cli.OK;
    }
}
