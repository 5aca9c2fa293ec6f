package org.npustudio.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * The one way tests find their data (docs/testing.md):
 * <ul>
 *   <li>{@link #root()} — the checkout, found from any module's working folder;</li>
 *   <li>{@link #shared(String)} — ONNX's backend test data and the SCALE-Sim / NEST-C references in the
 *       checkout's {@code ../shared} (or {@code -Dnpustudio.shared=DIR});</li>
 *   <li>{@link #realModels()} — the real-model corpus: checked-in files plus those fetch.sh put in the cache.</li>
 * </ul>
 * Missing data skips the test with the reason on the console, or fails it in strict mode ({@link Strictness}).
 * A corpus folder that exists but holds nothing always fails: a test that iterates nothing proves nothing.
 */
public final class TestData {
    public static final String SHARED_PROPERTY = "npustudio.shared";
    public static final String CACHE_ENV = "NPUSTUDIO_MODEL_CACHE";

    private static volatile Path root;

    private TestData() {}

    /** The checkout's root folder; a test run outside a checkout is a broken setup and fails. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            Path cwd = Path.of(System.getProperty("user.dir"));
            r = CheckoutRoot.find(System.getProperty("npustudio.root"), cwd).orElseThrow(() -> new AssertionFailedError(
                    "cannot find the NPU Studio checkout (a pom.xml listing compiler-engine) above " + cwd.toAbsolutePath()));
            root = r;
        }
        return r;
    }

    /** A file or folder of the checkout, which must exist (it is part of the sources, so its absence always fails). */
    public static Path inCheckout(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) throw new AssertionFailedError("the checkout has no " + relative + " (looked at " + p + ")");
        return p;
    }

    /** The shared folder: -Dnpustudio.shared=DIR, else {@code ../shared} beside the checkout. May not exist. */
    public static Path sharedRoot() {
        String dir = System.getProperty(SHARED_PROPERTY);
        if (dir != null && !dir.isBlank() && !dir.startsWith("${")) return Path.of(dir).toAbsolutePath().normalize();
        return root().getParent().resolve("shared");
    }

    /** A file or folder under the shared folder; skips (or fails when strict) when it is not there. */
    public static Path shared(String relative) {
        Path p = sharedRoot().resolve(relative);
        if (!Files.exists(p)) throw Strictness.current().missing(sharedAbsent(relative, p));
        return p;
    }

    /** Like {@link #shared}, for data that only widens a test: absent gives a note, or a failure when strict. */
    public static Optional<Path> sharedIfPresent(String relative) {
        Path p = sharedRoot().resolve(relative);
        if (Files.exists(p)) return Optional.of(p);
        Strictness.current().note(sharedAbsent(relative, p));
        return Optional.empty();
    }

    /**
     * Every file ending in {@code suffix} under a shared folder (recursively, sorted): skipped or failed as
     * {@link #shared} when the folder is missing; always failed when it holds no such file.
     */
    public static List<Path> sharedFiles(String relativeDir, String suffix) {
        return nonEmpty(filesUnder(shared(relativeDir), suffix), "files *" + suffix + " under " + sharedRoot().resolve(relativeDir));
    }

    private static String sharedAbsent(String relative, Path p) {
        return relative + " not found at " + p + " (the shared test data lives in ../shared beside the checkout"
                + " or in -D" + SHARED_PROPERTY + "=DIR; it is not part of a clone)";
    }

    /** The checked-in part of the real-model corpus. */
    public static Path realModelsDir() {
        return root().resolve("src/test/resources/real-models");
    }

    /** Where fetch.sh puts the fetched part: $NPUSTUDIO_MODEL_CACHE, else ~/.cache/npustudio/real-models. */
    public static Path modelCache() {
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "npustudio", "real-models");
    }

    /** Every corpus entry of models.yaml, present or not. A missing models.yaml skips, or fails when strict. */
    public static List<RealModel> realModelCorpus() {
        Path dir = realModelsDir();
        if (!Files.isRegularFile(dir.resolve("models.yaml"))) {
            throw Strictness.current().missing("the real-model corpus list " + dir.resolve("models.yaml") + " is missing");
        }
        try {
            return nonEmpty(RealModelCorpus.read(dir, modelCache()), "models in " + dir.resolve("models.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The corpus files a test can open: every checked-in model (one missing skips, or fails when strict) and
     * each fetched model that is in the cache. A fetched model that is not is left out with a note, even in
     * strict mode: fetching needs the network, which a build may not have.
     */
    public static List<Path> realModels() {
        return presentRealModels().stream().map(RealModel::path).toList();
    }

    /**
     * As {@link #realModels()}, the entries themselves (with their shape bindings and input values).
     * Derived entries are left out: the test that uses one writes it.
     */
    public static List<RealModel> presentRealModels() {
        List<RealModel> out = new ArrayList<>();
        for (RealModel m : realModelCorpus()) {
            if (m.derived()) continue;
            if (m.present()) {
                out.add(m);
            } else if (m.fetched()) {
                Strictness.print(fetchedAbsent(m));
            } else {
                throw Strictness.current().missing("checked-in corpus model " + m.path() + " is missing");
            }
        }
        return nonEmpty(out, "real models");
    }

    /** One corpus model by file name: a fetched one not in the cache skips the test (even when strict). */
    public static Path realModel(String file) {
        for (RealModel m : realModelCorpus()) {
            if (!m.file().equals(file)) continue;
            if (m.present()) return m.path();
            if (m.fetched()) throw Strictness.lenient().missing(fetchedAbsent(m));
            throw Strictness.current().missing("checked-in corpus model " + m.path() + " is missing");
        }
        throw new AssertionFailedError(file + " is not in " + realModelsDir().resolve("models.yaml"));
    }

    private static String fetchedAbsent(RealModel m) {
        return "fetched corpus model " + m.file() + " is not in the cache " + m.path().getParent()
                + " (fetch.sh could not fetch it: no npm or no network; mvn verify runs it before the e2e tests)";
    }

    /** Fails, in every mode, when a corpus a test iterates is empty. */
    public static <C extends Collection<?>> C nonEmpty(C items, String what) {
        if (items.isEmpty()) throw new AssertionFailedError("no " + what + ": a test over an empty corpus proves nothing");
        return items;
    }

    /** Files ending in {@code suffix} under {@code dir}, recursively, in sorted order. */
    public static List<Path> filesUnder(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
