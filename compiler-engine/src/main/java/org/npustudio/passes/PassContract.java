package org.npustudio.passes;

import java.util.List;
import java.util.function.Function;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.TypeInfo;
import org.npustudio.legalize.FusedOps;
import org.npustudio.shape.ShapeInference;

/**
 * What a pass needs before it runs and guarantees after. {@link PassManager} checks both: a pass whose
 * requirement does not hold is skipped and the pipeline log says why (instead of the pass silently
 * finding nothing to do); a pass that does not deliver what it provides fails, naming the property.
 */
public record PassContract(List<Property> requires, List<Property> provides) {
    public static final PassContract NONE = new PassContract(List.of(), List.of());

    public PassContract {
        requires = List.copyOf(requires);
        provides = List.copyOf(provides);
    }

    public static PassContract requires(Property... p) { return new PassContract(List.of(p), List.of()); }

    public PassContract andProvides(Property... p) { return new PassContract(requires, List.of(p)); }

    /** A checkable property of a model: {@code unmet} gives why it does not hold, or null when it does. */
    public record Property(String name, Function<Model, String> unmet) {
        public String whyNot(Model m) { return unmet.apply(m); }

        @Override public String toString() { return name; }
    }

    /** The default-domain opset is at least {@code n}. */
    public static Property opsetAtLeast(long n) {
        return new Property("opset >= " + n, m -> {
            long v = m.opsetVersion("");
            return v >= n ? null : "the model imports opset " + v + ", this pass needs " + n + " or later";
        });
    }

    /** No fused operator (domain org.npustudio) in the main graph: folding passes look for plain Conv/Gemm. */
    public static final Property NO_FUSED_OPS = new Property("no fused operators", m -> {
        for (Node n : m.graph().nodes()) {
            if (FusedOps.DOMAIN.equals(n.domain())) {
                return "fused operator " + n.opType() + " '" + n.id() + "' hides the Conv/Gemm it would fold into (run it before fusion, or legalize first)";
            }
        }
        return null;
    });

    /**
     * Shapes inferred: every value a node of the main graph reads has a declared type of known rank,
     * except values made by operators no shape rule covers (custom ops).
     */
    public static final Property SHAPES_INFERRED = new Property("shapes inferred", m -> {
        var g = m.graph();
        var ruled = ShapeInference.supportedOperators();
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (in.isEmpty()) continue;
                Node p = g.producer(in);
                if (p != null && (!GraphEdits.isDefaultDomain(p) || !ruled.contains(p.opType()))) continue;
                if (!(g.typeOf(in) instanceof TypeInfo.TensorType t) || t.shape() == null) {
                    if (g.typeOf(in) != null && !(g.typeOf(in) instanceof TypeInfo.TensorType)) continue;
                    return "value '" + in + "' (read by " + n.opType() + " '" + n.id() + "') has no known shape; run shape-inference first";
                }
            }
        }
        return null;
    });

    /** No value_info entry with an unknown element type (ONNX Runtime refuses element type 0). */
    public static final Property TYPED_VALUE_INFO = new Property("typed value_info", m -> {
        List<String> p = Verifier.untypedValueInfo(m.graph());
        return p.isEmpty() ? null : p.get(0);
    });
}
