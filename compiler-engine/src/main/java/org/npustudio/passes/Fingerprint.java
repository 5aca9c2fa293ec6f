package org.npustudio.passes;

import java.util.Arrays;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * A 64-bit structural hash of a model's graph and the bodies nested in it: nodes (id, op, wiring, attributes, provenance),
 * interface, value types, initializer names and opset imports. Tensors count by identity (not by
 * content), which is exact within one pipeline because a pass that does not touch a weight keeps the
 * same immutable object; so hashing a 100 MB model costs microseconds per node, never a weight read.
 * Only meaningful for comparing states of one model within one process.
 */
public final class Fingerprint {
    private long h = 0xcbf29ce484222325L;

    private Fingerprint() {}

    public static long of(Model m) {
        Fingerprint f = new Fingerprint();
        for (OpsetId o : m.opsetImports()) f.add(o.domain()).add(o.version());
        f.add(ofGraph(m.graph()));
        return f.h;
    }

    static long ofGraph(Graph g) {
        Fingerprint f = new Fingerprint();
        f.add(g.nodes().size());
        for (Node n : g.nodes()) {
            f.add(n.id()).add(n.opType()).add(n.domain()).add(n.name());
            f.add(n.inputs().size());
            for (String s : n.inputs()) f.add(s);
            f.add(n.outputs().size());
            for (String s : n.outputs()) f.add(s);
            for (Attribute a : n.attributes().values()) f.add(a.name()).add(attributeHash(a));
            for (String p : n.provenance()) f.add(p);
        }
        for (ValueInfo v : g.inputs()) f.add(v.hashCode());
        f.add(-1);
        for (ValueInfo v : g.outputs()) f.add(v.hashCode());
        f.add(-2);
        for (ValueInfo v : g.valueInfos()) f.add(v.hashCode());
        f.add(-3);
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) {
            f.add(e.getKey()).add(System.identityHashCode(e.getValue()));
        }
        return f.h;
    }

    static long attributeHash(Attribute a) {
        Object v = a.value();
        int k = a.kind().ordinal();
        if (v instanceof long[] l) return 31L * k + Arrays.hashCode(l);
        if (v instanceof float[] fl) return 31L * k + Arrays.hashCode(fl);
        if (v instanceof Long || v instanceof Float || v instanceof com.google.protobuf.ByteString) return 31L * k + v.hashCode();
        // bodies by content: passes edit them in place, and a copy must fingerprint like its original
        if (v instanceof Graph body) return 31L * k + ofGraph(body);
        if (a.kind() == Attribute.Kind.GRAPHS) {
            long h = 31L * k;
            for (Graph body : a.asGraphs()) h = h * 1_000_003L + ofGraph(body);
            return h;
        }
        return 31L * k + System.identityHashCode(v);
    }

    private Fingerprint add(String s) {
        for (int i = 0; i < s.length(); i++) mix(s.charAt(i));
        mix(0x1f);
        return this;
    }

    private Fingerprint add(long v) {
        mix(v);
        return this;
    }

    private void mix(long v) {
        h ^= v;
        h *= 0x100000001b3L;
        h ^= h >>> 29;
    }
}
