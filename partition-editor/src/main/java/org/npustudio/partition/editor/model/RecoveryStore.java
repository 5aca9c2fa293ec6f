package org.npustudio.partition.editor.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.plan.yaml.PlanYamlWriter;

/**
 * Autosave copies of unsaved plans, one per model: {@code DIR/<model-sha256>.plan.yaml} (our plan format)
 * and {@code DIR/<model-sha256>.source} (the path of the plan file being edited, empty for a new plan).
 * Keyed by the model's content, not its path, so a moved model still finds its recovery file and two
 * copies of one model share it. DIR is {@code ~/.npustudio/recovery} unless the system property
 * {@code npustudio.recovery.dir} names another folder.
 */
public final class RecoveryStore {
    /** A recovery file worth offering. */
    public record Recovery(Path file, Path source, FileTime written) {}

    private final Path dir;

    public RecoveryStore(Path dir) { this.dir = dir; }

    public static RecoveryStore standard() {
        String p = System.getProperty("npustudio.recovery.dir");
        return new RecoveryStore(p != null && !p.isBlank() ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".npustudio", "recovery"));
    }

    public Path dir() { return dir; }

    public Path planFile(ModelRef model) { return dir.resolve(model.sha256() + ".plan.yaml"); }

    private Path sourceFile(ModelRef model) { return dir.resolve(model.sha256() + ".source"); }

    /** Writes the autosave copy (plan first, then the pointer to its source), each atomically. */
    public void save(ModelRef model, Plan plan, Path source) throws StudioException {
        requireKnown(model);
        AtomicFiles.writeString(planFile(model), PlanYamlWriter.write(plan));
        AtomicFiles.writeString(sourceFile(model), source == null ? "" : source.toAbsolutePath().toString());
    }

    /**
     * The recovery file of this model when it should be offered: it exists and is newer than the plan file
     * it was autosaved from (or that file is gone, or the plan was never saved).
     */
    public Optional<Recovery> find(ModelRef model) {
        if (model.sha256().isEmpty()) return Optional.empty();
        Path f = planFile(model);
        try {
            if (!Files.isRegularFile(f)) return Optional.empty();
            FileTime written = Files.getLastModifiedTime(f);
            Path source = null;
            if (Files.isRegularFile(sourceFile(model))) {
                String s = Files.readString(sourceFile(model)).strip();
                if (!s.isEmpty()) source = Path.of(s);
            }
            if (source != null && Files.isRegularFile(source) && Files.getLastModifiedTime(source).compareTo(written) >= 0) {
                return Optional.empty();
            }
            return Optional.of(new Recovery(f, source, written));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // an unreadable recovery file is not worth a dialog at start-up
        }
    }

    /** Reads a recovery file (our plan format). */
    public PlanYaml.Loaded read(Recovery r, ModelRef model) throws StudioException {
        return PlanYaml.read(r.file(), model);
    }

    /** Removes the model's recovery files (after a save, or when the user declines them). */
    public void discard(ModelRef model) {
        if (model.sha256().isEmpty()) return;
        try {
            Files.deleteIfExists(planFile(model));
            Files.deleteIfExists(sourceFile(model));
        } catch (IOException ignored) {
            // a stale recovery file is offered again next time, which is harmless
        }
    }

    private static void requireKnown(ModelRef model) throws StudioException {
        if (model.sha256().isEmpty()) throw new StudioException("autosave", "", "the model's SHA-256 is unknown");
    }
}
