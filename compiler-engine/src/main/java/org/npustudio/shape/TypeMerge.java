package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;

/**
 * Combines a type declared in the file with an inferred one, keeping the more specific information
 * of each. On a real disagreement the declared part is kept and the disagreement is described.
 */
final class TypeMerge {
    private TypeMerge() {}

    record Result(TypeInfo type, String conflict) {}

    static Result merge(TypeInfo declared, TypeInfo inferred) {
        // PyTorch declares some If/branch outputs with an empty TypeProto: that says nothing
        if (declared == null || (declared instanceof TypeInfo.UnspecifiedType && inferred != null)) return new Result(inferred, null);
        if (inferred == null) return new Result(declared, null);
        if (!(declared instanceof TypeInfo.TensorType d) || !(inferred instanceof TypeInfo.TensorType i)) {
            boolean sameKind = declared.getClass() == inferred.getClass();
            return new Result(declared, sameKind ? null : "declared " + kindName(declared) + " but inferred "
                    + kindName(inferred));
        }
        List<String> problems = new ArrayList<>();
        DataType elem = d.elemType();
        if (elem == null || elem == DataType.UNDEFINED) {
            elem = i.elemType();
        } else if (i.elemType() != null && i.elemType() != DataType.UNDEFINED && i.elemType() != elem) {
            problems.add("element type declared " + elem.displayName() + " but inferred " + i.elemType().displayName());
        }
        Shape shape = mergeShapes(d.shape(), i.shape(), problems);
        TypeInfo merged = new TypeInfo.TensorType(elem, shape, d.denotation(), d.unknownFields());
        return new Result(merged, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static Shape mergeShapes(Shape declared, Shape inferred, List<String> problems) {
        if (declared == null) return inferred;
        if (inferred == null) return declared;
        if (declared.rank() != inferred.rank()) {
            problems.add("shape declared " + declared + " but inferred " + inferred);
            return declared;
        }
        List<Dim> dims = new ArrayList<>(declared.rank());
        boolean clash = false;
        for (int k = 0; k < declared.rank(); k++) {
            Dim a = declared.dim(k);
            Dim b = inferred.dim(k);
            if (a.isKnown() && b.isKnown() && a.value() != b.value()) clash = true;
            dims.add(a.isKnown() ? a : b.isKnown() ? b : a.isSymbolic() ? a : b);
        }
        if (clash) problems.add("shape declared " + declared + " but inferred " + inferred);
        return Shape.of(dims);
    }

    private static String kindName(TypeInfo t) {
        return t.getClass().getSimpleName().replace("Type", "").toLowerCase();
    }
}
