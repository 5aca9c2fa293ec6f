package org.npustudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.samples.SampleLibrary;

/** {@code npustudio samples [DIR] [--list]}: writes the bundled sample models (deterministic). */
@Command(name = "samples", description = "write the bundled sample models (ResNet50, MobileNetV2, LeNet-5, MLP, transformer)",
        footer = """
                Builds every sample with a fixed seed and writes it to DIR (default: the samples folder the
                IDE uses, samples/models of the checkout). Existing files are replaced.""")
final class SamplesCommand extends StudioCommand {
    @Parameters(paramLabel = "DIR", arity = "0..1", description = "where to write the samples")
    Path target;

    @Option(names = "--list", description = "only list the samples")
    boolean list;

    @Override
    public int run() throws StudioException {
        if (list) {
            for (SampleLibrary.Sample s : SampleLibrary.samples()) {
                ctx.out().printf("%-20s %-26s %s%n", s.name(), s.fileName(), s.description());
            }
            return Cli.OK;
        }
        Path dir = target == null ? ModelFiles.sampleFolder() : target;
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new StudioException(dir.toString(), "", "is not a folder");
        for (SampleLibrary.Sample s : SampleLibrary.samples()) {
            long t0 = System.nanoTime();
            Path file = SampleLibrary.write(s.name(), dir);
            ctx.out().printf("%-20s %,13d bytes %6d ms  %s%n", s.name(), sizeOf(file), (System.nanoTime() - t0) / 1_000_000, file);
        }
        return Cli.OK;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
