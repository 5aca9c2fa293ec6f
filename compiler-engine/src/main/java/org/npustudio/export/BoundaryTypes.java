package org.npustudio.export;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.TensorInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.runtime.OrtTensors;

/**
 * Types of boundary tensors our shape inference could not derive, asked of ONNX Runtime: the whole
 * (legalized) model is loaded once with those tensors added as extra, untyped graph outputs, and ORT's own
 * inference, which it needs to choose kernels, reports their element types and shapes (unknown dims stay
 * unknown; a shape ORT reports as rank 0 is left out, as ORT reports an unknown rank that way too). No
 * inputs are needed, as nothing is run.
 */
final class BoundaryTypes {
    private BoundaryTypes() {}

    /** Value infos for the {@code names} ORT could type; names it could not are left out. */
    static Map<String, OnnxProto.ValueInfoProto> fromOrt(OnnxProto.ModelProto model, Set<String> names, String modelName)
            throws StudioException {
        OnnxProto.GraphProto.Builder g = model.getGraph().toBuilder();
        Set<String> outputs = new java.util.HashSet<>();
        for (var o : g.getOutputList()) outputs.add(o.getName());
        for (String n : names) if (!outputs.contains(n)) g.addOutput(OnnxProto.ValueInfoProto.newBuilder().setName(n));
        byte[] bytes = model.toBuilder().setGraph(g).build().toByteArray();
        Map<String, OnnxProto.ValueInfoProto> out = new HashMap<>();
        try (OrtRunner r = OrtRunner.open(bytes, modelName + " (with boundary tensors as outputs)", OrtRunner.Options.DETERMINISTIC)) {
            Map<String, NodeInfo> info = r.outputInfo();
            for (String n : names) {
                NodeInfo ni = info.get(n);
                if (ni != null && ni.getInfo() instanceof TensorInfo t) {
                    DataType dt = OrtTensors.dataType(t.onnxType);
                    if (dt != null && dt != DataType.UNDEFINED) out.put(n, valueInfo(n, dt, t.getShape()));
                }
            }
        }
        return out;
    }

    private static OnnxProto.ValueInfoProto valueInfo(String name, DataType type, long[] dims) {
        OnnxProto.TensorShapeProto.Builder shape = OnnxProto.TensorShapeProto.newBuilder();
        for (long d : dims) {
            OnnxProto.TensorShapeProto.Dimension.Builder dim = OnnxProto.TensorShapeProto.Dimension.newBuilder();
            if (d >= 0) dim.setDimValue(d);
            shape.addDim(dim);
        }
        OnnxProto.TypeProto.Tensor.Builder tensor = OnnxProto.TypeProto.Tensor.newBuilder().setElemType(type.code());
        // ORT reports an unknown shape as rank 0, which cannot be told from a scalar: leave such a shape out
        if (dims.length > 0) tensor.setShape(shape);
        return OnnxProto.ValueInfoProto.newBuilder().setName(name).setType(OnnxProto.TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
