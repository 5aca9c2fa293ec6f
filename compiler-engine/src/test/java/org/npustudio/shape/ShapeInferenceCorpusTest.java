package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.testdata.SharedData;
import org.npustudio.testdata.TestData;

/**
 * Runs inference over every ONNX backend node test whose operators all have a rule, with every
 * declared output type removed first, and compares each graph output with the expected output tensor.
 * A case whose output shape depends on the value of a graph input (e.g. a Reshape target fed as an
 * input) cannot be resolved from the model alone: it is listed with the reason the report gives, and
 * must then match once the test inputs are pinned as known values.
 */
class ShapeInferenceCorpusTest {
    private static final String[] COLUMNS = {"cases", "matched", "data-dep", "mismatch", "other-op"};

    @Test
    void nodeCorpusOutputsMatchExpectedTensors(@SharedData("onnx-testdata/node") Path dir) throws Exception {
        Set<String> supported = ShapeInference.supportedOperators();
        Map<String, int[]> perOp = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> dataDependent = new ArrayList<>();
        int[] total = new int[COLUMNS.length];
        int outOfScope = 0;
        for (Path caseDir : caseDirs(dir)) {
            NodeCase nc = NodeCase.load(caseDir);
            Set<String> ops = nc.ops();
            if (!supported.containsAll(ops)) {
                outOfScope++;
                for (String op : ops) if (supported.contains(op)) row(perOp, op)[4]++;
                continue;
            }
            int column;
            Run run = check(nc, false);
            List<String> problems = run.problems();
            if (problems.isEmpty()) {
                column = 1;
            } else {
                ShapeInferenceReport pure = run.report();
                List<String> pinnedProblems = check(NodeCase.load(caseDir), true).problems();
                if (pure.count(ShapeInferenceReport.Status.DATA_DEPENDENT) > 0 && pinnedProblems.isEmpty()) {
                    column = 2;
                    dataDependent.add(nc.name() + ": " + pure.withStatus(ShapeInferenceReport.Status.DATA_DEPENDENT)
                            .stream().map(ShapeInferenceReport.NodeResult::describe).toList());
                } else {
                    column = 3;
                    mismatches.add(nc.name() + " " + ops + ": " + problems + " | report: " + pure.nodes().stream()
                            .filter(r -> r.status() != ShapeInferenceReport.Status.INFERRED)
                            .map(ShapeInferenceReport.NodeResult::describe).toList());
                }
            }
            total[0]++;
            total[column]++;
            for (String op : ops) {
                row(perOp, op)[0]++;
                row(perOp, op)[column]++;
            }
        }
        printTable(perOp, total, outOfScope);
        System.out.println("Data-dependent cases (shape needs a graph input's value; verified with inputs pinned): "
                + dataDependent.size());
        dataDependent.forEach(s -> System.out.println("  " + s));
        mismatches.forEach(s -> System.out.println("MISMATCH " + s));
        assertTrue(total[0] > 0, "no node test case uses only supported operators");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + total[0] + " cases mismatch, first: "
                + mismatches.subList(0, Math.min(10, mismatches.size())));
    }

    private record Run(List<String> problems, ShapeInferenceReport report) {}

    /** Infers the stripped model (optionally with test inputs pinned) and lists output disagreements. */
    private static Run check(NodeCase nc, boolean pinInputs) throws Exception {
        Graph g = nc.model().graph();
        List<TypeInfo> declared = g.outputs().stream().map(v -> v.type()).toList();
        nc.stripDeclaredTypes();
        Map<String, Tensor> known = pinInputs ? nc.inputValues() : Map.of();
        ShapeInferenceReport report = ShapeInference.infer(nc.model(), g, known);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < g.outputs().size(); i++) {
            OnnxProto.TensorProto expected = declared.get(i) instanceof TypeInfo.TensorType ? nc.expectedOutput(i) : null;
            String want = expected != null ? describe(expected) : describe(declared.get(i));
            String got = describe(g.outputs().get(i).type());
            if (!want.equals(got)) problems.add("output '" + g.outputs().get(i).name() + "' expected " + want + " got " + got);
        }
        return new Run(problems, report);
    }

    static String describe(OnnxProto.TensorProto t) {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        return DataType.fromCode(t.getDataType()) + Shape.fromSizes(dims).toString();
    }

    static String describe(TypeInfo t) {
        if (t == null) return "unknown";
        if (t instanceof TypeInfo.TensorType tt) {
            return tt.elemType() + (tt.shape() == null ? "[?rank]" : tt.shape().toString());
        }
        if (t instanceof TypeInfo.SequenceType s) return "seq(" + describe(s.elemType()) + ")";
        if (t instanceof TypeInfo.OptionalType o) return "opt(" + describe(o.elemType()) + ")";
        return t.getClass().getSimpleName();
    }

    private static int[] row(Map<String, int[]> m, String op) {
        return m.computeIfAbsent(op, k -> new int[COLUMNS.length]);
    }

    private static void printTable(Map<String, int[]> perOp, int[] total, int outOfScope) {
        StringBuilder b = new StringBuilder("\nShape inference over onnx-testdata/node (per op: cases using it)\n");
        b.append(String.format("%-26s", "op"));
        for (String c : COLUMNS) b.append(String.format("%10s", c));
        b.append('\n');
        perOp.forEach((op, r) -> {
            b.append(String.format("%-26s", op));
            for (int v : r) b.append(String.format("%10d", v));
            b.append('\n');
        });
        b.append(String.format("%-26s", "TOTAL (in-scope cases)"));
        for (int k = 0; k < 4; k++) b.append(String.format("%10d", total[k]));
        b.append(String.format("%10d", outOfScope)).append("  (other-op: cases skipped, an op has no rule)\n");
        System.out.println(b);
    }

    /** The node test cases (folders with a model.onnx); an empty folder fails. */
    static List<Path> caseDirs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return TestData.nonEmpty(s.filter(p -> Files.exists(p.resolve("model.onnx"))).sorted().toList(),
                    "node test cases in " + dir);
        }
    }
}
