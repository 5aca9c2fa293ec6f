package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.BadModelFactory.BadCase;
import org.npustudio.onnx.BadModelFactory.Category;

/**
 * Writes hundreds of broken model files to target/bad-inputs and checks that the reader turns every
 * one into a {@link ModelLoadException} that names the file and the problem on one line, of the right
 * kind for targeted damage, within 5 s and without any other exception or error escaping.
 */
class BadInputCorpusTest {
    private static final Path DIR = Path.of("target", "bad-inputs");
    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** What reading one file did: loaded, failed as expected (with the exception), or something else. */
    private record Result(ModelLoadException error, Throwable unexpected) {}

    @Test
    void everyBadFileIsRejectedWithAClearOneLineError() throws IOException {
        List<BadCase> cases = corpus();
        clean(DIR);
        List<String> failures = new ArrayList<>();
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        Map<Category, Map<String, Integer>> outcomes = new EnumMap<>(Category.class);
        for (BadCase c : cases) {
            Path file = write(c);
            counts.merge(c.category(), 1, Integer::sum);
            String outcome = check(c, file, failures);
            outcomes.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder("bad-input corpus: " + cases.size() + " files in " + DIR + "\n");
        counts.forEach((cat, n) -> summary.append(String.format("  %-17s %4d  %s%n", cat, n, outcomes.get(cat))));
        System.out.print(summary);
        assertTrue(cases.size() >= 300, "the corpus should hold at least 300 files, has " + cases.size());
        assertTrue(failures.isEmpty(), failures.size() + " files handled badly:\n" + String.join("\n", failures.subList(0,
                Math.min(40, failures.size()))));
    }

    /** Checks one file; returns a short outcome label for the summary and records any failure. */
    private static String check(BadCase c, Path file, List<String> failures) {
        Result r;
        try {
            r = assertTimeoutPreemptively(LIMIT, () -> read(file));
        } catch (Throwable timeout) {
            failures.add(file + ": not done within " + LIMIT.toSeconds() + " s (" + timeout.getMessage() + ")");
            return "TIMEOUT";
        }
        if (r.unexpected() != null) {
            failures.add(file + ": " + r.unexpected().getClass().getName() + " instead of ModelLoadException: " + r.unexpected().getMessage());
            return r.unexpected().getClass().getSimpleName();
        }
        if (r.error() == null) {
            if (!c.category().mayLoad()) failures.add(file + ": loaded although it is " + c.category());
            return "loaded";
        }
        ModelLoadException e = r.error();
        if (c.category().mustLoad()) failures.add(file + ": refused although " + c.category() + " must load: " + e.getMessage());
        String msg = e.getMessage();
        if (msg == null || !msg.contains(file.toString())) failures.add(file + ": message does not name the file: " + msg);
        if (msg != null && (msg.contains("\n") || msg.contains("\r"))) failures.add(file + ": message is not one line: " + msg);
        if (e.problem() == null || e.problem().isBlank()) failures.add(file + ": message states no problem: " + msg);
        if (c.category().expected != null && e.kind() != c.category().expected) {
            failures.add(file + ": kind " + e.kind() + " but " + c.category() + " should give " + c.category().expected + ": " + msg);
        }
        return e.kind().name();
    }

    private static Result read(Path file) {
        try {
            use(OnnxReader.read(file));
            return new Result(null, null);
        } catch (ModelLoadException e) {
            return new Result(e, null);
        } catch (Throwable t) { // includes OutOfMemoryError and StackOverflowError: all are failures here
            return new Result(null, t);
        }
    }

    /** A model that loads must also be usable: its graph ordered and its tensors' bytes readable. */
    private static void use(Model m) {
        m.graph().topologicalOrder();
        for (Tensor t : m.graph().initializers().values()) {
            if (t.dataType() != DataType.STRING && t.dataType() != DataType.UNDEFINED && !t.proto().hasSegment()) t.rawBytes();
        }
    }

    private static List<BadCase> corpus() throws IOException {
        Map<String, byte[]> seeds = SeedModels.all();
        List<BadCase> cases = new ArrayList<>(BadModelFactory.notModels(seeds.get("convgemm"), 40));
        for (Map.Entry<String, byte[]> s : seeds.entrySet()) {
            boolean builtIn = s.getKey().equals("convgemm");
            cases.addAll(BadModelFactory.derive(s.getKey(), s.getValue(), builtIn ? 130 : 10));
        }
        return cases;
    }

    private static Path write(BadCase c) throws IOException {
        Path dir = DIR.resolve(c.category().name().toLowerCase());
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(BadModelFactory.SIDE_FILE), BadModelFactory.sideFile());
        }
        Path file = dir.resolve(c.name() + ".onnx");
        Files.write(file, c.bytes());
        return file;
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void theSeedsThemselvesLoad() throws IOException {
        for (Map.Entry<String, byte[]> s : SeedModels.all().entrySet()) {
            assertDoesNotThrow(() -> OnnxReader.read(s.getValue(), s.getKey(), null), "seed " + s.getKey() + " must be valid");
        }
    }
}
