package org.npustudio.partition.editor.model;

import java.nio.file.Path;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.DevicesYaml;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;

/** Bundled samples, built in memory (shapes inferred, as the IDE opens models) or written to a folder. */
public final class Models {
    private Models() {}

    public static Model sample(String name) {
        Model m = SampleLibrary.build(name);
        ShapeInference.infer(m);
        return m;
    }

    /** Node ids in topological order (LeNet-5 is a chain: each node feeds the next). */
    public static List<String> order(Model m) {
        return m.graph().topologicalOrder().stream().map(Node::id).toList();
    }

    /** An empty plan on the built-in NPU + CPU. */
    public static Plan emptyPlan(ModelRef ref) {
        DevicesYaml.Loaded d = BuiltInDevices.load();
        return Plan.empty(ref, d.devices(), d.defaultDevice());
    }

    /** Writes the sample to {@code dir} and returns its file. */
    public static Path write(String name, Path dir) throws StudioException {
        return SampleLibrary.write(name, dir);
    }
}
