package org.npustudio.app.lesson.check;

import java.util.List;
import java.util.Set;
import org.npustudio.app.lesson.CheckContext;
import org.npustudio.app.lesson.CheckRule;
import org.npustudio.app.lesson.Measure;
import org.npustudio.app.lesson.MeasureType;
import org.npustudio.app.lesson.Measures;
import org.npustudio.app.lesson.Numbers;
import org.npustudio.app.lesson.Workspaces;
import org.npustudio.error.StudioException;

/**
 * A measure compared with a value: the generic {@code measure} check, and {@code latency_max_us} and
 * {@code dram_bytes_max} (the simulator's latency or DRAM bytes, end to end or of one node, at most a value).
 */
public record MeasureCheck(Measure measure, Compare compare, double value) implements CheckRule {
    static MeasureCheck parse(CheckParams p) throws StudioException {
        var m = p.child("measure");
        if (m == null) throw p.node().error("missing required key 'measure'");
        return new MeasureCheck(MeasureReader.read(m), p.compare(), p.number("value"));
    }

    static MeasureCheck latencyMax(CheckParams p) throws StudioException {
        return new MeasureCheck(simulated(MeasureType.LATENCY_US, p), Compare.LE, p.number("us"));
    }

    static MeasureCheck dramBytesMax(CheckParams p) throws StudioException {
        return new MeasureCheck(simulated(MeasureType.DRAM_BYTES, p), Compare.LE, p.number("bytes"));
    }

    /** A simulator measure from a check's own {@code node} (or {@code nodes}), {@code npu} and {@code fuse} keys. */
    static Measure simulated(MeasureType type, CheckParams p) throws StudioException {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String key : type.params()) {
            String v = p.optText(key);
            if (v != null) params.put(key, v);
        }
        if (params.containsKey("fuse") && Measures.fuse(params.get("fuse")) == null) {
            throw p.place("fuse").error("unknown fuse '" + params.get("fuse") + "'; use none, auto or plan");
        }
        return new Measure(type, params, MeasureReader.nodes(type, p), Measure.On.WORKSPACE, p.place());
    }

    @Override public String describe() { return measure.describe() + " " + compare.symbol() + " " + Numbers.format(value); }

    @Override public List<Measure> measures() { return List.of(measure); }

    @Override public Set<String> artifacts() { return artifactsOf(measure); }

    @Override
    public Outcome evaluate(CheckContext ctx) throws StudioException {
        double v = Measures.compute(measure, ctx.work());
        return Outcome.of(compare.holds(v, value), measure.describe() + " is " + Numbers.format(v));
    }

    static Set<String> artifactsOf(Measure m) {
        if (!m.type().simulated()) return Set.of(Workspaces.MODEL);
        return Set.of(Workspaces.MODEL, m.param("npu") == null ? Workspaces.NPU : m.param("npu"));
    }
}
