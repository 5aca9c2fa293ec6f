package org.npustudio.samples;

import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;

/**
 * Trainable parameters the way PyTorch counts them ({@code sum(p.numel() for p in model.parameters())}):
 * initializers named {@code *.weight} or {@code *.bias}; BatchNorm running statistics and constants
 * are buffers, not parameters.
 */
public final class ParameterCount {
    private ParameterCount() {}

    public static long of(Model model) {
        long n = 0;
        for (Tensor t : model.graph().initializers().values()) {
            if (t.name().endsWith(".weight") || t.name().endsWith(".bias")) n += t.elementCount();
        }
        return n;
    }
}
