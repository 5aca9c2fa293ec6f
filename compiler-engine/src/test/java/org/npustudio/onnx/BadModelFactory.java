package org.npustudio.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.npustudio.onnx.ModelLoadException.Kind;
import org.npustudio.onnx.proto.OnnxProto.GraphProto;
import org.npustudio.onnx.proto.OnnxProto.ModelProto;
import org.npustudio.onnx.proto.OnnxProto.NodeProto;
import org.npustudio.onnx.proto.OnnxProto.StringStringEntryProto;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;
import org.npustudio.onnx.proto.OnnxProto.TensorShapeProto;
import org.npustudio.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Derives broken model files from a valid seed: damaged bytes (truncation, bit flips) and targeted
 * edits of the parsed protobuf that each break exactly one rule the reader must enforce.
 */
final class BadModelFactory {
    /** Kinds of damage; {@code expected} null means any ModelLoadException kind is acceptable. */
    enum Category {
        TRUNCATED(null), RANDOM_BYTES(null), BIT_FLIP(null), NOT_A_MODEL(Kind.NOT_A_MODEL), CYCLE(Kind.CYCLE),
        UNDEFINED_INPUT(Kind.UNDEFINED_INPUT), DUPLICATE_OUTPUT(Kind.DUPLICATE_OUTPUT), NEGATIVE_DIM(Kind.BAD_DIMENSION),
        DIM_OVERFLOW(Kind.BAD_DIMENSION), RAW_DATA_SIZE(Kind.INVALID_FIELD), TYPED_DATA_COUNT(Kind.INVALID_FIELD),
        OPAQUE_OPERATOR(null), UNKNOWN_DOMAIN(Kind.UNKNOWN_DOMAIN), EXTERNAL_DATA(Kind.EXTERNAL_DATA);

        final Kind expected;

        Category(Kind expected) { this.expected = expected; }

        /** A flip can land in weight bytes or a doc string and leave a valid model. */
        boolean mayLoad() { return this == BIT_FLIP || mustLoad(); }

        /** Unknown op names and unimported domains are never refused: such nodes load as opaque nodes. */
        boolean mustLoad() { return this == OPAQUE_OPERATOR; }
    }

    record BadCase(Category category, String name, byte[] bytes) {}

    /** Name of the 16-byte file the external-data cases point into, written beside them. */
    static final String SIDE_FILE = "side.bin";
    static final int SIDE_FILE_BYTES = 16;

    private final String seedName;
    private final byte[] seed;
    private final ModelProto model;
    private final Random random;
    private final List<BadCase> out = new ArrayList<>();

    private BadModelFactory(String seedName, byte[] seed) throws InvalidProtocolBufferException {
        this.seedName = seedName;
        this.seed = seed;
        this.model = ModelProto.parseFrom(seed);
        this.random = new Random(seedName.hashCode());
    }

    /** Every bad case for one seed; {@code damaged} sets how many truncations and how many bit flips. */
    static List<BadCase> derive(String seedName, byte[] seed, int damaged) throws InvalidProtocolBufferException {
        BadModelFactory f = new BadModelFactory(seedName, seed);
        f.truncations(damaged);
        f.bitFlips(damaged);
        f.structural();
        f.dimensions();
        f.tensorData();
        f.operators();
        f.externalData();
        return f.out;
    }

