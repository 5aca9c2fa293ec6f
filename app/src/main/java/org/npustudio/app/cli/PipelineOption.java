package org.npustudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineYaml;
import picocli.CommandLine.Option;

/**
 * {@code --pipeline default|PIPELINE.yaml|none} for the commands that cost a model (simulate, report,
 * partition auto): which pass pipeline's output is costed. {@code none}, the default, costs the graph as
 * written (docs/decisions/0013-cost-as-written-by-default.md). A picocli mixin.
 */
final class PipelineOption {
    @Option(names = "--pipeline", paramLabel = "P", description =
            "cost what a compiler would run: 'default' (the default pass pipeline, docs/passes.md), a "
            + "pipeline YAML file, or 'none' (the graph as written; the default). Costs are told on the "
            + "model's own nodes: a folded BatchNormalization shows 0 and the Conv it went into")
    String value;

    boolean given() {
        return value != null;
    }

    /** The pipeline asked for, or null for the graph as written. */
    Pipeline parse() throws StudioException {
        String v = value == null ? "none" : value;
        if (v.equals("none")) return null;
        if (v.equals("default")) return Pipeline.defaultPipeline();
        Path file = Path.of(v);
        if (!Files.isRegularFile(file)) throw new StudioException(v, "--pipeline", "no such pipeline file (use default, none or a pipeline YAML file)");
        return PipelineYaml.read(file);
    }
}
