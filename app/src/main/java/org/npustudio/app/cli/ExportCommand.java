package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.export.PartitionExporter;
import org.npustudio.export.PartitionModel;

/** {@code npustudio export MODEL --plan PLAN.yaml -o DIR}: one ONNX model per partition plus the plan. */
@Command(name = "export", description = "write each partition as a standalone ONNX model, plus plan.yaml",
        footer = """
                Writes DIR/<partition>.onnx for every partition with nodes, in execution order, and
                DIR/plan.yaml. The model is legalized first (docs/legalizer.md). Partitions keep the
                original tensor names, so they chain by name. Weights (initializers, Constants and what
                computes only from them) are copied into every partition that reads them, never passed
                between partitions. Boundary tensor types our inference misses come from ONNX Runtime.
                Layers the plan gives an integer precision (precision/precisions in the plan) are
                quantized (QDQ) at it; everything else stays float.
                All files appear together or none does;
                DIR must be new, empty, or a previous export. A non-convex plan is refused with the path.""")
final class ExportCommand extends StudioCommand {
    @Mixin PlanArgs planned;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "the folder to write")
    Path dir;

    @Override
    public int run() throws StudioException {
        PlanArgs.Opened o = planned.open(ctx.err());
        PartitionExporter.Result r = PartitionExporter.export(o.model(), o.plan(), dir);
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
