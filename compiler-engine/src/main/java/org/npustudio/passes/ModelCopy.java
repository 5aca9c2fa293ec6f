package org.npustudio.passes;

import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.ValueInfo;

/**
 * Structural copies for snapshots: new Model/Graph/Node objects, but the immutable parts (Tensors,
 * Attributes, ValueInfos, protos) are shared, so a copy of a 10k-node graph costs its node lists only,
 * never its weights. Subgraph bodies (If/Loop/Scan) are copied the same way, since passes edit them in
 * place (renaming captured values, rewriting inside bodies); model-local functions are shared.
 */
public final class ModelCopy {
    private ModelCopy() {}

    public static Model of(Model m) {
        Model c = new Model(copy(m.graph()));
        c.setIrVersion(m.irVersion());
        c.setProducerName(m.producerName());
        c.setProducerVersion(m.producerVersion());
        c.setDomain(m.domain());
        c.setModelVersion(m.modelVersion());
        c.setDocString(m.docString());
        for (OpsetId o : m.opsetImports()) c.opsetImports().add(o);
        c.setMetadata(m.metadata());
        c.functions().addAll(m.functions());
        c.setUnknownFields(m.unknownFields());
        c.setSource(m.source());
        return c;
    }

    public static Graph copy(Graph g) {
        Graph c = new Graph(g.name());
        c.setDocString(g.docString());
        for (Node n : g.nodes()) c.addNode(copy(n));
        c.setInputs(g.inputs());
        c.setOutputs(g.outputs());
        for (ValueInfo v : g.valueInfos()) c.putValueInfo(v);
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) c.putInitializer(e.getValue());
        c.sparseInitializers().addAll(g.sparseInitializers());
        c.quantizationAnnotations().addAll(g.quantizationAnnotations());
        c.setMetadata(g.metadata());
        c.setUnknownFields(g.unknownFields());
        return c;
    }

    private static Attribute copyBodies(Attribute a) {
        Object v = a.kind() == Attribute.Kind.GRAPH ? copy(a.asGraph()) : a.asGraphs().stream().map(ModelCopy::copy).toList();
        return new Attribute(a.name(), a.kind(), v, a.refAttrName(), a.docString(), a.typeDeclared(), a.unknownFields());
    }

    public static Node copy(Node n) {
        Node c = new Node(n.id(), n.name(), n.opType(), n.domain(), n.inputs(), n.outputs());
        c.setOverload(n.overload());
        for (Attribute a : n.attributes().values()) c.setAttribute(a.subgraphs().isEmpty() ? a : copyBodies(a));
        c.setDocString(n.docString());
        c.setMetadata(n.metadata());
        c.setUnknownFields(n.unknownFields());
        c.setProvenance(n.provenance());
        return c;
    }
}
