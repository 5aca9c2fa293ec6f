package org.npustudio.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.npustudio.error.StudioException;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * half-written file: write a hidden sibling, then rename it over the target. New files get the
 * user's default permissions (unlike Files.createTempFile's 0600).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void writeString(Path target, String text) throws StudioException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws StudioException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = sibling(dir, target.getFileName().toString());
            Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            moveOver(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new StudioException(target.toString(), "", "cannot write: " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover hidden temp file is harmless
                }
            }
        }
    }

    /** A new empty hidden file beside {@code name} in {@code dir}. */
    public static Path sibling(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(p, StandardOpenOption.CREATE_NEW).close();
                return p;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
    }

    public static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Java's IOException messages are often just the path; name the kind of failure too. */
    public static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder";
            case "FileSystemException" -> "file system error";
            case "NotDirectoryException" -> "a path component is not a folder";
            case "FileAlreadyExistsException" -> "a file is in the way of a folder";
            default -> e.getClass().getSimpleName();
        };
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? ": " + f.getReason() : "";
        return kind + reason;
    }
}
