package org.npustudio.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxWriter;

/**
 * Command line: {@code SampleWriter [DIR [NAME...]]} writes the named samples (all by default) into
 * DIR (default {@value #DEFAULT_DIR}), replacing older copies. Backs {@code npustudio samples [DIR]};
 * {@code SampleWriter samples/models lenet5 mlp transformer-encoder} regenerates the committed files.
 */
public final class SampleWriter {
    public static final String DEFAULT_DIR = "npustudio-samples";

    private SampleWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : DEFAULT_DIR);
        List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : SampleLibrary.names();
        try {
            names.forEach(SampleLibrary::sample); // reject unknown names before writing anything
            for (String name : names) {
                long t0 = System.nanoTime();
                Model model = SampleLibrary.build(name);
                Path file = dir.resolve(SampleLibrary.sample(name).fileName());
                OnnxWriter.write(model, file);
                System.out.printf("%-20s %,11d parameters %,12d bytes %6d ms  %s%n", name, ParameterCount.of(model),
                        Files.size(file), (System.nanoTime() - t0) / 1_000_000, file);
            }
        } catch (IllegalArgumentException | StudioException | java.io.IOException e) {
            System.err.println("npustudio samples: " + e.getMessage());
            System.exit(1);
        }
    }
}
