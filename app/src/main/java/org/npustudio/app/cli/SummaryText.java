package org.npustudio.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.analysis.Quantities;
import org.npustudio.analysis.ValueSummary;
import org.npustudio.ir.OpsetId;

/** The human-readable form of a {@link ModelSummary}, as {@code npustudio inspect} prints it. */
final class SummaryText {
    private SummaryText() {}

    static void print(ModelSummary s, String file, PrintStream out) {
        row(out, "Model", s.name() + "  (" + file + ")");
        row(out, "IR version", Long.toString(s.irVersion()));
        String producer = (s.producerName() + " " + s.producerVersion()).strip();
        row(out, "Producer", producer.isEmpty() ? "(not recorded)" : producer);
        row(out, "Opsets", opsets(s.opsets()));
        values(out, "Inputs", s.inputs());
        values(out, "Outputs", s.outputs());
        row(out, "Nodes", Quantities.grouped(s.nodes())
                + (s.subgraphNodes() > 0 ? " (+ " + Quantities.grouped(s.subgraphNodes()) + " in subgraphs)" : ""));
        row(out, "Parameters", Quantities.grouped(s.params()) + " in " + s.initializers()
                + (s.initializers() == 1 ? " initializer, " : " initializers, ") + Quantities.bytes(s.paramBytes()));
        row(out, "MACs", cost(s, s.knownMacs()));
        row(out, "FLOPs", cost(s, s.knownFlops()));
        out.println("Operators");
        histogram(out, s.opHistogram());
        if (!s.subgraphOpHistogram().isEmpty()) {
            out.println("Operators in subgraphs");
            histogram(out, s.subgraphOpHistogram());
        }
    }

    /** Exact when every node is costed; otherwise a lower bound that says how many nodes are missing. */
    static String cost(ModelSummary s, long known) {
        if (s.unknownCostNodes() == 0) return Quantities.grouped(known) + " (" + Quantities.si(known) + ")";
        if (s.unknownCostNodes() == s.nodes()) return "unknown (no node has known shapes)";
        if (known == 0) {
            return "unknown (" + s.unknownCostNodes() + " of " + s.nodes() + " nodes not costed: their shapes are not known)";
        }
        return ">= " + Quantities.grouped(known) + " (" + s.unknownCostNodes() + " of " + s.nodes()
                + " nodes not costed: their shapes are not known)";
    }

    static String opsets(List<OpsetId> opsets) {
        if (opsets.isEmpty()) return "(none)";
        StringBuilder b = new StringBuilder();
        for (OpsetId o : opsets) {
            if (b.length() > 0) b.append(", ");
            b.append(OpsetId.isDefaultDomain(o.domain()) ? "ai.onnx" : o.domain()).append(' ').append(o.version());
        }
        return b.toString();
    }

    private static void values(PrintStream out, String label, List<ValueSummary> vs) {
        if (vs.isEmpty()) {
            row(out, label, "(none)");
            return;
        }
        int width = 0;
        for (ValueSummary v : vs) width = Math.max(width, v.name().length());
        for (int i = 0; i < vs.size(); i++) {
            ValueSummary v = vs.get(i);
            row(out, i == 0 ? label : "", String.format("%-" + width + "s  %s", v.name(), v.typeText()));
        }
    }

    private static void histogram(PrintStream out, Map<String, Integer> ops) {
        int width = 0;
        for (String op : ops.keySet()) width = Math.max(width, op.length());
        for (Map.Entry<String, Integer> e : ops.entrySet()) {
            out.printf("  %-" + width + "s  %6d%n", e.getKey(), e.getValue());
        }
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("%-12s%s%n", label, value);
    }
}
