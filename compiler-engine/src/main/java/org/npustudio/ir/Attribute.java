package org.npustudio.ir;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * An immutable node attribute. The value's Java type follows the kind:
 * FLOAT Float, INT Long, STRING ByteString, TENSOR Tensor, GRAPH Graph, FLOATS float[], INTS long[],
 * STRINGS List&lt;ByteString&gt;, TENSORS List&lt;Tensor&gt;, GRAPHS List&lt;Graph&gt;, and the rarely used
 * sparse-tensor and type-proto kinds keep their protobuf message(s).
 * {@code typeDeclared} records whether the file carried the type field (old exporters omit it).
 */
public final class Attribute {
    public enum Kind {
        UNDEFINED, FLOAT, INT, STRING, TENSOR, GRAPH, FLOATS, INTS, STRINGS, TENSORS, GRAPHS,
        SPARSE_TENSOR, SPARSE_TENSORS, TYPE_PROTO, TYPE_PROTOS
    }

    private final String name;
    private final Kind kind;
    private final Object value;
    private final String refAttrName;
    private final String docString;
    private final boolean typeDeclared;
    private final UnknownFieldSet unknownFields;

    public Attribute(String name, Kind kind, Object value, String refAttrName, String docString,
                     boolean typeDeclared, UnknownFieldSet unknownFields) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.refAttrName = refAttrName == null ? "" : refAttrName;
        this.docString = docString == null ? "" : docString;
        this.typeDeclared = typeDeclared;
        this.unknownFields = unknownFields == null ? UnknownFieldSet.getDefaultInstance() : unknownFields;
    }

    public static Attribute of(String name, long v) { return make(name, Kind.INT, v); }

    public static Attribute of(String name, float v) { return make(name, Kind.FLOAT, v); }

    public static Attribute of(String name, String v) {
        return make(name, Kind.STRING, ByteString.copyFromUtf8(v));
    }

    public static Attribute of(String name, long... v) { return make(name, Kind.INTS, v.clone()); }

    public static Attribute of(String name, float... v) { return make(name, Kind.FLOATS, v.clone()); }

    public static Attribute of(String name, Tensor v) { return make(name, Kind.TENSOR, v); }

    public static Attribute of(String name, Graph v) { return make(name, Kind.GRAPH, v); }

    private static Attribute make(String name, Kind kind, Object v) {
        return new Attribute(name, kind, v, "", "", true, null);
    }

    public String name() { return name; }

    public Kind kind() { return kind; }

    public Object value() { return value; }

    public String refAttrName() { return refAttrName; }

    public String docString() { return docString; }

    public boolean typeDeclared() { return typeDeclared; }

    public UnknownFieldSet unknownFields() { return unknownFields; }

    public long asLong() { return (Long) value; }

    public float asFloat() { return (Float) value; }

    public String asString() { return ((ByteString) value).toString(StandardCharsets.UTF_8); }

    public long[] asLongs() { return ((long[]) value).clone(); }

    public float[] asFloats() { return ((float[]) value).clone(); }

    public Tensor asTensor() { return (Tensor) value; }

    public Graph asGraph() { return (Graph) value; }

    @SuppressWarnings("unchecked")
    public List<Graph> asGraphs() { return (List<Graph>) value; }

    @SuppressWarnings("unchecked")
    public List<ByteString> asByteStrings() { return (List<ByteString>) value; }

    @SuppressWarnings("unchecked")
    public List<Tensor> asTensors() { return (List<Tensor>) value; }

    /** Subgraphs held by this attribute (If/Loop/Scan bodies), empty for other kinds. */
    public List<Graph> subgraphs() {
        return switch (kind) {
            case GRAPH -> value == null ? List.of() : List.of((Graph) value);
            case GRAPHS -> asGraphs();
            default -> List.of();
        };
    }

    /** Short human-readable form for labels and the inspector. */
    public String display() {
        return switch (kind) {
            case FLOAT, INT -> String.valueOf(value);
            case STRING -> asString();
            case INTS -> Arrays.toString((long[]) value);
            case FLOATS -> Arrays.toString((float[]) value);
            case STRINGS -> asByteStrings().stream().map(ByteString::toStringUtf8).toList().toString();
            case TENSOR -> "tensor " + asTensor().dataType().displayName() + Arrays.toString(asTensor().dims());
            case GRAPH -> "graph " + asGraph().name() + " (" + asGraph().nodes().size() + " nodes)";
            case GRAPHS -> asGraphs().size() + " graphs";
            case TENSORS -> asTensors().size() + " tensors";
            default -> kind.name().toLowerCase();
        };
    }

    @Override
    public String toString() {
        return name + "=" + display();
    }

    /** Wire type code for this kind. */
    OnnxProto.AttributeProto.AttributeType wireType() {
        return OnnxProto.AttributeProto.AttributeType.valueOf(kind.name());
    }
}
