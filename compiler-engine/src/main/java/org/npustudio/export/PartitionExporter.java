package org.npustudio.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.npustudio.error.StudioException;
import org.npustudio.runtime.OrtRunner;
import org.npustudio.ir.Model;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;
import org.npustudio.plan.yaml.PlanYamlWriter;

/**
 * Writes {@code DIR/<partition>.onnx} for every non-empty partition plus {@code DIR/plan.yaml}, as one
 * set: everything is written into a hidden sibling folder which then replaces {@code DIR}. On any error
 * the temporary folder is removed and {@code DIR} is as it was. An existing {@code DIR} is replaced only
 * when it is empty or holds nothing but a previous export ({@code plan.yaml} and {@code .onnx} files),
 * so no other file can be lost.
 */
public final class PartitionExporter {
    public static final String PLAN_FILE = "plan.yaml";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+=-]*");

    /** What was written. */
    public record Result(Path dir, List<Path> files, PartitionSplitter.Split split) {}

    private PartitionExporter() {}

    /**
     * The QDQ nodes (and the lifted opset) are ours, not the user's: every quantized partition must open in ONNX
     * Runtime before anything is written, so an export never succeeds with a file ORT refuses.
     */
    private static void loadsInOrt(PartitionSplitter.Split split) throws StudioException {
        for (PartitionModel pm : split.pieces()) {
            try {
                OrtRunner.open(pm.bytes(), pm.name() + ".onnx", OrtRunner.Options.DETERMINISTIC).close();
            } catch (StudioException e) {
                throw new StudioException("export", "partition " + pm.name(), "ONNX Runtime refuses the quantized partition: " + e.problem(), e);
            }
        }
    }

    public static Result export(Model model, Plan plan, Path dir) throws StudioException {
        for (Partition p : allPartitions(plan)) {
            if (!SAFE_NAME.matcher(p.name()).matches() || p.name().length() > 200) {
                throw new StudioException("plan", "partition " + p.name(), "the name cannot be a file name (use letters, digits, _ . - + =)");
            }
        }
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new StudioException(dir.toString(), "", "cannot export into the file-system root");
        refuseForeignContent(target);
        PartitionSplitter.Split split = PartitionSplitter.split(model, plan);
        if (split.quantization() != null) loadsInOrt(split);
        Path tmp = null;
        Path old = null;
        try {
            if (!Files.isDirectory(parent)) throw new StudioException(dir.toString(), "", "the folder " + parent + " does not exist");
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".export-");
            List<Path> files = new ArrayList<>();
            for (PartitionModel pm : split.pieces()) {
                Path f = tmp.resolve(pm.name() + ".onnx");
                try (OutputStream out = Files.newOutputStream(f)) {
                    pm.proto().writeTo(out);
                }
                files.add(target.resolve(f.getFileName()));
            }
            Files.writeString(tmp.resolve(PLAN_FILE), PlanYamlWriter.write(plan));
            files.add(target.resolve(PLAN_FILE));
            if (Files.exists(target)) {
                old = parent.resolve("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            try {
                move(tmp, target);
                tmp = null;
            } catch (IOException e) {
                if (old != null) move(old, target);
                old = null;
                throw e;
            }
            return new Result(target, files, split);
        } catch (IOException e) {
            throw new StudioException(dir.toString(), "", "cannot write the export: " + describe(e), e);
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    private static List<Partition> allPartitions(Plan plan) {
        List<Partition> all = new ArrayList<>(plan.partitions());
        all.add(plan.rest());
        return all;
    }

    private static void refuseForeignContent(Path target) throws StudioException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new StudioException(target.toString(), "", "exists and is not a folder");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !(n.equals(PLAN_FILE) || n.endsWith(".onnx"))) {
                    throw new StudioException(target.toString(), "", "is not empty and not a previous export (it holds " + n
                            + "); choose an empty or new folder");
                }
            }
        } catch (IOException e) {
            throw new StudioException(target.toString(), "", "cannot read the folder: " + describe(e), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover hidden temporary folder is harmless
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied (" + e.getMessage() + ")";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason() + " (" + f.getFile() + ")";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
