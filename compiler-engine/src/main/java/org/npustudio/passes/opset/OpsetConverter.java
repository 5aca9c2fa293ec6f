package org.npustudio.passes.opset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ValueNames;

/**
 * Lifts a model from ai.onnx opset 7–12 to 13, rewriting the operators real exporters emit whose
 * signature or meaning changed on the way (ONNX's Changelog): attributes that became inputs (Clip-11
 * min/max, Pad-11 pads/value, Slice-10 starts/ends/axes/steps, TopK-10 k, Squeeze/Unsqueeze-13 axes,
 * Split-13 split, ReduceSum-13 axes), Dropout-12's ratio (inference ignores it), BatchNormalization-9's
 * removed spatial, Upsample (deprecated in 10) and Resize-10 as Resize-13 with opset 10's asymmetric
 * coordinates and floor rounding, Scatter as ScatterElements, and Softmax/LogSoftmax/Hardmax, which up to
 * 12 flatten the input to 2-D at {@code axis} and from 13 work along {@code axis} alone (kept when axis
 * is the last, else Flatten → op → Reshape to the input's shape). Other operators are signature-
 * compatible between 7 and 13. Every If/Loop/Scan body is converted too. A model it cannot convert is a
 * {@link StudioException} naming the node.
 */
public final class OpsetConverter {
    public static final long TARGET = 13;
    public static final long OLDEST = 7;

    private final Model model;
    private final ValueNames names;
    private final long from;
    private int rewritten;

    private OpsetConverter(Model model, long from) {
        this.model = model;
        this.from = from;
        this.names = ValueNames.deep(model.graph());
    }

    /** Converts {@code model} in place to opset 13; returns how many nodes were rewritten (0 if already ≥ 13). */
    public static int toOpset13(Model model) throws StudioException {
        long v = model.opsetVersion("");
        if (v >= TARGET) return 0;
        if (v < OLDEST) throw new StudioException(model.displayName(), "", "opset " + v + " is older than " + OLDEST + ", the oldest this converter lifts");
        OpsetConverter c = new OpsetConverter(model, v);
        ArrayDeque<Graph> todo = new ArrayDeque<>(List.of(model.graph()));
        while (!todo.isEmpty()) {
            Graph g = todo.poll();
            for (Node n : List.copyOf(g.nodes())) {
                if (!GraphEdits.isDefaultDomain(n)) continue;
                c.convert(g, n);
                todo.addAll(n.subgraphs());
            }
        }
        model.opsetImports().removeIf(o -> OpsetId.isDefaultDomain(o.domain()));
        model.opsetImports().add(0, new OpsetId("", TARGET));
        if (model.irVersion() < 7) model.setIrVersion(7); // opset 13 needs IR 7
        GraphEdits.sortTopologically(model.graph());
        return c.rewritten;
    }

    private void convert(Graph g, Node n) throws StudioException {
        switch (n.opType()) {
            case "Clip" -> { if (from < 11) attrsToInputs(g, n, floatInput(n, "min"), floatInput(n, "max")); }
            case "Pad" -> { if (from < 11) pad(g, n); }
            case "Slice" -> { if (from < 10) slice(g, n); }
            case "TopK" -> { if (from < 10) attrsToInputs(g, n, longsInput(g, n, "k", true)); }
            case "Squeeze", "Unsqueeze", "ReduceSum" -> axesToInput(g, n, "axes", 1);
            case "Split" -> axesToInput(g, n, "split", 1);
            case "Dropout" -> { dropAttrs(n, "ratio", "is_test"); if (from < 10) dropoutMask(g, n); }
            case "BatchNormalization" -> batchNorm(n);
            case "Upsample" -> upsample(g, n);
            case "Resize" -> { if (from < 11) upsample(g, n); }
            case "Scatter" -> { n.setOpType("ScatterElements"); rewritten++; }
            case "Softmax", "LogSoftmax", "Hardmax" -> softmax(g, n);
            default -> { }
        }
    }

    // ---- attribute → input -----------------------------------------------------------------------

    /** One new input per given value name ("" keeps the position empty), appended after the existing inputs. */
    private void attrsToInputs(Graph g, Node n, String... inputs) {
        List<String> in = new ArrayList<>(n.inputs());
        for (String s : inputs) in.add(s);
        while (!in.isEmpty() && in.get(in.size() - 1).isEmpty()) in.remove(in.size() - 1);
        n.setInputs(in);
        rewritten++;
    }

    private String floatInput(Node n, String attr) {
        Attribute a = n.attribute(attr);
        if (a == null) return "";
        n.removeAttribute(attr);
        return constant(n.graph(), n.id() + "_" + attr, Tensor.ofFloats("", new long[0], new float[] {a.asFloat()}));
    }

    private String longsInput(Graph g, Node n, String attr, boolean scalarAsVector) {
        Attribute a = n.attribute(attr);
        if (a == null) return "";
        n.removeAttribute(attr);
        long[] v = a.kind() == Attribute.Kind.INT ? new long[] {a.asLong()} : a.asLongs();
        return constant(g, n.id() + "_" + attr, Tensor.ofLongs("", new long[] {v.length}, v));
    }

