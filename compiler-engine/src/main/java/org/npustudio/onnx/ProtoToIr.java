package org.npustudio.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.ExternalData;
import org.npustudio.ir.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.onnx.ModelLoadException.Kind;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * Converts parsed protobuf messages into the IR. Checks field-level validity (dimensions, tensor sizes,
 * external data locations) and reports the place of any problem; structural checks live in
 * {@link ModelValidator}. Subgraph nesting is bounded by protobuf's own recursion limit.
 */
final class ProtoToIr {
    private final String file;
    private final Path baseDir;
    private final NodeIdAllocator ids;

    ProtoToIr(String file, Path baseDir, NodeIdAllocator ids) {
        this.file = file;
        this.baseDir = baseDir;
        this.ids = ids;
    }

    Model model(OnnxProto.ModelProto p) throws ModelLoadException {
        Model m = new Model(graph(p.getGraph(), "graph '" + p.getGraph().getName() + "'"));
        m.setIrVersion(p.getIrVersion());
        m.setProducerName(p.getProducerName());
        m.setProducerVersion(p.getProducerVersion());
        m.setDomain(p.getDomain());
        m.setModelVersion(p.getModelVersion());
        m.setDocString(p.getDocString());
        for (OnnxProto.OperatorSetIdProto o : p.getOpsetImportList()) m.opsetImports().add(opset(o));
        m.setMetadata(entries(p.getMetadataPropsList()));
        for (OnnxProto.FunctionProto f : p.getFunctionsList()) m.functions().add(function(f));
        m.setUnknownFields(p.getUnknownFields());
        return m;
    }

    private static OpsetId opset(OnnxProto.OperatorSetIdProto o) {
        return new OpsetId(o.getDomain(), o.getVersion());
    }

    private Function function(OnnxProto.FunctionProto f) throws ModelLoadException {
        String where = "function '" + f.getDomain() + "." + f.getName() + "'";
        Graph body = new Graph(f.getName());
        for (int i = 0; i < f.getNodeCount(); i++) body.addNode(node(f.getNode(i), where, i));
        List<Attribute> defaults = new ArrayList<>();
        for (OnnxProto.AttributeProto a : f.getAttributeProtoList()) defaults.add(attribute(a, where));
        List<OpsetId> opsets = new ArrayList<>();
        for (OnnxProto.OperatorSetIdProto o : f.getOpsetImportList()) opsets.add(opset(o));
        List<ValueInfo> vis = new ArrayList<>();
        for (OnnxProto.ValueInfoProto v : f.getValueInfoList()) vis.add(valueInfo(v, where));
        return new Function(f.getName(), f.getDomain(), f.getOverload(), f.getInputList(), f.getOutputList(),
                f.getAttributeList(), defaults, body, opsets, vis, f.getDocString(), entries(f.getMetadataPropsList()),
                f.getUnknownFields());
    }

    Graph graph(OnnxProto.GraphProto p, String where) throws ModelLoadException {
        Graph g = new Graph(p.getName());
        g.setDocString(p.getDocString());
        for (OnnxProto.ValueInfoProto v : p.getInputList()) g.addInput(valueInfo(v, where + " input"));
        for (OnnxProto.ValueInfoProto v : p.getOutputList()) g.addOutput(valueInfo(v, where + " output"));
        for (OnnxProto.ValueInfoProto v : p.getValueInfoList()) g.putValueInfo(valueInfo(v, where + " value_info"));
        for (OnnxProto.TensorProto t : p.getInitializerList()) {
            g.putInitializer(tensor(t, where + " initializer '" + t.getName() + "'"));
        }
        g.sparseInitializers().addAll(p.getSparseInitializerList());
        g.quantizationAnnotations().addAll(p.getQuantizationAnnotationList());
        for (int i = 0; i < p.getNodeCount(); i++) g.addNode(node(p.getNode(i), where, i));
        g.setMetadata(entries(p.getMetadataPropsList()));
        g.setUnknownFields(p.getUnknownFields());
        return g;
    }