    /** Files that are not models at all; independent of any seed except for the embedded graph. */
    static List<BadCase> notModels(byte[] seed, int randomFiles) throws InvalidProtocolBufferException {
        ModelProto m = ModelProto.parseFrom(seed);
        List<BadCase> cases = new ArrayList<>();
        TensorProto t = TensorProto.newBuilder().setDataType(1).addDims(2).addFloatData(1f).addFloatData(2f).build();
        cases.add(new BadCase(Category.NOT_A_MODEL, "tensor_proto", t.toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "graph_proto", m.getGraph().toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "empty_model", ModelProto.getDefaultInstance().toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "producer_only", ModelProto.newBuilder().setProducerName("x").build().toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "graph_no_ir_version", m.toBuilder().clearIrVersion().build().toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "ir_version_zero", m.toBuilder().setIrVersion(0).build().toByteArray()));
        cases.add(new BadCase(Category.NOT_A_MODEL, "no_graph", m.toBuilder().clearGraph().build().toByteArray()));
        Random r = new Random(99);
        cases.add(new BadCase(Category.RANDOM_BYTES, "zeros", new byte[1000]));
        byte[] ff = new byte[1000];
        Arrays.fill(ff, (byte) 0xff);
        cases.add(new BadCase(Category.RANDOM_BYTES, "ones", ff));
        cases.add(new BadCase(Category.RANDOM_BYTES, "text", "ir_version: 8\ngraph { node { op_type: \"Relu\" } }\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new BadCase(Category.RANDOM_BYTES, "zip_header", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}));
        for (int i = 0; i < randomFiles; i++) {
            byte[] b = new byte[1 + r.nextInt(i % 4 == 0 ? 16 : 5000)];
            r.nextBytes(b);
            cases.add(new BadCase(Category.RANDOM_BYTES, "random_" + i, b));
        }
        return cases;
    }

    private void add(Category c, String what, byte[] bytes) {
        out.add(new BadCase(c, seedName + "_" + what, bytes));
    }

    private void add(Category c, String what, ModelProto m) {
        add(c, what, m.toByteArray());
    }

    private void truncations(int n) {
        for (int i = 0; i < n; i++) {
            // A few cuts in the first bytes (inside the header fields), the rest spread over the file.
            int at = i < 5 ? i + 1 : (int) ((long) (i - 4) * (seed.length - 1) / (n - 4));
            if (at <= 0 || at >= seed.length) continue;
            add(Category.TRUNCATED, "cut_" + at, Arrays.copyOf(seed, at));
        }
    }

    private void bitFlips(int n) {
        for (int i = 0; i < n; i++) {
            byte[] b = seed.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length);
                if (i % 2 == 0) b[at] ^= (byte) (1 << random.nextInt(8));
                else b[at] = (byte) random.nextInt(256);
            }
            add(Category.BIT_FLIP, (i % 2 == 0 ? "flip_" : "overwrite_") + i, b);
        }
    }

    private GraphProto.Builder graph(ModelProto.Builder m) {
        return m.getGraphBuilder();
    }

    /** Cycles, undefined inputs and duplicate outputs, made by rewiring node inputs and outputs. */
    private void structural() {
        GraphProto g = model.getGraph();
        int first = firstNodeWithInput(g);
        if (first >= 0) {
            NodeProto n = g.getNode(first);
            ModelProto.Builder self = model.toBuilder();
            graph(self).getNodeBuilder(first).setInput(0, n.getOutput(0));
            add(Category.CYCLE, "self_loop", self.build());
            int consumer = consumerAfter(g, first);
            if (consumer >= 0) {
                ModelProto.Builder loop = model.toBuilder();
                graph(loop).getNodeBuilder(first).setInput(0, g.getNode(consumer).getOutput(0));
                add(Category.CYCLE, "back_edge", loop.build());
            }
            ModelProto.Builder undefined = model.toBuilder();
            graph(undefined).getNodeBuilder(first).setInput(0, "no_such_value");
            add(Category.UNDEFINED_INPUT, "node_input", undefined.build());
        }
        int last = g.getNodeCount() - 1;
        if (last >= 0 && g.getNode(last).getInputCount() > 0) {
            ModelProto.Builder undefined = model.toBuilder();
            graph(undefined).getNodeBuilder(last).setInput(0, "never_produced");
            add(Category.UNDEFINED_INPUT, "last_node_input", undefined.build());
        }
        if (g.getOutputCount() > 0) {
            ModelProto.Builder danglingOutput = model.toBuilder();
            graph(danglingOutput).getOutputBuilder(0).setName("output_nobody_makes");
            add(Category.UNDEFINED_INPUT, "graph_output", danglingOutput.build());
        }
        if (g.getNodeCount() >= 2 && g.getNode(0).getOutputCount() > 0 && g.getNode(1).getOutputCount() > 0) {
            ModelProto.Builder dup = model.toBuilder();
            graph(dup).getNodeBuilder(1).setOutput(0, g.getNode(0).getOutput(0));
            add(Category.DUPLICATE_OUTPUT, "two_nodes", dup.build());
        }
        if (g.getInputCount() > 0 && g.getNodeCount() > 0 && g.getNode(0).getOutputCount() > 0) {
            ModelProto.Builder dup = model.toBuilder();
            graph(dup).getNodeBuilder(0).setOutput(0, g.getInput(0).getName());
            add(Category.DUPLICATE_OUTPUT, "node_overwrites_input", dup.build());
            ModelProto.Builder twice = model.toBuilder();
            graph(twice).addInput(g.getInput(0));
            add(Category.DUPLICATE_OUTPUT, "input_declared_twice", twice.build());
        }
    }

