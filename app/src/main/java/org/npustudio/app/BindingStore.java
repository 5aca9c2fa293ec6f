package org.npustudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.plan.ModelRef;
import org.npustudio.shape.ShapeBinding;

/**
 * The input-shape bindings the IDE remembers, one per model file content: {@code DIR/<sha256>.shapes}
 * holding the binding as command-line words, one option per line ({@code --input-shape x=1x3x640x640}),
 * so the file can be pasted into a command. Written atomically. DIR is {@code ~/.npustudio/bindings}
 * unless {@code -Dnpustudio.bindings.dir} says otherwise.
 */
public final class BindingStore {
    private final Path dir;

    public BindingStore(Path dir) { this.dir = dir; }

    public static BindingStore standard() {
        String p = System.getProperty("npustudio.bindings.dir");
        return new BindingStore(p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".npustudio", "bindings"));
    }

    public Path fileFor(String sha256) { return dir.resolve(sha256 + ".shapes"); }

    /** The remembered binding of the model with this content, or null. */
    public ShapeBinding load(String sha256) throws StudioException {
        Path f = fileFor(sha256);
        if (!Files.isRegularFile(f)) return null;
        List<String> shapes = new ArrayList<>(), dims = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(f)) {
                String t = line.trim();
                if (t.startsWith("--input-shape ")) shapes.add(t.substring(14).trim());
                else if (t.startsWith("--dim ")) dims.add(t.substring(6).trim());
                else if (!t.isEmpty() && !t.startsWith("#")) throw new StudioException(f.toString(), "", "unexpected line '" + t + "'");
            }
        } catch (IOException e) {
            throw new StudioException(f.toString(), "", AtomicFiles.describe(e));
        }
        return ShapeBinding.parse(shapes, dims);
    }

    public void save(String sha256, ShapeBinding binding) throws StudioException {
        StringBuilder b = new StringBuilder();
        List<String> words = binding.toArgs();
        for (int i = 0; i < words.size(); i += 2) b.append(words.get(i)).append(' ').append(words.get(i + 1)).append('\n');
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot create folder: " + AtomicFiles.describe(e));
        }
        AtomicFiles.writeString(fileFor(sha256), b.toString());
    }

    /** The key of a model file: the SHA-256 of its bytes. */
    public static String key(Path model) throws StudioException {
        return ModelRef.sha256(model);
    }
}
