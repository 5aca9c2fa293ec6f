package org.npustudio.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.runtime.InputValues;
import org.npustudio.runtime.RandomInputs;
import org.npustudio.testdata.RealModel;
import org.npustudio.testdata.TestData;

/**
 * The real-model corpus (root src/test/resources/real-models/models.yaml) for compiler-engine tests:
 * each entry's file (checked in, or in the fetch cache) with the input shapes and values a user gives.
 * Shapes are set on the graph inputs directly (the CLI's binding is not this module's).
 */
public record CorpusModels(String file, Path path, Map<String, long[]> shapes, Map<String, Long> values, Map<String, String> expect) {
    /** Every corpus entry whose file is present (TestData: fetched ones missing are reported on the console). */
    public static List<CorpusModels> present() {
        List<CorpusModels> out = new ArrayList<>();
        for (RealModel m : TestData.presentRealModels()) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (String input : m.inputs().keySet()) shapes.put(input, m.dims(input));
            Map<String, Long> values = new LinkedHashMap<>();
            m.values().forEach((k, v) -> values.put(k, Long.parseLong(v)));
            out.add(new CorpusModels(m.file(), m.path(), shapes, values, m.expect()));
        }
        return out;
    }

    /** The model read and validated, with the entry's input shapes set on its graph inputs. */
    public Model read() throws Exception {
        Model m = OnnxReader.read(path);
        Graph g = m.graph();
        List<ValueInfo> ins = new ArrayList<>();
        for (ValueInfo v : g.inputs()) {
            long[] dims = shapes.get(v.name());
            if (dims != null && v.type() instanceof TypeInfo.TensorType t) v = v.withType(t.withShape(Shape.of(dims)));
            ins.add(v);
        }
        g.setInputs(ins);
        return m;
    }

    /**
     * As {@link #read()}, then specialised for the entry's input values (silero's sr=16000) as
     * {@code --input-value} does: bound to 1x512, ONNX Runtime refuses silero v5/v6 with their 8 kHz
     * branch still in.
     */
    public Model readSpecialised() throws Exception {
        Model m = read();
        if (values.isEmpty()) return m;
        org.npustudio.shape.ShapeInference.infer(m);
        List<String> texts = new ArrayList<>();
        values.forEach((k, v) -> texts.add(k + "=" + v));
        org.npustudio.onnx.Specialization.apply(m, texts);
        return m;
    }

    /** What models.yaml expects of a step of the chain ("ok" when it says nothing). */
    public String expected(String step) { return expect.getOrDefault(step, "ok"); }

    /** Gaussian float inputs; the entry's fixed values (e.g. a sample rate) in place of random ones, as --input-value fills them. */
    public Map<String, Tensor> inputs(Model m, long seed) throws Exception {
        Map<String, Tensor> in = RandomInputs.forGraph(m.graph(), seed, RandomInputs.Distribution.GAUSSIAN);
        List<String> texts = new ArrayList<>();
        values.forEach((k, v) -> { if (in.containsKey(k)) texts.add(k + "=" + v); });
        in.putAll(InputValues.parse(texts, m.graph()));
        return in;
    }

    @Override public String toString() { return file; }
}
