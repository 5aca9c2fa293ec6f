package org.npustudio.export;

import java.util.List;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.plan.PartitionBoundary;

/**
 * One partition as a standalone ONNX model.
 *
 * @param inputs  its graph inputs (original tensor names), in order
 * @param outputs its graph outputs (original tensor names), in order
 */
public record PartitionModel(String name, String device, OnnxProto.ModelProto proto, PartitionBoundary boundary,
                             List<String> inputs, List<String> outputs, int nodeCount) {
    public byte[] bytes() { return proto.toByteArray(); }
}
