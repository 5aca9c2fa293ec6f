package org.npustudio.onnx;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * Converts the IR back to protobuf messages. Fields the IR left at their defaults are not set, so a
 * model read and written again gives the same message; unknown fields are written back.
 * {@code tensorWriter} decides how each constant tensor is stored (inline, or moved to external data).
 */
final class IrToProto {
    private final boolean nameUnnamedNodes;
    private final UnaryOperator<Tensor> tensorWriter;

    IrToProto(boolean nameUnnamedNodes, UnaryOperator<Tensor> tensorWriter) {
        this.nameUnnamedNodes = nameUnnamedNodes;
        this.tensorWriter = tensorWriter;
    }

    OnnxProto.ModelProto model(Model m) {
        OnnxProto.ModelProto.Builder b = OnnxProto.ModelProto.newBuilder();
        b.setIrVersion(m.irVersion());
        if (!m.producerName().isEmpty()) b.setProducerName(m.producerName());
        if (!m.producerVersion().isEmpty()) b.setProducerVersion(m.producerVersion());
        if (!m.domain().isEmpty()) b.setDomain(m.domain());
        if (m.modelVersion() != 0) b.setModelVersion(m.modelVersion());
        if (!m.docString().isEmpty()) b.setDocString(m.docString());
        for (OpsetId o : m.opsetImports()) b.addOpsetImport(opset(o));
        b.addAllMetadataProps(entries(m.metadata()));
        b.setGraph(graph(m.graph()));
        for (Function f : m.functions()) b.addFunctions(function(f));
        b.setUnknownFields(m.unknownFields());
        return b.build();
    }

    private static OnnxProto.OperatorSetIdProto opset(OpsetId o) {
        // Producers (ONNX's helper, PyTorch) always write the domain, "" included.
        return OnnxProto.OperatorSetIdProto.newBuilder().setDomain(o.domain()).setVersion(o.version()).build();
    }

    private OnnxProto.FunctionProto function(Function f) {
        OnnxProto.FunctionProto.Builder b = OnnxProto.FunctionProto.newBuilder().setName(f.name());
        if (!f.domain().isEmpty()) b.setDomain(f.domain());
        if (!f.overload().isEmpty()) b.setOverload(f.overload());
        b.addAllInput(f.inputs()).addAllOutput(f.outputs()).addAllAttribute(f.attributeNames());
        for (Attribute a : f.attributeDefaults()) b.addAttributeProto(attribute(a));
        for (Node n : f.body().nodes()) b.addNode(node(n));
        if (!f.docString().isEmpty()) b.setDocString(f.docString());
        for (OpsetId o : f.opsetImports()) b.addOpsetImport(opset(o));
        for (ValueInfo v : f.valueInfos()) b.addValueInfo(valueInfo(v));
        b.addAllMetadataProps(entries(f.metadata()));
        b.setUnknownFields(f.unknownFields());
        return b.build();
    }

    OnnxProto.GraphProto graph(Graph g) {
        OnnxProto.GraphProto.Builder b = OnnxProto.GraphProto.newBuilder();
        if (!g.name().isEmpty()) b.setName(g.name());
        if (!g.docString().isEmpty()) b.setDocString(g.docString());
        for (Node n : g.nodes()) b.addNode(node(n));
        for (Tensor t : g.initializers().values()) b.addInitializer(tensor(t));
        b.addAllSparseInitializer(g.sparseInitializers());
        for (ValueInfo v : g.inputs()) b.addInput(valueInfo(v));
        for (ValueInfo v : g.outputs()) b.addOutput(valueInfo(v));
        for (ValueInfo v : g.valueInfos()) b.addValueInfo(valueInfo(v));
        b.addAllQuantizationAnnotation(g.quantizationAnnotations());
        b.addAllMetadataProps(entries(g.metadata()));
        b.setUnknownFields(g.unknownFields());
        return b.build();
    }

