package org.npustudio.npusim.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.npusim.sweep.SweepSpec.Axis;
import org.npustudio.npusim.sweep.SweepSpec.ModelSpec;
import org.npustudio.npusim.sweep.SweepSpec.PlanSpec;
import org.npustudio.npusim.sweep.SweepSpec.Sampling;
import org.npustudio.yaml.SafeYaml;
import org.npustudio.yaml.YamlException;
import org.npustudio.yaml.YamlNode;

/**
 * Reads a sweep file (docs/sweeps.md) through {@link SafeYaml}. Every mistake — an unknown key or parameter,
 * an empty range, a value the parameter cannot take — is one {@link YamlException} naming file, line and
 * problem. Relative paths resolve against the sweep file's folder.
 */
public final class SweepSpecReader {
    /** More values than this in one range is a typo, not a sweep. */
    static final int MAX_VALUES = 1_000_000;
    private static final Set<String> TOP = Set.of("version", "npu", "parameters", "sampling", "models", "plan");

    private SweepSpecReader() {}

    public static SweepSpec read(Path file) throws StudioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StudioException(file.toString(), "file", "cannot read: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    public static SweepSpec parse(String text, String source, Path baseDir) throws YamlException {
        YamlNode doc = SafeYaml.parse(text, source);
        if (!doc.isMapping()) throw doc.error("a sweep file is a mapping with npu, parameters, models, sampling and plan");
        for (String k : doc.unknownKeys(TOP)) throw doc.get(k).error("unknown key '" + k + "'; a sweep file has " + String.join(", ", sorted(TOP)));
        if (doc.has("version") && doc.require("version").longValue() != 1) {
            throw doc.require("version").error("unsupported version " + doc.require("version").text() + "; this NPU Studio reads version 1");
        }
        YamlNode npu = doc.require("npu");
        String npuFile = resolve(baseDir, npu.text(), npu);
        List<Axis> axes = axes(doc.require("parameters"));
        Sampling sampling = doc.has("sampling") ? sampling(doc.require("sampling")) : Sampling.GRID;
        List<ModelSpec> models = models(doc.require("models"), baseDir);
        PlanSpec plan = doc.has("plan") ? plan(doc.require("plan"), baseDir) : PlanSpec.NONE;
        return new SweepSpec(source, npuFile, axes, sampling, models, plan, text);
    }

    private static List<Axis> axes(YamlNode params) throws YamlException {
        if (!params.isMapping()) throw params.error("parameters is a mapping of parameter to values, e.g. array: [32, 64]");
        List<Axis> axes = new ArrayList<>();
        Set<Parameter> seen = new LinkedHashSet<>();
        for (Map.Entry<String, YamlNode> e : params.entries().entrySet()) {
            Parameter p = Parameter.of(e.getKey());
            YamlNode v = e.getValue();
            if (p == null) throw v.error("unknown parameter '" + e.getKey() + "'; parameters are " + String.join(", ", Parameter.keys()));
            seen.add(p);
            axes.add(new Axis(p, values(p, v), v.line()));
        }
        if (axes.isEmpty()) throw params.error("no parameters: give at least one, e.g. array: [32, 64]");
        if (seen.contains(Parameter.ARRAY) && (seen.contains(Parameter.ROWS) || seen.contains(Parameter.COLS))) {
            throw params.error("array sets rows and cols together; give either array or rows/cols");
        }
        return axes;
    }

    /** A list, one value, {@code {range: [a, b], step: s}} (b included when reached) or {@code {log2: [a, b]}} (a, 2a, 4a … ≤ b). */
    private static List<String> values(Parameter p, YamlNode v) throws YamlException {
        List<String> out = new ArrayList<>();
        if (v.isSequence()) {
            for (YamlNode item : v.items()) out.add(checked(p, item.text().trim(), item));
        } else if (v.isScalar()) {
            out.add(checked(p, v.text().trim(), v));
        } else {
            for (String k : v.unknownKeys(Set.of("range", "step", "log2"))) throw v.get(k).error("unknown key '" + k + "'; use range with step, or log2");
            if (!p.numeric()) throw v.error(p.key() + " takes a list of values, not a range");
            if (v.has("range") == v.has("log2")) throw v.error("give either range: [FROM, TO] with step, or log2: [FROM, TO]");
            if (v.has("range")) {
                BigDecimal[] ft = bounds(v.require("range"));
                YamlNode s = v.require("step");
                BigDecimal step = number(s);
                if (step.signum() <= 0) throw s.error("step must be above 0");
                if (ft[1].compareTo(ft[0]) < 0) throw v.require("range").error("empty range: " + ft[1].toPlainString() + " is below " + ft[0].toPlainString());
                for (BigDecimal x = ft[0]; x.compareTo(ft[1]) <= 0; x = x.add(step)) {
                    if (out.size() == MAX_VALUES) throw v.error("more than " + MAX_VALUES + " values in one range");
                    out.add(checked(p, x.stripTrailingZeros().toPlainString(), v));
                }
            } else {
                BigDecimal[] ft = bounds(v.require("log2"));
                if (ft[0].signum() <= 0) throw v.require("log2").error("a log2 range starts above 0");
                if (ft[1].compareTo(ft[0]) < 0) throw v.require("log2").error("empty range: " + ft[1].toPlainString() + " is below " + ft[0].toPlainString());
                for (BigDecimal x = ft[0]; x.compareTo(ft[1]) <= 0; x = x.add(x)) out.add(checked(p, x.stripTrailingZeros().toPlainString(), v));
            }
        }
        if (out.isEmpty()) throw v.error("empty range: " + p.key() + " has no values");
        if (new LinkedHashSet<>(out).size() != out.size()) throw v.error(p.key() + " lists a value twice");
        return out;
    }

