package org.npustudio.app.cli;

import org.npustudio.json.JsonWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;

/** {@code npustudio inspect MODEL [--json]}: header, interface, size and cost of a model. */
final class InspectCommand implements Command {
    @Override public String name() { return "inspect"; }

    @Override public String synopsis() { return "MODEL [--json] " + ShapeArgs.SYNOPSIS; }

    @Override public String summary() { return "summarize a model: opsets, inputs/outputs, op histogram, parameters, MACs"; }

    @Override
    public String details() {
        return """
                Options:
                  --json   print one JSON object (keys: file, model, irVersion, producer, opsets, inputs,
                           outputs, nodes, subgraphNodes, ops, subgraphOps, initializers, params,
                           paramBytes, macs, flops, knownMacs, knownFlops, unknownCostNodes)
                MACs and FLOPs need the shapes of the values; when some are not known the text shows a
                lower bound and the JSON has macs = null, knownMacs = the sum over the nodes that are known.
                """ + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of("--json"), ShapeArgs.OPTIONS);
        String file = a.positional(1, 1, "MODEL (an .onnx file)").get(0);
        Model model = ShapeArgs.open(a, Path.of(file));
        ModelSummary s = ModelSummary.of(model);
        if (a.has("--json")) ctx.out().println(JsonWriter.write(SummaryJson.of(s, file)));
        else SummaryText.print(s, file, ctx.out());
        return Cli.OK;
    }
}
