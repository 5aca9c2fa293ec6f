package org.npustudio.app.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * One file a new workspace starts with: workspace name ({@code model.onnx}, {@code plan.yaml}, {@code npu.yaml}
 * or any other), the lesson file it comes from, and for a model optional input shapes bound on the way
 * ({@code x=1x3x48x192}; the workspace copy is then written with static shapes).
 */
public record StartFile(String name, Path source, List<String> inputShapes, Place place) {
    public StartFile {
        inputShapes = List.copyOf(inputShapes);
    }

    public boolean isModel() { return name.endsWith(".onnx"); }
}
