package org.npustudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.npustudio.app.CompiledModel;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.passes.PassRecord;
import org.npustudio.passes.PassManager;
import org.npustudio.passes.Pipeline;
import org.npustudio.passes.PipelineResult;
import org.npustudio.passes.PipelineYaml;
import org.npustudio.passes.Snapshot;

/**
 * {@code npustudio compile MODEL [--pipeline default|FILE] -o OUT [--print-changed] [--notes] [--dump-after-each DIR] [--no-verify]}.
 * What it writes has passed the verifier and ONNX Runtime's loader; otherwise nothing is written.
 */
@Command(name = "compile", description = "run a compiler pass pipeline and write standard ONNX",
        footer = """
                Prints one line per pass: step, name, time, and whether it changed the graph (or why it was
                skipped). When a pass fails, the error names the pass and node; with --dump-after-each the
                last good graph is on disk. The output is checked before it is written (ONNX checker rules,
                then ONNX Runtime loading it); when the check fails nothing is written and the exit status is 2.""")
final class CompileCommand extends StudioCommand {
    @Parameters(paramLabel = "MODEL", description = "an .onnx file")
    String file;

    @Option(names = "--pipeline", paramLabel = "P", defaultValue = "default",
            description = "'default' (the default) or a pipeline YAML file (see docs/passes.md)")
    String pipelineArg;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.onnx", required = true, description =
            "where to write the compiled model; fused operators are expanded back to standard ONNX first, so "
            + "ONNX Runtime loads it")
    String out;

    @Option(names = "--print-changed", description =
            "after each pass that changed the graph, list the nodes it added, removed or changed (passes "
            + "that changed nothing are not shown)")
    boolean printChanged;

    @Option(names = "--notes", description =
            "after each pass, what it noted: the quantizer's weight bits and SQNR per layer and at the model "
            + "output, the nodes a fusion merged…")
    boolean notes;

    @Option(names = "--dump-after-each", paramLabel = "DIR", description = "write the graph after every changing pass as DIR/NN-pass.onnx")
    String dump;

    @Option(names = "--no-verify", description =
            "do not verify the graph after every pass (for benchmarks); the written model is still checked")
    boolean noVerify;

    @Mixin ShapeOptions shapes;

    @Override
    public int run() throws StudioException {
        Pipeline pipeline = pipelineArg.equals("default") ? Pipeline.defaultPipeline() : PipelineYaml.read(Path.of(pipelineArg));
        Model model = shapes.open(Path.of(file));
        PipelineResult r = new PassManager().verifyAfterEachPass(!noVerify).run(model, pipeline);
        Snapshot previous = r.input();
        for (PassRecord p : r.records()) {
            ctx.out().printf("%3d  %-34s %9.1f ms  %s%n", p.step(), p.pass(), p.millis(),
                    p.wasSkipped() ? "skipped: " + p.skipped() : p.changed() ? "changed" : "-");
            if (notes) for (String note : p.notes()) ctx.out().println("     · " + note);
            if (p.snapshot() == null) continue;
            if (printChanged) printChanges(ctx, previous, p.snapshot());
            if (dump != null) write(dump, p.snapshot());
            previous = p.snapshot();
        }
        if (!r.succeeded()) {
            if (dump != null) ctx.err().println("last good graph: " + Path.of(dump, fileName(r.lastGoodSnapshot())));
            throw r.failure();
        }
        CompiledModel.Written written = CompiledModel.write(model, r, Path.of(out));
        if (written.warning() != null) ctx.err().println("warning: " + written.warning());
        ctx.out().printf("wrote %s (%d nodes, was %d; %.1f ms in %d passes)%n", out, written.nodes(),
                r.input().model().graph().nodes().size(), r.totalNanos() / 1e6, r.records().size());
        return Cli.OK;
    }

    private static void printChanges(CliContext ctx, Snapshot before, Snapshot after) {
        ModelDiff d = ModelDiffer.pipeline(before.model(), after.model());
        ctx.out().println("     *** " + after.afterPass() + ": " + d.summary());
        for (NodeDiff n : d.rows()) {
            if (n.state() == NodeState.SAME) continue;
            String line = switch (n.state()) {
                case NEW -> "+ " + n.newId() + " " + n.opType() + (n.related().isEmpty() ? "" : " <- " + String.join(", ", n.related()));
                case DELETED -> "- " + n.oldId() + " " + n.opType();
                default -> "~ " + n.newId() + " " + n.opType() + ": " + String.join("; ", n.changes().stream().map(Object::toString).toList());
            };
            ctx.out().println("       " + line);
        }
    }

    private static String fileName(Snapshot s) {
        return String.format("%02d-%s.onnx", s.step(), s.afterPass());
    }

    private static void write(String dir, Snapshot s) throws StudioException {
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new StudioException(dir, "", "cannot create folder: " + e.getMessage());
        }
        OnnxWriter.write(s.model(), Path.of(dir, fileName(s)));
    }
}
