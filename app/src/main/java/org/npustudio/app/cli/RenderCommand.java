package org.npustudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
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
final class RenderCommand implements Command {
    @Override public String name() { return "render"; }

    @Override public String synopsis() { return "MODEL -o OUT.svg|OUT.png [--horizontal] [--initializers] [--shapes] [--overlay FILE] " + ShapeArgs.SYNOPSIS; }

    @Override public String summary() { return "draw a model's graph to an SVG or PNG file (headless)"; }

    @Override
    public String details() {
        return """
                Options:
                  -o, --output FILE   where to write; the extension (.svg or .png) picks the format
                  --horizontal        lay the graph out left to right instead of top to bottom
                  --initializers      draw constant inputs (weights) as nodes
                  --shapes            label edges with tensor shapes
                  --overlay FILE      colour nodes by another tool's per-node values, with a legend: an ONNX
                                      Runtime profile (<node>_kernel_time events) or Model Explorer node
                                      data (as `npustudio report` writes model-explorer.json); entries match
                                      nodes by id or ONNX name. A file of which nothing matches: exit 2
                The whole graph is drawn at 1:1 with name-scope groups framed, as the IDE shows it; PNGs of
                very large graphs are scaled down to at most 16,000 pixels a side.
                """ + ShapeArgs.HELP;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of("--horizontal", "--initializers", "--shapes"), ShapeArgs.with("-o", "--output", "--overlay"));
        if (a.value("-o") != null && a.value("--output") != null) throw new UsageException(name(), "only one output file, please");
        String output = a.value("-o", a.value("--output"));
        String file = a.positional(1, 1, "MODEL (an .onnx file)").get(0);
        if (output == null) throw new UsageException(name(), "missing -o OUT.svg|OUT.png");
        Path out = Path.of(output);
        if (SceneExport.formatOf(out) == null) {
            throw new UsageException(name(), "cannot tell the format of '" + output + "': use a .svg or .png file name");
        }
        Model model = ShapeArgs.open(a, Path.of(file));
        ExternalOverlay.Match match = a.value("--overlay") == null ? null
                : ExternalOverlay.load(Path.of(a.value("--overlay")), model.graph(), file);
        long t0 = System.nanoTime();
        GraphScene scene = SceneBuilder.build(model.graph(),
                new SceneBuilder.Settings(a.has("--initializers"), a.has("--horizontal")), LayoutMonitor.none());
        long layoutMs = (System.nanoTime() - t0) / 1_000_000;
        try {
            SceneExport.write(out, scene, match == null ? Overlay.NONE : ExternalOverlay.overlay(match, model.graph()), ExportOptions.wholeGraph(a.has("--shapes")));
        } catch (IOException e) {
            throw new StudioException(output, "", "cannot write: " + e.getMessage(), e);
        }
        ctx.out().printf("wrote %s: %d nodes, %d edges, %.0f x %.0f, laid out in %d ms%n", output, scene.nodeCount(),
                scene.edgeCount(), scene.maxX() - scene.minX(), scene.maxY() - scene.minY(), layoutMs);
        if (match != null) ctx.out().println(match.summary());
        return Cli.OK;
    }
}
