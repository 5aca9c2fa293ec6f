package org.npustudio.app.cli;

import org.npustudio.json.JsonWriter;
import java.nio.file.Path;
import java.util.List;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OpaqueOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code npustudio inspect MODEL [--json]}: header, interface, size and cost of a model. */
@Command(name = "inspect", description = "summarize a model: opsets, inputs/outputs, op histogram, parameters, MACs",
        footer = """
                Ops without a known schema (unknown names, custom domains) load as opaque nodes; they are
                listed under "Opaque ops", with a warning for names no opset defines or domains not imported.
                MACs and FLOPs need the shapes of the values; when some are not known the text shows a
                lower bound and the JSON has macs = null, knownMacs = the sum over the nodes that are known.""")
final class InspectCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    String file;

    @Option(names = "--json", description =
            "print one JSON object (keys: file, model, irVersion, producer, opsets, inputs, outputs, nodes, "
            + "subgraphNodes, ops, subgraphOps, initializers, params, paramBytes, macs, flops, knownMacs, "
            + "knownFlops, unknownCostNodes, opaqueOps, loadWarnings)")
    boolean json;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        Model model = shapes.open(Path.of(file));
        ModelSummary s = ModelSummary.of(model);
        List<String> opaque = List.copyOf(OpaqueOps.types(model));
        List<String> warnings = OpaqueOps.warnings(model);
        if (json) {
            java.util.Map<String, Object> json = SummaryJson.of(s, file);
            json.put("opaqueOps", opaque);
            json.put("loadWarnings", warnings);
            ctx.out().println(JsonWriter.write(json));
        } else {
            SummaryText.print(s, file, ctx.out());
            if (!opaque.isEmpty()) ctx.out().printf("%-12s%s%n", "Opaque ops", String.join(", ", opaque) + "  (" + OpaqueOps.DESCRIPTION + ")");
            for (String w : warnings) ctx.out().printf("%-12s%s%n", "Warning", w);
        }
        return Cli.OK;
    }
}