    private void axesToInput(Graph g, Node n, String attr, int position) {
        if (n.attribute(attr) == null) return;
        String in = longsInput(g, n, attr, false);
        List<String> ins = new ArrayList<>(n.inputs());
        while (ins.size() < position) ins.add("");
        ins.add(position, in);
        n.setInputs(ins);
        rewritten++;
    }

    private void pad(Graph g, Node n) {
        Attribute pads = n.attribute("pads");
        Attribute value = n.attribute("value");
        String p = pads == null ? "" : longsInput(g, n, "pads", false);
        String v = value == null ? "" : floatInput(n, "value");
        if (value != null) n.removeAttribute("value");
        attrsToInputs(g, n, p, v);
    }

    private void slice(Graph g, Node n) {
        String starts = longsInput(g, n, "starts", false), ends = longsInput(g, n, "ends", false);
        String axes = longsInput(g, n, "axes", false);
        attrsToInputs(g, n, starts, ends, axes);
    }

    /**
     * Dropout's mask was of the data's type before opset 10 and is bool since: an unread mask (the usual
     * case in inference graphs) is dropped with its declared type; a read one cannot be lifted faithfully.
     */
    private void dropoutMask(Graph g, Node n) throws StudioException {
        if (n.outputs().size() < 2 || n.outputs().get(1).isEmpty()) return;
        String mask = n.outputs().get(1);
        boolean read = !g.consumers(mask).isEmpty() || g.outputs().stream().anyMatch(v -> v.name().equals(mask));
        if (read) throw new StudioException(n.name().isEmpty() ? n.id() : n.name(), "Dropout", "its mask '" + mask
                + "' is read, and the mask's type changed from the data's type to bool at opset 10");
        n.setOutputs(List.of(n.outputs().get(0)));
        g.removeValueInfo(mask);
        rewritten++;
    }

    private void dropAttrs(Node n, String... attrs) {
        boolean any = false;
        for (String a : attrs) {
            if (n.attribute(a) != null) {
                n.removeAttribute(a);
                any = true;
            }
        }
        if (any) rewritten++;
    }

    private void batchNorm(Node n) throws StudioException {
        Attribute spatial = n.attribute("spatial");
        if (spatial != null && spatial.asLong() != 1) {
            throw new StudioException(model.displayName(), "node '" + n.id() + "' (BatchNormalization)",
                    "spatial=0 (per-element statistics) has no opset-13 form");
        }
        dropAttrs(n, "spatial", "is_test", "consumed_inputs");
    }

    /** Upsample(X, scales) or Resize-10(X, scales) → Resize-13(X, roi "", scales), opset 10's sampling. */
    private void upsample(Graph g, Node n) {
        String scales = n.input(1);
        Attribute sa = n.attribute("scales"); // Upsample-7 holds scales as an attribute
        if (sa != null) {
            n.removeAttribute("scales");
            float[] s = sa.asFloats();
            scales = constant(g, n.id() + "_scales", Tensor.ofFloats("", new long[] {s.length}, s));
        }
        String mode = n.attrString("mode", "nearest");
        n.setOpType("Resize");
        n.setInputs(List.of(n.input(0), "", scales));
        n.setAttribute(Attribute.of("mode", mode.equals("bilinear") ? "linear" : mode));
        n.setAttribute(Attribute.of("coordinate_transformation_mode", "asymmetric"));
        if (!mode.equals("nearest")) n.removeAttribute("nearest_mode");
        else n.setAttribute(Attribute.of("nearest_mode", "floor"));
        rewritten++;
    }

    /** Up to 12 these flatten to 2-D at axis (default 1); from 13 they work along axis (default -1). */
    private void softmax(Graph g, Node n) {
        long axis = n.attrLong("axis", 1);
        TypeInfo t = g.typeOf(n.input(0));
        Integer rank = t instanceof TypeInfo.TensorType tt && tt.shape() != null ? tt.shape().rank() : null;
        if (rank != null && (axis == rank - 1 || axis == -1)) {
            n.setAttribute(Attribute.of("axis", (long) (rank - 1)));
            rewritten++;
            return;
        }
        String x = n.input(0), y = n.output(0);
        String shape = names.fresh(x + "_shape"), flat = names.fresh(x + "_2d"), soft = names.fresh(y + "_2d");
        Node sh = node("Shape", n.id() + "_shape", List.of(x), shape);
        Node fl = node("Flatten", n.id() + "_flatten", List.of(x), flat);
        fl.setAttribute(Attribute.of("axis", axis));
        Node back = node("Reshape", n.id() + "_reshape", List.of(soft, shape), y);
        GraphEdits.insertBefore(g, n, sh);
        GraphEdits.insertBefore(g, n, fl);
        n.setInputs(List.of(flat));
        n.setOutput(0, soft);
        n.setAttribute(Attribute.of("axis", 1L));
        GraphEdits.insertAfter(g, n, back);
        // all three follow the Softmax, so a plan naming it (export, PlanQuantization) places them with it
        for (Node added : List.of(sh, fl, back)) added.setProvenance(List.of(n.id()));
        rewritten++;
    }

    private Node node(String op, String base, List<String> in, String out) {
        Node x = new Node(model.freshNodeId(base), "", op, "", in, List.of(out));
        x.setName(x.id());
        return x;
    }

    private String constant(Graph g, String base, Tensor value) {
        String name = names.fresh(base);
        g.putInitializer(value.withName(name));
        return name;
    }
}
