package org.npustudio.analysis;

import java.util.List;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/** Terse construction of small test graphs. */
final class GraphBuilder {
    final Graph graph = new Graph("g");
    private int count;

    GraphBuilder input(String name, long... dims) {
        graph.addInput(ValueInfo.tensor(name, DataType.FLOAT, Shape.of(dims)));
        return this;
    }

    GraphBuilder weight(String name, long... dims) {
        long n = 1;
        for (long d : dims) n *= d;
        graph.putInitializer(Tensor.ofFloats(name, dims, new float[(int) n]));
        return this;
    }

    GraphBuilder valueInfo(String name, long... dims) {
        graph.putValueInfo(ValueInfo.tensor(name, DataType.FLOAT, Shape.of(dims)));
        return this;
    }

    Node node(String op, List<String> inputs, String output, Attribute... attrs) {
        Node n = new Node("n" + count, "n" + count, op, "", inputs, List.of(output));
        count++;
        for (Attribute a : attrs) n.setAttribute(a);
        graph.addNode(n);
        return n;
    }
}
