package org.npustudio.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;

/**
 * The sample models bundled with NPU Studio. Every sample is built in memory from a fixed seed, so
 * its file is byte-for-byte reproducible; the small ones are also committed under samples/models/,
 * the large ones are written on demand.
 */
public final class SampleLibrary {
    /**
     * @param committed whether the file is checked in under samples/models/ (the small samples)
     */
    public record Sample(String name, String description, String fileName, boolean committed) {}

    private record Entry(Sample sample, Supplier<Model> builder) {}

    private static final List<Entry> ENTRIES = List.of(
            entry("resnet50", "ResNet-50 v1.5 (torchvision topology), ImageNet classifier, 1x3x224x224, 25.6M parameters",
                    false, ResNet50::build),
            entry("mobilenetv2", "MobileNetV2 (torchvision topology), depthwise inverted residuals, 1x3x224x224, 3.5M parameters",
                    false, MobileNetV2::build),
            entry("lenet5", "LeNet-5: two 5x5 convs with tanh and average pooling, three dense layers, 1x1x32x32",
                    true, LeNet5::build),
            entry("mlp", "Two-layer perceptron 784-256-10 with ReLU, 1x784", true, Mlp::build),
            entry("transformer-encoder", "Transformer encoder, 2 layers, d_model 64, 4 heads, GELU feed-forward 256, 1x16x64",
                    true, TransformerEncoder::build));

    private SampleLibrary() {}

    private static Entry entry(String name, String description, boolean committed, Supplier<Model> builder) {
        return new Entry(new Sample(name, description, name + ".onnx", committed), builder);
    }

    public static List<Sample> samples() {
        return ENTRIES.stream().map(Entry::sample).toList();
    }

    public static List<String> names() {
        return ENTRIES.stream().map(e -> e.sample().name()).toList();
    }

    /** The sample called {@code name}; IllegalArgumentException listing the valid names otherwise. */
    public static Sample sample(String name) {
        return entry(name).sample();
    }

    /** Builds the sample's model in memory (the same model every time). */
    public static Model build(String name) {
        return entry(name).builder().get();
    }

    /** Writes the sample into {@code dir} unless its file is already there; returns the file. */
    public static Path ensure(String name, Path dir) throws StudioException {
        Path file = dir.resolve(sample(name).fileName());
        if (!Files.isRegularFile(file)) write(name, dir);
        return file;
    }

    /** Builds and (re)writes the sample's file in {@code dir}, atomically. */
    public static Path write(String name, Path dir) throws StudioException {
        Path file = dir.resolve(sample(name).fileName());
        OnnxWriter.write(build(name), file);
        return file;
    }

    /** Writes every sample into {@code dir}, replacing older copies; returns the files in library order. */
    public static List<Path> writeAll(Path dir) throws StudioException {
        List<Path> files = new ArrayList<>();
        for (String name : names()) files.add(write(name, dir));
        return files;
    }

    private static Entry entry(String name) {
        for (Entry e : ENTRIES) if (e.sample().name().equals(name)) return e;
        throw new IllegalArgumentException("unknown sample '" + name + "'; valid names: " + String.join(", ", names()));
    }
}
