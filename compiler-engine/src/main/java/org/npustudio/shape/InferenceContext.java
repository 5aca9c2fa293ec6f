package org.npustudio.shape;

import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Node;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/**
 * What a {@link ShapeRule} sees of one node: input types, constant input values, attributes, the
 * opset in force, and the slots it fills with output types.
 */
final class InferenceContext {
    private final Node node;
    private final long opset;
    private final Map<String, TypeInfo> types;
    private final ConstantPropagation consts;
    private final TypeInfo[] outputs;
    private final org.npustudio.ir.Model model;
    private String dataDependence;

    private final ShapeInferenceReport report;

    InferenceContext(Node node, long opset, Map<String, TypeInfo> types, ConstantPropagation consts) {
        this(node, opset, types, consts, null, null);
    }

    InferenceContext(Node node, long opset, Map<String, TypeInfo> types, ConstantPropagation consts,
                     org.npustudio.ir.Model model, ShapeInferenceReport report) {
        this.model = model;
        this.report = report;
        this.node = node;
        this.opset = opset;
        this.types = types;
        this.consts = consts;
        this.outputs = new TypeInfo[node.outputs().size()];
    }

    Node node() { return node; }

    /** The model (opsets of subgraph nodes); null in rule unit tests. */
    org.npustudio.ir.Model model() { return model; }

    /** Every type known in this scope (what a subgraph sees of its outer scope). */
    Map<String, TypeInfo> scopeTypes() { return types; }

    ConstantPropagation constants() { return consts; }

    /** The report of the graph this node is in (subgraph reports are added to it); may be null. */
    ShapeInferenceReport report() { return report; }

    long opset() { return opset; }

    // ---- inputs ---------------------------------------------------------------------------------

    int inputCount() { return node.inputs().size(); }

    boolean hasInput(int i) { return !node.input(i).isEmpty(); }

    String inputName(int i) { return node.input(i); }

    TypeInfo inputTypeInfo(int i) { return hasInput(i) ? types.get(node.input(i)) : null; }

    TypeInfo.TensorType inputType(int i) {
        return inputTypeInfo(i) instanceof TypeInfo.TensorType t ? t : null;
    }

    /** Element type of input i; UNDEFINED when absent or unknown. */
    DataType elemType(int i) {
        TypeInfo.TensorType t = inputType(i);
        return t == null || t.elemType() == null ? DataType.UNDEFINED : t.elemType();
    }

    /** Shape of input i; null when absent or of unknown rank. */
    Shape shape(int i) {
        TypeInfo.TensorType t = inputType(i);
        return t == null ? null : t.shape();
    }

    ConstValue constant(int i) { return hasInput(i) ? consts.value(node.input(i)) : null; }

    /** Input i's elements when all are known, else null. */
    long[] constLongs(int i) {
        ConstValue v = constant(i);
        return v == null ? null : v.knownLongs();
    }

    double[] constDoubles(int i) {
        ConstValue v = constant(i);
        return v == null ? null : v.knownDoubles();
    }

    /** Input i read as a (possibly partly known) list of dims, e.g. a Reshape target; null if not folded. */
    Dim[] constDims(int i) {
        ConstValue v = constant(i);
        return v == null ? null : v.asDims();
    }

    // ---- attributes -----------------------------------------------------------------------------

    long attr(String name, long dflt) { return node.attrLong(name, dflt); }

    long[] ints(String name) { return node.attrLongs(name); }

    String str(String name, String dflt) { return node.attrString(name, dflt); }

    boolean hasAttr(String name) { return node.attribute(name) != null; }

    // ---- outputs --------------------------------------------------------------------------------

    int outputCount() { return outputs.length; }

    boolean hasOutput(int i) { return i < outputs.length && !node.output(i).isEmpty(); }

    void setOutput(int i, DataType elem, Shape shape) {
        if (hasOutput(i)) outputs[i] = TypeInfo.tensor(elem == null ? DataType.UNDEFINED : elem, shape);
    }

    void setOutputType(int i, TypeInfo t) {
        if (hasOutput(i)) outputs[i] = t;
    }

    TypeInfo output(int i) { return outputs[i]; }

    // ---- outcomes -------------------------------------------------------------------------------

    ShapeInferenceException fail(String problem) {
        return new ShapeInferenceException(ShapeInferenceException.Kind.FAILED, problem);
    }

    /** Records that some output dims stay unknown because they depend on runtime data. */
    void dependsOnData(String why) {
        if (dataDependence == null) dataDependence = why;
    }

    /** Shorthand for the common case: input i's value decides the output shape but is not constant. */
    void dependsOnInput(int i) {
        dependsOnData("the output shape depends on the value of input '" + inputName(i)
                + "', which is not a constant");
    }

    String dataDependence() { return dataDependence; }
}
