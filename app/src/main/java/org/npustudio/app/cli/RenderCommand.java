package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.ExportOptions;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.scene.SceneExport;
import org.npustudio.ir.Model;
import org.npustudio.profiler.data.ExternalOverlay;

/** {@code npustudio render MODEL -o out.svg|out.png}: lays the graph out and draws it, without a display. */
@Command(name = "render", description = "draw a model's graph to an SVG or PNG file (headless)",
        footer = """
                The whole graph is drawn at 1:1 with name-scope groups framed, as the IDE shows it; PNGs of
                very large graphs are scaled down to at most 16,000 pixels a side.""")
final class RenderCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.svg|OUT.png", required = true,
            description = "where to write; the extension (.svg or .png) picks the format")
    String output;

    @Option(names = "--horizontal", description = "lay the graph out left to right instead of top to bottom")
    boolean horizontal;

    @Option(names = "--initializers", description = "draw constant inputs (weights) as nodes")
    boolean initializers;

    @Option(names = "--shapes", description = "label edges with tensor shapes")
    boolean shapes;

    @Option(names = "--overlay", paramLabel = "FILE", description =
            "colour nodes by another tool's per-node values, with a legend: an ONNX Runtime profile "
            + "(<node>_kernel_time events) or Model Explorer node data (as `npustudio report` writes "
            + "model-explorer.json); entries match nodes by id or ONNX name. A file of which nothing matches: "
            + "exit 2")
    String overlay;

    @Mixin ShapeOptions shapeOptions;

    @Override
    public int run() throws StudioException {
        Path out = Path.of(output);
        if (SceneExport.formatOf(out) == null) {
            throw new UsageException(name(), "cannot tell the format of '" + output + "': use a .svg or .png file name");
        }
        Model model = shapeOptions.open(Path.of(file));
        ExternalOverlay.Match match = overlay == null ? null
                : ExternalOverlay.load(Path.of(overlay), model.graph(), file);
        long t0 = System.nanoTime();
        GraphScene scene = SceneBuilder.build(model.graph(),
                new SceneBuilder.Settings(initializers, horizontal), LayoutMonitor.none());
        long layoutMs = (System.nanoTime() - t0) / 1_000_000;
        try {
            SceneExport.write(out, scene, match == null ? Overlay.NONE : ExternalOverlay.overlay(match, model.graph()), ExportOptions.wholeGraph(shapes));
        } catch (IOException e) {
            throw new StudioException(output, "", "cannot write: " + e.getMessage(), e);
        }
        ctx.out().printf("wrote %s: %d nodes, %d edges, %.0f x %.0f, laid out in %d ms%n", output, scene.nodeCount(),
                scene.edgeCount(), scene.maxX() - scene.minX(), scene.maxY() - scene.minY(), layoutMs);
        if (match != null) ctx.out().println(match.summary());
        return Cli.OK;
    }
}
