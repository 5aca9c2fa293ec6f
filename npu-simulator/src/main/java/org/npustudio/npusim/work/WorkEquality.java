package org.npustudio.npusim.work;

import java.util.Arrays;
import java.util.Objects;

/** Value equality over the array components records compare by identity (work is a cache key). */
final class WorkEquality {
    private WorkEquality() {}

    static boolean same(OpWork a, OpWork b) {
        return a.opType().equals(b.opType()) && a.windowRows() == b.windowRows()
                && Arrays.equals(a.inputElements(), b.inputElements()) && Arrays.equals(a.constantInputs(), b.constantInputs())
                && Arrays.equals(a.outputElements(), b.outputElements());
    }

    static int hash(OpWork w) {
        return Objects.hash(w.opType(), w.windowRows(), Arrays.hashCode(w.inputElements()), Arrays.hashCode(w.outputElements()));
    }
}
