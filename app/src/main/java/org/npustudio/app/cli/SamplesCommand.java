package org.npustudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.npustudio.app.ModelFiles;
import org.npustudio.error.StudioException;
import org.npustudio.samples.SampleLibrary;

/** {@code npustudio samples [DIR] [--list]}: writes the bundled sample models (deterministic). */
final class SamplesCommand implements Command {
    @Override public String name() { return "samples"; }

    @Override public String synopsis() { return "[DIR] [--list]"; }

    @Override public String summary() { return "write the bundled sample models (ResNet50, MobileNetV2, LeNet-5, MLP, transformer)"; }

    @Override
    public String details() {
        return """
                Builds every sample with a fixed seed and writes it to DIR (default: the samples folder the
                IDE uses, samples/models of the checkout). Existing files are replaced.
                  --list   only list the samples
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws StudioException {
        Args a = Args.parse(name(), args, Set.of("--list"));
        List<String> words = a.positional(0, 1, "DIR");
        if (a.has("--list")) {
            for (SampleLibrary.Sample s : SampleLibrary.samples()) {
                ctx.out().printf("%-20s %-26s %s%n", s.name(), s.fileName(), s.description());
            }
            return Cli.OK;
        }
        Path dir = words.isEmpty() ? ModelFiles.sampleFolder() : Path.of(words.get(0));
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
