package org.npustudio.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Structural comparison of two models: header, opsets, metadata, functions and graphs (nodes with ids,
 * attributes, initializer bytes, value infos), recursing into subgraphs. Returns readable differences;
 * an empty list means the models are equal.
 */
public final class IrEquality {
    private final List<String> out = new ArrayList<>();

    private IrEquality() {}

    public static List<String> differences(Model a, Model b) {
        IrEquality e = new IrEquality();
        e.model(a, b);
        return e.out;
    }

    public static List<String> differences(Graph a, Graph b) {
        IrEquality e = new IrEquality();
        e.graph(a, b, "graph");
        return e.out;
    }

    private void check(boolean same, String what) {
        if (!same) out.add(what);
    }

    private void model(Model a, Model b) {
        check(a.irVersion() == b.irVersion(), "ir_version " + a.irVersion() + " vs " + b.irVersion());
        check(a.producerName().equals(b.producerName()), "producer_name");
        check(a.producerVersion().equals(b.producerVersion()), "producer_version");
        check(a.domain().equals(b.domain()) && a.modelVersion() == b.modelVersion(), "domain/model_version");
        check(a.docString().equals(b.docString()), "doc_string");
        check(a.opsetImports().equals(b.opsetImports()), "opsets " + a.opsetImports() + " vs " + b.opsetImports());
        check(a.metadata().equals(b.metadata()), "metadata");
        check(a.unknownFields().equals(b.unknownFields()), "model unknown fields");
        check(a.functions().size() == b.functions().size(), "function count");
        for (int i = 0; i < Math.min(a.functions().size(), b.functions().size()); i++) {
            Function fa = a.functions().get(i);
            Function fb = b.functions().get(i);
            String w = "function " + fa.name();
            check(fa.name().equals(fb.name()) && fa.domain().equals(fb.domain()), w + " name/domain");
            check(fa.inputs().equals(fb.inputs()) && fa.outputs().equals(fb.outputs()), w + " signature");
            check(fa.attributeNames().equals(fb.attributeNames()), w + " attributes");
            check(fa.opsetImports().equals(fb.opsetImports()), w + " opsets");
            nodes(fa.body().nodes(), fb.body().nodes(), w);
        }
        graph(a.graph(), b.graph(), "graph");
    }

    private void graph(Graph a, Graph b, String w) {
        check(a.name().equals(b.name()), w + " name '" + a.name() + "' vs '" + b.name() + "'");
        check(a.docString().equals(b.docString()), w + " doc_string");
        check(a.inputs().equals(b.inputs()), w + " inputs");
        check(a.outputs().equals(b.outputs()), w + " outputs");
        check(a.valueInfos().equals(b.valueInfos()), w + " value_info");
        check(a.sparseInitializers().equals(b.sparseInitializers()), w + " sparse initializers");
        check(a.quantizationAnnotations().equals(b.quantizationAnnotations()), w + " quantization annotations");
        check(a.metadata().equals(b.metadata()) && a.unknownFields().equals(b.unknownFields()), w + " metadata/unknown fields");
        check(a.initializers().keySet().equals(b.initializers().keySet()), w + " initializer names");
        for (Map.Entry<String, Tensor> e : a.initializers().entrySet()) {
            Tensor tb = b.initializers().get(e.getKey());
            if (tb != null) tensor(e.getValue(), tb, w + " initializer '" + e.getKey() + "'");
        }
        nodes(a.nodes(), b.nodes(), w);
    }

    private void nodes(List<Node> a, List<Node> b, String w) {
        check(a.size() == b.size(), w + " node count " + a.size() + " vs " + b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Node x = a.get(i);
            Node y = b.get(i);
            String nw = w + " node " + i + " '" + x.displayName() + "'";
            check(x.id().equals(y.id()), nw + " id " + x.id() + " vs " + y.id());
            check(x.name().equals(y.name()) && x.opType().equals(y.opType()) && x.domain().equals(y.domain())
                    && x.overload().equals(y.overload()), nw + " name/op/domain");
            check(x.inputs().equals(y.inputs()) && x.outputs().equals(y.outputs()), nw + " inputs/outputs");
            check(x.docString().equals(y.docString()) && x.metadata().equals(y.metadata()), nw + " doc/metadata");
            check(x.unknownFields().equals(y.unknownFields()), nw + " unknown fields");
            check(x.attributes().keySet().equals(y.attributes().keySet()), nw + " attribute names");
            for (Attribute ax : x.attributes().values()) {
                Attribute ay = y.attribute(ax.name());
                if (ay != null) attribute(ax, ay, nw + " attribute '" + ax.name() + "'");
            }
        }
    }

    private void attribute(Attribute a, Attribute b, String w) {
        check(a.kind() == b.kind() && a.typeDeclared() == b.typeDeclared(), w + " kind");
        check(a.refAttrName().equals(b.refAttrName()) && a.docString().equals(b.docString()), w + " ref/doc");
        check(a.unknownFields().equals(b.unknownFields()), w + " unknown fields");
        if (a.kind() != b.kind()) return;
        switch (a.kind()) {
            case FLOATS -> check(Arrays.equals((float[]) a.value(), (float[]) b.value()), w + " value");
            case INTS -> check(Arrays.equals((long[]) a.value(), (long[]) b.value()), w + " value");
            case TENSOR -> tensor(a.asTensor(), b.asTensor(), w);
            case TENSORS -> {
                check(a.asTensors().size() == b.asTensors().size(), w + " tensor count");
                for (int i = 0; i < Math.min(a.asTensors().size(), b.asTensors().size()); i++) {
                    tensor(a.asTensors().get(i), b.asTensors().get(i), w + "[" + i + "]");
                }
            }
            case GRAPH -> graph(a.asGraph(), b.asGraph(), w + " graph");
            case GRAPHS -> {
                check(a.asGraphs().size() == b.asGraphs().size(), w + " graph count");
                for (int i = 0; i < Math.min(a.asGraphs().size(), b.asGraphs().size()); i++) {
                    graph(a.asGraphs().get(i), b.asGraphs().get(i), w + " graph[" + i + "]");
                }
            }
            case FLOAT -> check(Float.floatToRawIntBits(a.asFloat()) == Float.floatToRawIntBits(b.asFloat()), w + " value");
            default -> check(Objects.equals(a.value(), b.value()), w + " value");
        }
    }

    private void tensor(Tensor a, Tensor b, String w) {
        check(a.name().equals(b.name()) && a.dataType() == b.dataType() && Arrays.equals(a.dims(), b.dims()),
                w + " name/type/dims");
        if (a.dataType() == DataType.STRING || a.proto().hasSegment()) {
            check(a.proto().equals(b.proto()), w + " data");
        } else {
            check(a.rawBytes().equals(b.rawBytes()), w + " bytes");
        }
    }
}
