package org.npustudio.npusim.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.npusim.work.BodyWork;
import org.npustudio.npusim.work.OpWork;
import org.npustudio.npusim.work.Uncosted;
import org.npustudio.npusim.work.UnknownWork;

/**
 * If, Loop and Scan costed through their bodies (mapped recursively; bodies see the enclosing graphs'
 * shapes). If: the branch taken when the condition is a constant, else the dearer branch. Loop: body x
 * trips, trips from a constant M (or a constant false condition: none), else from the user's
 * {@code --loop-trips}, else not costed. Scan: body x the scan length read from the first scan input's shape.
 */
final class ControlFlowMapper {
    private ControlFlowMapper() {}

    static boolean handles(String op) { return op.equals("If") || op.equals("Loop") || op.equals("Scan"); }

    /** The node's inputs, then the values its bodies capture from enclosing graphs (scheduling dependencies), then the body slot "". */
    static List<String> inputsOf(Node n) {
        Set<String> all = new LinkedHashSet<>(n.inputs());
        for (Graph g : n.subgraphs()) all.addAll(g.outerScopeReferences());
        all.remove("");
        List<String> out = new ArrayList<>(n.inputs());
        for (String v : all) if (!n.inputs().contains(v)) out.add(v);
        out.add("");
        return out;
    }

    static List<String> outputsOf(Node n) {
        List<String> out = new ArrayList<>(n.outputs());
        out.add("");
        return out;
    }

    static OpWork work(OnnxWorkMapper m, Node n) {
        return switch (n.opType()) {
            case "If" -> ifWork(m, n);
            case "Loop" -> loopWork(m, n);
            default -> scanWork(m, n);
        };
    }

    private static OpWork ifWork(OnnxWorkMapper m, Node n) {
        Graph then = graph(n, "then_branch");
        Graph otherwise = graph(n, "else_branch");
        if (then == null || otherwise == null) return m.unknown(n, "If without both branches", Uncosted.UNKNOWN_SHAPE, none(n), flags(n));
        long[] cond = m.shapes().constantLongs(n.input(0));
        if (cond != null && cond.length == 1) {
            boolean taken = cond[0] != 0;
            List<OpWork> body = m.mapBody(taken ? then : otherwise, Map.of());
            if (uncosted(body) != null) return rethrow(m, n, uncosted(body));
            return body(n, "If: " + (taken ? "then" : "else") + "-branch (condition constant)", body, 1);
        }
        List<OpWork> a = m.mapBody(then, Map.of());
        if (uncosted(a) != null) return rethrow(m, n, uncosted(a));
        List<OpWork> b = m.mapBody(otherwise, Map.of());
        if (uncosted(b) != null) return rethrow(m, n, uncosted(b));
        boolean thenDearer = dearer(a, b);
        return body(n, "If: " + (thenDearer ? "then" : "else") + "-branch, dearer of two branches", thenDearer ? a : b, 1);
    }

    private static OpWork loopWork(OnnxWorkMapper m, Node n) {
        Graph g = graph(n, "body");
        if (g == null) return m.unknown(n, "Loop without a body", Uncosted.UNKNOWN_SHAPE, none(n), flags(n));
        Long trips = m.loopTrips(n.id());
        String label;
        if (trips != null) {
            label = "Loop: " + trips + " trips (--loop-trips)";
        } else {
            long[] max = n.inputs().isEmpty() || n.input(0).isEmpty() ? null : m.shapes().constantLongs(n.input(0));
            long[] cond = n.inputs().size() < 2 || n.input(1).isEmpty() ? null : m.shapes().constantLongs(n.input(1));
            if (max != null && max.length == 1 && max[0] >= 0) {
                trips = max[0];
                label = "Loop: " + trips + " trips (constant M" + (cond == null ? "; the condition may end it sooner)" : ")");
                if (cond != null && cond.length == 1 && cond[0] == 0) {
                    trips = 0L;
                    label = "Loop: 0 trips (constant false condition)";
                }
            } else if (cond != null && cond.length == 1 && cond[0] == 0) {
                trips = 0L;
                label = "Loop: 0 trips (constant false condition)";
            } else {
                return m.unknown(n, "the trip count is not a constant; give it with --loop-trips " + n.id() + "=N",
                        Uncosted.UNKNOWN_TRIP_COUNT, none(n), flags(n));
            }
        }
        Map<String, long[]> in = new HashMap<>();
        List<String> bodyInputs = g.inputs().stream().map(v -> v.name()).toList();
        if (bodyInputs.size() > 0) in.put(bodyInputs.get(0), new long[0]);
        if (bodyInputs.size() > 1) in.put(bodyInputs.get(1), new long[0]);
        for (int i = 2; i < bodyInputs.size() && i < n.inputs().size(); i++) in.put(bodyInputs.get(i), m.shapes().get(n.input(i)));
        List<OpWork> body = m.mapBody(g, in);
        if (uncosted(body) != null) return rethrow(m, n, uncosted(body));
        return body(n, label, body, trips);
    }

