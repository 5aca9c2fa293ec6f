package org.npustudio.shape;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.proto.OnnxProto;

/** One ONNX backend-test case folder: model.onnx plus test_data_set_0/{input,output}_N.pb. */
record NodeCase(String name, Path dir, Model model) {
    static NodeCase load(Path dir) throws Exception {
        return new NodeCase(dir.getFileName().toString(), dir, OnnxReader.read(dir.resolve("model.onnx")));
    }

    /** Operator types used by the main graph (default domain unqualified, others as domain:op). */
    Set<String> ops() {
        Set<String> s = new TreeSet<>();
        for (Node n : model.graph().nodes()) s.add(n.domain().isEmpty() || n.domain().equals("ai.onnx")
                ? n.opType() : n.domain() + ":" + n.opType());
        return s;
    }

    /** Removes every declared type of a node output, so inference cannot copy anything from the file. */
    void stripDeclaredTypes() {
        Graph g = model.graph();
        for (ValueInfo v : g.valueInfos()) g.removeValueInfo(v.name());
        List<ValueInfo> outs = new ArrayList<>();
        for (ValueInfo o : g.outputs()) outs.add(o.withType(null));
        g.setOutputs(outs);
    }

    /** The expected tensor of output i, or null when the file is not a TensorProto or is missing. */
    OnnxProto.TensorProto expectedOutput(int i) throws IOException {
        return tensorFile(dir.resolve("test_data_set_0/output_" + i + ".pb"));
    }

    /** Test inputs by graph input name (graph inputs that are not initializers, in order). */
    Map<String, Tensor> inputValues() throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int k = 0;
        for (ValueInfo in : model.graph().inputs()) {
            if (model.graph().isInitializer(in.name())) continue;
            OnnxProto.TensorProto t = tensorFile(dir.resolve("test_data_set_0/input_" + k++ + ".pb"));
            if (t != null) out.put(in.name(), Tensor.of(t));
        }
        return out;
    }

    private static OnnxProto.TensorProto tensorFile(Path p) throws IOException {
        if (!Files.exists(p)) return null;
        try {
            return OnnxProto.TensorProto.parseFrom(Files.readAllBytes(p));
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }
}
