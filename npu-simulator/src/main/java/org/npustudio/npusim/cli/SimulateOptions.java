package org.npustudio.npusim.cli;

import java.nio.file.Path;
import org.npustudio.npusim.fusion.FusionMode;

/**
 * Parsed options of {@code npustudio simulate (MODEL.onnx | TOPOLOGY.csv) --npu (NPU.yaml | SCALESIM.cfg)
 * [--plan PLAN.yaml] [--fuse none|auto|plan] [--format table|csv|json|scalesim] [-o DIR]}.
 * {@code fuse} null means: the plan's groups when the plan has some, otherwise none.
 */
public record SimulateOptions(Path model, Path npu, Path plan, FusionMode fuse, OutputFormat format, Path outputDir) {
    public SimulateOptions {
        if (model == null || npu == null) throw new IllegalArgumentException("a model (or topology) and --npu are required");
        if (format == null) format = OutputFormat.TABLE;
    }
}
