package org.npustudio.graphview.scene;

import java.util.List;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.ValueInfo;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Shape;

/** IR graphs with PyTorch-exporter node names (/layer1/layer1.0/conv1/Conv), so they group into name scopes. */
final class ScopedGraphs {
    private ScopedGraphs() {}

    /**
     * A ResNet-like chain: a stem (Conv, Relu), then {@code stages} scopes {@code layerS} of {@code blocks} residual
     * blocks {@code layerS.B} (Conv, Relu, Conv, Add with the block input, Relu), then a Gemm head. 2 + 5·S·B + 1 ops.
     */
    static Graph resnetLike(int stages, int blocks) {
        Graph g = new Graph("resnet_like");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        String v = op(g, "/conv1/Conv", "Conv", "x");
        v = op(g, "/relu/Relu", "Relu", v);
        for (int s = 1; s <= stages; s++) {
            for (int b = 0; b < blocks; b++) {
                String p = "/layer" + s + "/layer" + s + "." + b + "/";
                String in = v;
                String c = op(g, p + "conv1/Conv", "Conv", in);
                c = op(g, p + "relu/Relu", "Relu", c);
                c = op(g, p + "conv2/Conv", "Conv", c);
                String sum = op(g, p + "Add", "Add", c, in);
                v = op(g, p + "relu_1/Relu", "Relu", sum);
            }
        }
        v = op(g, "/fc/Gemm", "Gemm", v);
        g.addOutput(ValueInfo.tensor(v, DataType.FLOAT, Shape.of(1, 8, 16, 16)));
        return g;
    }

    /**
     * {@code layers} attention blocks {@code layers.L}: q/k/v projections {@code self_attn.q_proj} (MatMul, Add) all
     * reading the block input, QK MatMul, Softmax, AV MatMul, output projection, residual Add.
     */
    static Graph attentionLike(int layers) {
        Graph g = new Graph("attention_like");
        g.addInput(ValueInfo.tensor("x", DataType.FLOAT, Shape.of(1, 16, 64)));
        String v = "x";
        for (int l = 0; l < layers; l++) {
            String p = "/layers/layers." + l + "/self_attn/";
            String[] qkv = new String[3];
            String[] names = {"q_proj", "k_proj", "v_proj"};
            for (int i = 0; i < 3; i++) qkv[i] = op(g, p + names[i] + "/Add", "Add", op(g, p + names[i] + "/MatMul", "MatMul", v));
            String att = op(g, p + "Softmax", "Softmax", op(g, p + "MatMul", "MatMul", qkv[0], qkv[1]));
            String o = op(g, p + "out_proj/MatMul", "MatMul", op(g, p + "MatMul_1", "MatMul", att, qkv[2]));
            v = op(g, "/layers/layers." + l + "/Add", "Add", o, v);
        }
        g.addOutput(ValueInfo.tensor(v, DataType.FLOAT, Shape.of(1, 16, 64)));
        return g;
    }

    private static String op(Graph g, String name, String type, String... inputs) {
        String out = name + ":0";
        g.addNode(new Node(name, name, type, "", List.of(inputs), List.of(out)));
        return out;
    }
}
