package org.npustudio.npusim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * A sweep file as read (docs/sweeps.md): the base NPU, the parameter axes, how points are drawn, the models
 * and the plan each point runs with. Plain data (paths as absolute text) so that a cluster job can ship it to
 * its workers; {@link SweepPoints} turns it into points and {@link SweepEvaluator} prices them.
 *
 * @param source  the sweep file as named in messages
 * @param npuFile the base NPU description, absolute
 * @param text    the file's text (its SHA-256 guards a resumed run against an edited file)
 */
public record SweepSpec(String source, String npuFile, List<Axis> axes, Sampling sampling, List<ModelSpec> models, PlanSpec plan,
                        String text) implements Serializable {

    public SweepSpec {
        axes = List.copyOf(axes);
        models = List.copyOf(models);
    }

    /** One parameter and the values it takes, in file order; {@code line} is where the file gives it. */
    public record Axis(Parameter parameter, List<String> values, int line) implements Serializable {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** Grid (every combination), or {@code count} points drawn at random or by Latin hypercube with {@code seed}. */
    public record Sampling(Kind kind, int count, long seed) implements Serializable {
        public enum Kind { GRID, RANDOM, LHS }

        public static final Sampling GRID = new Sampling(Kind.GRID, 0, 0);
    }

    /**
     * A model every configuration runs: a bundled sample by name, or a file (absolute) with input shapes
     * ({@code NAME=DxD…}) and symbolic dims ({@code SYMBOL=N}) as {@code --input-shape}/{@code --dim} take them.
     */
    public record ModelSpec(String name, String sample, String file, List<String> inputShapes, List<String> dims, int line)
            implements Serializable {
        public ModelSpec {
            inputShapes = List.copyOf(inputShapes);
            dims = List.copyOf(dims);
        }
    }

    /**
     * The plan each point runs: none (the whole model on the NPU, unsupported ops on the host), a fixed plan
     * file, a plan made from a devices file by capability ({@code AutoPartitioner}, once per model), or
     * re-optimised per point by a {@link PlanOptimiser} (see {@link SweepEvaluator}).
     */
    public record PlanSpec(Kind kind, String file, int line) implements Serializable {
        public enum Kind { NONE, FIXED, CAPABILITY, OPTIMISED }

        public static final PlanSpec NONE = new PlanSpec(Kind.NONE, null, 0);
    }

    public List<String> parameterKeys() { return axes.stream().map(a -> a.parameter().key()).toList(); }
}