    private static BigDecimal[] bounds(YamlNode n) throws YamlException {
        List<YamlNode> items = n.items();
        if (items.size() != 2) throw n.error("give two bounds: [FROM, TO]");
        return new BigDecimal[] {number(items.get(0)), number(items.get(1))};
    }

    private static BigDecimal number(YamlNode n) throws YamlException {
        try {
            return new BigDecimal(n.text().trim());
        } catch (NumberFormatException e) {
            throw n.error("'" + n.text() + "' is not a number");
        }
    }

    private static String checked(Parameter p, String value, YamlNode where) throws YamlException {
        String problem = p.problem(value);
        if (problem != null) throw where.error(problem);
        return p.kind() == Parameter.Kind.DATAFLOW || p.kind() == Parameter.Kind.PRECISION ? value.toLowerCase() : value;
    }

    private static Sampling sampling(YamlNode s) throws YamlException {
        if (s.isScalar()) {
            if (s.text().trim().equals("grid")) return Sampling.GRID;
            throw s.error("sampling is grid, {random: {count: N, seed: S}} or {lhs: {count: N, seed: S}}");
        }
        Map<String, YamlNode> e = s.entries();
        if (e.size() != 1) throw s.error("sampling has one kind: grid, random or lhs");
        String kind = e.keySet().iterator().next();
        YamlNode body = e.get(kind);
        Sampling.Kind k = switch (kind) {
            case "random" -> Sampling.Kind.RANDOM;
            case "lhs" -> Sampling.Kind.LHS;
            default -> throw body.error("unknown sampling '" + kind + "'; use grid, random or lhs");
        };
        for (String u : body.unknownKeys(Set.of("count", "seed"))) throw body.get(u).error("unknown key '" + u + "'; " + kind + " takes count and seed");
        long count = body.require("count").positiveLong();
        if (count > 10_000_000) throw body.require("count").error("count above 10,000,000; split the sweep");
        long seed = body.has("seed") ? body.require("seed").longValue() : 0;
        return new Sampling(k, (int) count, seed);
    }

    private static List<ModelSpec> models(YamlNode list, Path baseDir) throws YamlException {
        if (!list.isSequence()) throw list.error("models is a list, e.g. - sample: resnet50");
        List<ModelSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode m : list.items()) {
            for (String u : m.unknownKeys(Set.of("sample", "file", "name", "input_shapes", "dims"))) {
                throw m.get(u).error("unknown key '" + u + "'; a model has sample or file, and optionally name, input_shapes, dims");
            }
            if (m.has("sample") == m.has("file")) throw m.error("a model names either a sample or a file");
            String sample = m.has("sample") ? m.require("sample").text().trim() : null;
            String file = m.has("file") ? resolve(baseDir, m.require("file").text(), m.require("file")) : null;
            String name = m.has("name") ? m.require("name").text().trim()
                    : sample != null ? sample : stem(Path.of(file).getFileName().toString());
            if (!names.add(name)) throw m.error("two models are named '" + name + "'; give one a name:");
            List<String> shapes = new ArrayList<>();
            if (m.has("input_shapes")) {
                for (Map.Entry<String, YamlNode> e : m.require("input_shapes").entries().entrySet()) {
                    YamlNode v = e.getValue();
                    String dims = v.isSequence() ? String.join("x", v.textList()) : v.text().trim();
                    shapes.add(e.getKey() + "=" + dims);
                }
            }
            List<String> dims = new ArrayList<>();
            if (m.has("dims")) for (Map.Entry<String, YamlNode> e : m.require("dims").entries().entrySet()) dims.add(e.getKey() + "=" + e.getValue().text().trim());
            out.add(new ModelSpec(name, sample, file, shapes, dims, m.line()));
        }
        if (out.isEmpty()) throw list.error("no models: list at least one");
        return out;
    }

    private static PlanSpec plan(YamlNode p, Path baseDir) throws YamlException {
        if (p.isScalar()) {
            return switch (p.text().trim()) {
                case "none" -> PlanSpec.NONE;
                case "optimised", "optimized" -> new PlanSpec(PlanSpec.Kind.OPTIMISED, null, p.line());
                default -> throw p.error("plan is none, optimised, {fixed: PLAN.yaml} or {capability: DEVICES.yaml}");
            };
        }
        Map<String, YamlNode> e = p.entries();
        if (e.size() != 1) throw p.error("plan has one kind: none, fixed, capability or optimised");
        String kind = e.keySet().iterator().next();
        YamlNode v = e.get(kind);
        return switch (kind) {
            case "fixed" -> new PlanSpec(PlanSpec.Kind.FIXED, resolve(baseDir, v.text(), v), v.line());
            case "capability" -> new PlanSpec(PlanSpec.Kind.CAPABILITY, resolve(baseDir, v.text(), v), v.line());
            default -> throw v.error("unknown plan kind '" + kind + "'; use fixed or capability");
        };
    }

    private static String resolve(Path baseDir, String text, YamlNode where) throws YamlException {
        String t = text.trim();
        if (t.isEmpty()) throw where.error("empty path");
        Path p = Path.of(t);
        return (p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p)).toAbsolutePath().normalize().toString();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static List<String> sorted(Set<String> s) { return s.stream().sorted().toList(); }
}