    private static int firstNodeWithInput(GraphProto g) {
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (n.getInputCount() > 0 && !n.getInput(0).isEmpty() && n.getOutputCount() > 0 && !n.getOutput(0).isEmpty()) return i;
        }
        return -1;
    }

    /** A later node that reads node i's first output, or -1. */
    private static int consumerAfter(GraphProto g, int i) {
        String value = g.getNode(i).getOutput(0);
        for (int j = i + 1; j < g.getNodeCount(); j++) {
            NodeProto n = g.getNode(j);
            if (n.getOutputCount() > 0 && !n.getOutput(0).isEmpty() && n.getInputList().contains(value)) return j;
        }
        return -1;
    }

    private void dimensions() {
        GraphProto g = model.getGraph();
        for (int k = 0; k < g.getInputCount(); k++) {
            if (!g.getInput(k).getType().hasTensorType()) continue;
            ModelProto.Builder neg = model.toBuilder();
            shapeOf(graph(neg).getInputBuilder(k)).addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(-3));
            add(Category.NEGATIVE_DIM, "input_dim", neg.build());
            ModelProto.Builder huge = model.toBuilder();
            TensorShapeProto.Builder s = shapeOf(graph(huge).getInputBuilder(k)).clearDim();
            for (int d = 0; d < 3; d++) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1L << 40));
            add(Category.DIM_OVERFLOW, "input_dims", huge.build());
            break;
        }
        ModelProto.Builder negInit = model.toBuilder();
        graph(negInit).addInitializer(TensorProto.newBuilder().setName("neg_init").setDataType(1).addDims(-2).addDims(2));
        add(Category.NEGATIVE_DIM, "initializer_dim", negInit.build());
        if (g.getInitializerCount() > 0 && g.getInitializer(0).getDimsCount() > 0) {
            ModelProto.Builder negExisting = model.toBuilder();
            graph(negExisting).getInitializerBuilder(0).setDims(0, -1);
            add(Category.NEGATIVE_DIM, "existing_initializer_dim", negExisting.build());
        }
        ModelProto.Builder overflow = model.toBuilder();
        graph(overflow).addInitializer(TensorProto.newBuilder().setName("huge_init").setDataType(1)
                .addDims(1L << 31).addDims(1L << 31).addDims(1L << 31).setRawData(ByteString.copyFrom(new byte[4])));
        add(Category.DIM_OVERFLOW, "initializer_dims", overflow.build());
    }

    private static TensorShapeProto.Builder shapeOf(ValueInfoProto.Builder v) {
        return v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
    }

    private void tensorData() {
        ModelProto.Builder small = model.toBuilder();
        graph(small).addInitializer(floatInit("short_raw").setRawData(ByteString.copyFrom(new byte[15])));
        add(Category.RAW_DATA_SIZE, "raw_too_short", small.build());
        ModelProto.Builder big = model.toBuilder();
        graph(big).addInitializer(floatInit("long_raw").setRawData(ByteString.copyFrom(new byte[17])));
        add(Category.RAW_DATA_SIZE, "raw_too_long", big.build());
        GraphProto g = model.getGraph();
        for (int k = 0; k < g.getInitializerCount(); k++) {
            TensorProto t = g.getInitializer(k);
            if (!t.hasRawData() || t.getRawData().isEmpty()) continue;
            ModelProto.Builder cut = model.toBuilder();
            graph(cut).getInitializerBuilder(k).setRawData(t.getRawData().substring(0, t.getRawData().size() - 1));
            add(Category.RAW_DATA_SIZE, "existing_raw_cut", cut.build());
            break;
        }
        ModelProto.Builder typed = model.toBuilder();
        graph(typed).addInitializer(floatInit("few_floats").addFloatData(1f).addFloatData(2f).addFloatData(3f));
        add(Category.TYPED_DATA_COUNT, "float_data", typed.build());
        ModelProto.Builder longs = model.toBuilder();
        graph(longs).addInitializer(TensorProto.newBuilder().setName("many_longs").setDataType(7).addDims(2)
                .addInt64Data(1).addInt64Data(2).addInt64Data(3));
        add(Category.TYPED_DATA_COUNT, "int64_data", longs.build());
    }

    private static TensorProto.Builder floatInit(String name) {
        return TensorProto.newBuilder().setName(name).setDataType(1).addDims(4);
    }

    private void operators() {
        GraphProto g = model.getGraph();
        int[] picks = {0, g.getNodeCount() - 1};
        for (int p = 0; p < picks.length; p++) {
            int k = picks[p];
            if (k < 0 || (p == 1 && k == 0)) continue;
            ModelProto.Builder op = model.toBuilder();
            graph(op).getNodeBuilder(k).setOpType("NoSuchOp").setDomain("");
            add(Category.OPAQUE_OPERATOR, "op_" + p, op.build());
            ModelProto.Builder dom = model.toBuilder();
            graph(dom).getNodeBuilder(k).setDomain("com.example.notimported");
            add(Category.OPAQUE_OPERATOR, "domain_" + p, dom.build());
        }
        if (g.getNodeCount() > 0) {
            ModelProto.Builder noImports = model.toBuilder().clearOpsetImport();
            add(Category.UNKNOWN_DOMAIN, "no_opset_import", noImports.build());
        }
    }

    private void externalData() {
        external("offset_past_end", SIDE_FILE, 1000, 16);
        external("length_past_end", SIDE_FILE, 0, 4096);
        external("missing_file", "missing.bin", 0, 16);
        external("absolute", "/etc/hostname", 0, 16);
        external("parent_escape", "../" + SIDE_FILE, 0, 16);
        external("nested_escape", "sub/../../" + SIDE_FILE, 0, 16);
        external("no_location", "", 0, 16);
    }

    private void external(String what, String location, long offset, long length) {
        TensorProto.Builder t = floatInit("ext_" + what).setDataLocation(TensorProto.DataLocation.EXTERNAL);
        if (!location.isEmpty()) t.addExternalData(entry("location", location));
        t.addExternalData(entry("offset", Long.toString(offset))).addExternalData(entry("length", Long.toString(length)));
        ModelProto.Builder m = model.toBuilder();
        graph(m).addInitializer(t);
        add(Category.EXTERNAL_DATA, what, m.build());
    }

    private static StringStringEntryProto entry(String k, String v) {
        return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }

    /** The side file's bytes: four floats, enough for none of the out-of-range reads. */
    static byte[] sideFile() {
        return ByteBuffer.allocate(SIDE_FILE_BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3).putFloat(4).array();
    }
}
