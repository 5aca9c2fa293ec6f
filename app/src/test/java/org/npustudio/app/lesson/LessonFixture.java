package org.npustudio.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.testdata.TestData;

/** Writes small lesson folders for tests: {@code LENET} and {@code NPU} in the text become the bundled files. */
public final class LessonFixture {
    public static final Path LENET = TestData.inCheckout("samples/models/lenet5.onnx");
    public static final Path NPU = TestData.inCheckout("samples/npu/teaching-32x32.yaml");

    private LessonFixture() {}

    /** A lesson folder {@code dir/name} holding lesson.yaml with {@code text}; returns the folder. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("lesson.yaml"), text.replace("LENET", LENET.toString()).replace("NPU", NPU.toString()));
        return folder;
    }

    /** The header every test lesson shares: id, version, start files (LeNet-5 and the teaching NPU). */
    public static String header(String id, int version) {
        return """
                id: %s
                title: Test lesson
                version: %d
                minutes: 5
                summary: a lesson written by a test
                start:
                  model.onnx: LENET
                  npu.yaml: NPU
                steps:
                """.formatted(id, version);
    }
}