    OnnxProto.NodeProto node(Node n) {
        OnnxProto.NodeProto.Builder b = OnnxProto.NodeProto.newBuilder();
        b.addAllInput(n.inputs()).addAllOutput(n.outputs());
        if (!n.name().isEmpty()) b.setName(n.name());
        else if (nameUnnamedNodes) b.setName(n.id());
        b.setOpType(n.opType());
        if (!n.domain().isEmpty()) b.setDomain(n.domain());
        if (!n.overload().isEmpty()) b.setOverload(n.overload());
        for (Attribute a : n.attributes().values()) b.addAttribute(attribute(a));
        if (!n.docString().isEmpty()) b.setDocString(n.docString());
        b.addAllMetadataProps(entries(n.metadata()));
        b.setUnknownFields(n.unknownFields());
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private OnnxProto.AttributeProto attribute(Attribute a) {
        OnnxProto.AttributeProto.Builder b = OnnxProto.AttributeProto.newBuilder().setName(a.name());
        if (a.typeDeclared()) b.setType(OnnxProto.AttributeProto.AttributeType.valueOf(a.kind().name()));
        if (!a.refAttrName().isEmpty()) b.setRefAttrName(a.refAttrName());
        if (!a.docString().isEmpty()) b.setDocString(a.docString());
        Object v = a.value();
        if (v != null) {
            switch (a.kind()) {
                case FLOAT -> b.setF((Float) v);
                case INT -> b.setI((Long) v);
                case STRING -> b.setS((com.google.protobuf.ByteString) v);
                case TENSOR -> b.setT(tensor((Tensor) v));
                case GRAPH -> b.setG(graph((Graph) v));
                case FLOATS -> { for (float f : (float[]) v) b.addFloats(f); }
                case INTS -> { for (long l : (long[]) v) b.addInts(l); }
                case STRINGS -> b.addAllStrings((List<com.google.protobuf.ByteString>) v);
                case TENSORS -> { for (Tensor t : (List<Tensor>) v) b.addTensors(tensor(t)); }
                case GRAPHS -> { for (Graph g : (List<Graph>) v) b.addGraphs(graph(g)); }
                case SPARSE_TENSOR -> b.setSparseTensor((OnnxProto.SparseTensorProto) v);
                case SPARSE_TENSORS -> b.addAllSparseTensors((List<OnnxProto.SparseTensorProto>) v);
                case TYPE_PROTO -> b.setTp((OnnxProto.TypeProto) v);
                case TYPE_PROTOS -> b.addAllTypeProtos((List<OnnxProto.TypeProto>) v);
                case UNDEFINED -> { }
            }
        }
        b.setUnknownFields(a.unknownFields());
        return b.build();
    }

    private OnnxProto.TensorProto tensor(Tensor t) {
        return tensorWriter.apply(t).proto();
    }

    static OnnxProto.ValueInfoProto valueInfo(ValueInfo v) {
        OnnxProto.ValueInfoProto.Builder b = OnnxProto.ValueInfoProto.newBuilder().setName(v.name());
        if (v.type() != null) b.setType(type(v.type()));
        if (v.docString() != null && !v.docString().isEmpty()) b.setDocString(v.docString());
        b.addAllMetadataProps(entries(v.metadata()));
        b.setUnknownFields(v.unknownFields());
        return b.build();
    }

    static OnnxProto.TypeProto type(TypeInfo t) {
        OnnxProto.TypeProto.Builder b = OnnxProto.TypeProto.newBuilder();
        if (t instanceof TypeInfo.TensorType tt) {
            OnnxProto.TypeProto.Tensor.Builder x = OnnxProto.TypeProto.Tensor.newBuilder().setElemType(tt.elemType().code());
            if (tt.shape() != null) x.setShape(shape(tt.shape()));
            b.setTensorType(x);
        } else if (t instanceof TypeInfo.SparseTensorType st) {
            OnnxProto.TypeProto.SparseTensor.Builder x = OnnxProto.TypeProto.SparseTensor.newBuilder().setElemType(st.elemType().code());
            if (st.shape() != null) x.setShape(shape(st.shape()));
            b.setSparseTensorType(x);
        } else if (t instanceof TypeInfo.SequenceType sq) {
            OnnxProto.TypeProto.Sequence.Builder x = OnnxProto.TypeProto.Sequence.newBuilder();
            if (sq.elemType() != null) x.setElemType(type(sq.elemType()));
            b.setSequenceType(x);
        } else if (t instanceof TypeInfo.OptionalType op) {
            OnnxProto.TypeProto.Optional.Builder x = OnnxProto.TypeProto.Optional.newBuilder();
            if (op.elemType() != null) x.setElemType(type(op.elemType()));
            b.setOptionalType(x);
        } else if (t instanceof TypeInfo.MapType mp) {
            OnnxProto.TypeProto.Map.Builder x = OnnxProto.TypeProto.Map.newBuilder().setKeyType(mp.keyType().code());
            if (mp.valueType() != null) x.setValueType(type(mp.valueType()));
            b.setMapType(x);
        } else if (t instanceof TypeInfo.OpaqueType oq) {
            OnnxProto.TypeProto.Opaque.Builder x = OnnxProto.TypeProto.Opaque.newBuilder();
            if (!oq.domain().isEmpty()) x.setDomain(oq.domain());
            if (!oq.name().isEmpty()) x.setName(oq.name());
            b.setOpaqueType(x);
        }
        if (t.denotation() != null) b.setDenotation(t.denotation());
        b.setUnknownFields(t.unknownFields());
        return b.build();
    }

    private static OnnxProto.TensorShapeProto shape(Shape s) {
        OnnxProto.TensorShapeProto.Builder b = OnnxProto.TensorShapeProto.newBuilder();
        for (Dim d : s.dims()) {
            OnnxProto.TensorShapeProto.Dimension.Builder x = OnnxProto.TensorShapeProto.Dimension.newBuilder();
            if (d.isKnown()) x.setDimValue(d.value());
            else if (d.param() != null) x.setDimParam(d.param());
            if (d.denotation() != null) x.setDenotation(d.denotation());
            b.addDim(x);
        }
        return b.build();
    }

    static List<OnnxProto.StringStringEntryProto> entries(Map<String, String> m) {
        return m.entrySet().stream()
                .map(e -> OnnxProto.StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
                .toList();
    }
}