    private static OpWork scanWork(OnnxWorkMapper m, Node n) {
        Graph g = graph(n, "body");
        long scans = n.attrLong("num_scan_inputs", -1);
        if (g == null || scans <= 0 || scans > n.inputs().size()) {
            return m.unknown(n, "Scan without a body or num_scan_inputs", Uncosted.UNKNOWN_SHAPE, none(n), flags(n));
        }
        int states = n.inputs().size() - (int) scans;
        long[] axes = n.attrLongs("scan_input_axes");
        Map<String, long[]> in = new HashMap<>();
        List<String> bodyInputs = g.inputs().stream().map(v -> v.name()).toList();
        long length = -1;
        for (int i = 0; i < n.inputs().size() && i < bodyInputs.size(); i++) {
            long[] s = m.shapes().get(n.input(i));
            if (i < states) {
                in.put(bodyInputs.get(i), s);
                continue;
            }
            if (s == null) {
                return m.unknown(n, "the shape of scan input '" + n.input(i) + "' is unknown", Uncosted.UNKNOWN_SHAPE, none(n), flags(n));
            }
            int j = i - states;
            int axis = (int) (axes != null && j < axes.length ? axes[j] : 0);
            if (axis < 0) axis += s.length;
            if (axis < 0 || axis >= s.length) return m.unknown(n, "scan axis out of range", Uncosted.UNKNOWN_SHAPE, none(n), flags(n));
            if (length < 0) length = s[axis];
            long[] slice = new long[s.length - 1];
            for (int k = 0, t = 0; k < s.length; k++) if (k != axis) slice[t++] = s[k];
            in.put(bodyInputs.get(i), slice);
        }
        List<OpWork> body = m.mapBody(g, in);
        if (uncosted(body) != null) return rethrow(m, n, uncosted(body));
        return body(n, "Scan: " + length + " steps (scan length from shapes)", body, Math.max(0, length));
    }

    /** Dearer branch: more MACs, then more element operations and elements moved. */
    private static boolean dearer(List<OpWork> a, List<OpWork> b) {
        long ma = macs(a), mb = macs(b);
        if (ma != mb) return ma > mb;
        return elements(a) >= elements(b);
    }

    private static long macs(List<OpWork> body) {
        long s = 0;
        for (OpWork w : body) s += w.macs();
        return s;
    }

    private static double elements(List<OpWork> body) {
        double s = 0;
        for (OpWork w : body) {
            for (long v : w.inputElements()) s += v;
            for (long v : w.outputElements()) s += v;
            if (w instanceof org.npustudio.npusim.work.VectorWork v) s += v.workElements();
        }
        return s;
    }

    private static UnknownWork uncosted(List<OpWork> body) {
        return body.size() == 1 && body.get(0) instanceof UnknownWork u ? u : null;
    }

    private static UnknownWork rethrow(OnnxWorkMapper m, Node n, UnknownWork inner) {
        return m.unknown(n, inner.reason(), inner.kind(), none(n), flags(n));
    }

    private static BodyWork body(Node n, String label, List<OpWork> body, long trips) {
        int ins = inputsOf(n).size();
        long[] out = new long[n.outputs().size() + 1];
        return new BodyWork(n.opType(), label, body, trips, new long[ins], new boolean[ins], out);
    }

    private static Graph graph(Node n, String attr) {
        Attribute a = n.attribute(attr);
        return a == null || a.kind() != Attribute.Kind.GRAPH ? null : a.asGraph();
    }

    private static long[] none(Node n) { return new long[n.inputs().size()]; }

    private static boolean[] flags(Node n) { return new boolean[n.inputs().size()]; }
}