    private Node node(OnnxProto.NodeProto p, String where, int position) throws ModelLoadException {
        String place = where + " node " + position + (p.getName().isEmpty() ? "" : " '" + p.getName() + "'")
                + " (" + p.getOpType() + ")";
        if (p.getOpType().isEmpty()) throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "node has no op_type");
        Node n = new Node(ids.allocate(p.getName(), p.getOpType()), p.getName(), p.getOpType(), p.getDomain(),
                p.getInputList(), p.getOutputList());
        n.setOverload(p.getOverload());
        n.setDocString(p.getDocString());
        n.setMetadata(entries(p.getMetadataPropsList()));
        n.setUnknownFields(p.getUnknownFields());
        for (OnnxProto.AttributeProto a : p.getAttributeList()) {
            if (n.attribute(a.getName()) != null) {
                throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "attribute '" + a.getName() + "' appears twice");
            }
            n.setAttribute(attribute(a, place + " attribute '" + a.getName() + "'"));
        }
        return n;
    }

    private Attribute attribute(OnnxProto.AttributeProto a, String place) throws ModelLoadException {
        boolean declared = a.hasType() && a.getType() != OnnxProto.AttributeProto.AttributeType.UNDEFINED;
        Attribute.Kind kind = declared ? Attribute.Kind.valueOf(a.getType().name()) : inferKind(a);
        Object value = switch (kind) {
            case FLOAT -> a.getF();
            case INT -> a.getI();
            case STRING -> a.getS();
            case TENSOR -> tensor(a.getT(), place);
            case GRAPH -> graph(a.getG(), place + " graph '" + a.getG().getName() + "'");
            case FLOATS -> toArray(a.getFloatsList());
            case INTS -> a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            case STRINGS -> List.copyOf(a.getStringsList());
            case TENSORS -> {
                List<Tensor> ts = new ArrayList<>();
                for (OnnxProto.TensorProto t : a.getTensorsList()) ts.add(tensor(t, place));
                yield List.copyOf(ts);
            }
            case GRAPHS -> {
                List<Graph> gs = new ArrayList<>();
                for (OnnxProto.GraphProto g : a.getGraphsList()) gs.add(graph(g, place + " graph '" + g.getName() + "'"));
                yield List.copyOf(gs);
            }
            case SPARSE_TENSOR -> a.getSparseTensor();
            case SPARSE_TENSORS -> List.copyOf(a.getSparseTensorsList());
            case TYPE_PROTO -> a.getTp();
            case TYPE_PROTOS -> List.copyOf(a.getTypeProtosList());
            case UNDEFINED -> null;
        };
        return new Attribute(a.getName(), kind, value, a.getRefAttrName(), a.getDocString(), declared, a.getUnknownFields());
    }

    /** Pre-IR-v2 files omit the type; take it from whichever value field is set. */
    private static Attribute.Kind inferKind(OnnxProto.AttributeProto a) {
        if (a.hasF()) return Attribute.Kind.FLOAT;
        if (a.hasI()) return Attribute.Kind.INT;
        if (a.hasS()) return Attribute.Kind.STRING;
        if (a.hasT()) return Attribute.Kind.TENSOR;
        if (a.hasG()) return Attribute.Kind.GRAPH;
        if (a.getFloatsCount() > 0) return Attribute.Kind.FLOATS;
        if (a.getIntsCount() > 0) return Attribute.Kind.INTS;
        if (a.getStringsCount() > 0) return Attribute.Kind.STRINGS;
        if (a.getTensorsCount() > 0) return Attribute.Kind.TENSORS;
        if (a.getGraphsCount() > 0) return Attribute.Kind.GRAPHS;
        return Attribute.Kind.UNDEFINED;
    }

    private static float[] toArray(List<Float> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }

    Tensor tensor(OnnxProto.TensorProto t, String place) throws ModelLoadException {
        DataType type = DataType.fromCode(t.getDataType());
        if (type == null) {
            throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "unknown tensor data_type " + t.getDataType());
        }
        long count = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) throw new ModelLoadException(Kind.BAD_DIMENSION, file, place, "negative dimension " + d + " in " + t.getDimsList());
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new ModelLoadException(Kind.BAD_DIMENSION, file, place, "dimensions " + t.getDimsList() + " overflow a 64-bit element count");
            }
        }
        if (t.hasSegment()) return new Tensor(t, null); // a chunk: sizes refer to the whole tensor
        if (t.getDataLocation() == OnnxProto.TensorProto.DataLocation.EXTERNAL) {
            ExternalData ext = external(t, place);
            long need = type.bytesFor(count);
            if (type != DataType.STRING && ext.length() >= 0 && ext.length() < need) {
                throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data holds " + ext.length()
                        + " bytes but the tensor needs " + need);
            }
            return new Tensor(t, ext);
        }
        if (t.hasRawData() && type != DataType.STRING) {
            long need = type.bytesFor(count);
            if (type == DataType.COMPLEX64 || type == DataType.COMPLEX128) need *= 2;
            if (t.getRawData().size() != need) {
                throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "raw_data has " + t.getRawData().size()
                        + " bytes but dims " + t.getDimsList() + " of " + type.displayName() + " need " + need);
            }
        } else if (!t.hasRawData() && type != DataType.UNDEFINED) {
            checkTypedCount(t, type, count, place);
        }
        return new Tensor(t, null);
    }

    /** Values in the typed field (float_data, int32_data, ...) must match dims, or decoding would read past them. */
    private void checkTypedCount(OnnxProto.TensorProto t, DataType type, long count, String place) throws ModelLoadException {
        long have = switch (type) {
            case FLOAT, COMPLEX64 -> t.getFloatDataCount();
            case DOUBLE, COMPLEX128 -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            case UINT32, UINT64 -> t.getUint64DataCount();
            case STRING -> t.getStringDataCount();
            default -> t.getInt32DataCount();
        };
        long need = switch (type) {
            case COMPLEX64, COMPLEX128 -> 2 * count;
            case INT4, UINT4, FLOAT4E2M1 -> (count + 1) / 2;
            case INT2, UINT2 -> (count + 3) / 4;
            default -> count;
        };
        if (have != need) {
            throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "the tensor holds " + have + " values but dims "
                    + t.getDimsList() + " of " + type.displayName() + " need " + need);
        }
    }

    private ExternalData external(OnnxProto.TensorProto t, String place) throws ModelLoadException {
        String location = null;
        long offset = 0;
        long length = -1;
        for (OnnxProto.StringStringEntryProto e : t.getExternalDataList()) {
            try {
                switch (e.getKey()) {
                    case "location" -> location = e.getValue();
                    case "offset" -> offset = Long.parseLong(e.getValue().trim());
                    case "length" -> length = Long.parseLong(e.getValue().trim());
                    default -> { } // checksum and future keys are kept in the proto
                }
            } catch (NumberFormatException ex) {
                throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data " + e.getKey()
                        + " is not a number: '" + e.getValue() + "'");
            }
        }
        if (location == null || location.isEmpty()) {
            throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data has no location");
        }
        if (offset < 0 || length < -1) {
            throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data offset/length negative");
        }
        Path resolved = ExternalDataPaths.resolve(baseDir, location, file, place);
        if (!Files.isRegularFile(resolved)) {
            throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data file '" + location + "' not found beside the model");
        }
        try {
            long size = Files.size(resolved);
            long end = length >= 0 ? offset + length : offset;
            if (end > size) {
                throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "external data range [" + offset + ", " + end
                        + ") lies outside '" + location + "' (" + size + " bytes)");
            }
        } catch (java.io.IOException e) {
            throw new ModelLoadException(Kind.EXTERNAL_DATA, file, place, "cannot read external data file '" + location + "': " + e.getMessage(), e);
        }
        return new ExternalData(location, resolved, offset, length);
    }

    ValueInfo valueInfo(OnnxProto.ValueInfoProto v, String where) throws ModelLoadException {
        String place = where + " '" + v.getName() + "'";
        TypeInfo type = v.hasType() ? type(v.getType(), place) : null;
        return new ValueInfo(v.getName(), type, v.getDocString(), entries(v.getMetadataPropsList()), v.getUnknownFields());
    }

    private TypeInfo type(OnnxProto.TypeProto t, String place) throws ModelLoadException {
        String den = t.hasDenotation() ? t.getDenotation() : null;
        return switch (t.getValueCase()) {
            case TENSOR_TYPE -> {
                OnnxProto.TypeProto.Tensor tt = t.getTensorType();
                yield new TypeInfo.TensorType(elem(tt.getElemType(), place), tt.hasShape() ? shape(tt.getShape(), place) : null,
                        den, t.getUnknownFields());
            }
            case SPARSE_TENSOR_TYPE -> {
                OnnxProto.TypeProto.SparseTensor st = t.getSparseTensorType();
                yield new TypeInfo.SparseTensorType(elem(st.getElemType(), place), st.hasShape() ? shape(st.getShape(), place) : null,
                        den, t.getUnknownFields());
            }
            case SEQUENCE_TYPE -> new TypeInfo.SequenceType(
                    t.getSequenceType().hasElemType() ? type(t.getSequenceType().getElemType(), place) : null, den, t.getUnknownFields());
            case OPTIONAL_TYPE -> new TypeInfo.OptionalType(
                    t.getOptionalType().hasElemType() ? type(t.getOptionalType().getElemType(), place) : null, den, t.getUnknownFields());
            case MAP_TYPE -> new TypeInfo.MapType(elem(t.getMapType().getKeyType(), place),
                    t.getMapType().hasValueType() ? type(t.getMapType().getValueType(), place) : null, den, t.getUnknownFields());
            case OPAQUE_TYPE -> new TypeInfo.OpaqueType(t.getOpaqueType().getDomain(), t.getOpaqueType().getName(), den, t.getUnknownFields());
            case VALUE_NOT_SET -> new TypeInfo.UnspecifiedType(den, t.getUnknownFields());
        };
    }

    private DataType elem(int code, String place) throws ModelLoadException {
        DataType d = DataType.fromCode(code);
        if (d == null) throw new ModelLoadException(Kind.INVALID_FIELD, file, place, "unknown element type " + code);
        return d;
    }

    private Shape shape(OnnxProto.TensorShapeProto s, String place) throws ModelLoadException {
        List<Dim> dims = new ArrayList<>(s.getDimCount());
        long known = 1;
        for (OnnxProto.TensorShapeProto.Dimension d : s.getDimList()) {
            String den = d.hasDenotation() ? d.getDenotation() : null;
            switch (d.getValueCase()) {
                case DIM_VALUE -> {
                    if (d.getDimValue() < 0) {
                        throw new ModelLoadException(Kind.BAD_DIMENSION, file, place, "negative dimension " + d.getDimValue());
                    }
                    try {
                        known = Math.multiplyExact(known, d.getDimValue());
                    } catch (ArithmeticException e) {
                        throw new ModelLoadException(Kind.BAD_DIMENSION, file, place, "the dimensions overflow a 64-bit element count");
                    }
                    dims.add(new Dim(d.getDimValue(), null, den));
                }
                case DIM_PARAM -> dims.add(new Dim(-1, d.getDimParam(), den));
                default -> dims.add(new Dim(-1, null, den));
            }
        }
        return Shape.of(dims);
    }

    static Map<String, String> entries(List<OnnxProto.StringStringEntryProto> list) {
        Map<String, String> m = new LinkedHashMap<>();
        for (OnnxProto.StringStringEntryProto e : list) m.put(e.getKey(), e.getValue());
        return m;
    }

}
