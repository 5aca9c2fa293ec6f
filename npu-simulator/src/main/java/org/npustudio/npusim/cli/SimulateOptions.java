package org.npustudio.npusim.cli;

import java.nio.file.Path;
import java.util.Map;
import org.npustudio.passes.Pipeline;
import org.npustudio.npusim.fusion.FusionMode;

/**
 * Parsed options of {@code npustudio simulate (MODEL.onnx | TOPOLOGY.csv) --npu (NPU.yaml | SCALESIM.cfg)
 * [--plan PLAN.yaml] [--fuse none|auto|plan] [--format table|csv|json|scalesim] [-o DIR]}.
 * {@code fuse} null means: the plan's groups when the plan has some, otherwise none. {@code loopTrips}
 * ({@code --loop-trips NODE=N}) gives the trip count of Loop nodes whose count is not a constant.
 * {@code pipeline} ({@code --pipeline}) is the pass pipeline whose output is costed, or null: the graph as written.
 * {@code hostProfile} ({@code --host-profile HOST.json}, may be null) gives measured CPU node costs.
 */
public record SimulateOptions(Path model, Path npu, Path plan, FusionMode fuse, OutputFormat format, Path outputDir,
                              Map<String, Long> loopTrips, Pipeline pipeline, Path hostProfile) {
    public SimulateOptions {
        if (model == null || npu == null) throw new IllegalArgumentException("a model (or topology) and --npu are required");
        if (format == null) format = OutputFormat.TABLE;
        loopTrips = loopTrips == null ? Map.of() : Map.copyOf(loopTrips);
    }

    /** As written (no pipeline), modelled host costs. */
    public SimulateOptions(Path model, Path npu, Path plan, FusionMode fuse, OutputFormat format, Path outputDir,
                           Map<String, Long> loopTrips) {
        this(model, npu, plan, fuse, format, outputDir, loopTrips, null, null);
    }

    /** Costed through {@code pipeline} (null: as written), modelled host costs. */
    public SimulateOptions(Path model, Path npu, Path plan, FusionMode fuse, OutputFormat format, Path outputDir,
                           Map<String, Long> loopTrips, Pipeline pipeline) {
        this(model, npu, plan, fuse, format, outputDir, loopTrips, pipeline, null);
    }

    public SimulateOptions(Path model, Path npu, Path plan, FusionMode fuse, OutputFormat format, Path outputDir) {
        this(model, npu, plan, fuse, format, outputDir, Map.of());
    }
}
