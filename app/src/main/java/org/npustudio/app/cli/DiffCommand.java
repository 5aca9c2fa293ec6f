package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.app.ModelFiles;
import org.npustudio.diff.Change;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.ModelDiffer;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.json.JsonWriter;

/** {@code npustudio diff A.onnx B.onnx [--json]}: node-by-node comparison of two models. */
@Command(name = "diff", description = "compare two models node by node: matched, changed, added, removed",
        footer = """
                Nodes are matched by name, then by op type and matched neighbours, so two exports of one model
                by different tools still line up. A matched node is changed when its operator, attributes,
                inputs, output shapes or constant inputs differ; each change is listed as old -> new.""")
final class DiffCommand extends StudioCommand {
    @Parameters(index = "0", paramLabel = "A.onnx", description = "the first model")
    String a;

    @Parameters(index = "1", paramLabel = "B.onnx", description = "the second model")
    String b;

    @Option(names = "--json", description =
            "one JSON object: a, b, matched, same, changed, added, removed (counts) and changedNodes, "
            + "addedNodes, removedNodes (lists)")
    boolean json;

    @Override
    public int run() throws StudioException {
        List<String> files = List.of(a, b);
        Model ma = ModelFiles.open(Path.of(files.get(0))), mb = ModelFiles.open(Path.of(files.get(1)));
        ModelDiff d = ModelDiffer.models(ma, mb);
        long same = d.count(NodeState.SAME), changed = d.count(NodeState.CHANGED);
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("a", files.get(0));
            j.put("b", files.get(1));
            j.put("matched", same + changed);
            j.put("same", same);
            j.put("changed", changed);
            j.put("added", d.count(NodeState.NEW));
            j.put("removed", d.count(NodeState.DELETED));
            j.put("changedNodes", d.withState(NodeState.CHANGED).stream().map(DiffCommand::json).toList());
            j.put("addedNodes", d.withState(NodeState.NEW).stream().map(DiffCommand::json).toList());
            j.put("removedNodes", d.withState(NodeState.DELETED).stream().map(DiffCommand::json).toList());
            ctx.out().println(JsonWriter.write(j));
            return Cli.OK;
        }
        ctx.out().printf("matched %d (same %d, changed %d), added %d, removed %d%n", same + changed, same, changed,
                d.count(NodeState.NEW), d.count(NodeState.DELETED));
        for (NodeDiff n : d.withState(NodeState.CHANGED)) {
            ctx.out().println("changed " + label(n) + ":");
            for (Change c : n.changes()) ctx.out().println("    " + c);
        }
        for (NodeDiff n : d.withState(NodeState.NEW)) ctx.out().println("added   " + n.newId() + " (" + n.opType() + ")");
        for (NodeDiff n : d.withState(NodeState.DELETED)) ctx.out().println("removed " + n.oldId() + " (" + n.opType() + ")");
        return Cli.OK;
    }

    private static String label(NodeDiff n) {
        return (n.oldId().equals(n.newId()) ? n.oldId() : n.oldId() + " -> " + n.newId()) + " (" + n.opType() + ")";
    }

    private static Map<String, Object> json(NodeDiff n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", n.oldId());
        m.put("b", n.newId());
        m.put("op", n.opType());
        if (n.state() == NodeState.CHANGED) {
            m.put("changes", n.changes().stream().map(c -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kind", c.kind().name().toLowerCase());
                x.put("key", c.key());
                x.put("before", c.before());
                x.put("after", c.after());
                return (Object) x;
            }).toList());
        }
        return m;
    }
}
