package org.npustudio.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelLoadException.Kind;
import org.npustudio.onnx.proto.OnnxProto;

/**
 * Reads ONNX model files into the IR.
 * <p>The file is memory-mapped and parsed with protobuf aliasing enabled, so large {@code raw_data}
 * fields stay views on the mapping instead of being copied to the heap. External data is resolved
 * and bounds-checked here but only mapped when a tensor's bytes are asked for, which is what lets
 * models whose total size exceeds 2 GB load (the protobuf part itself must be under 2 GB).
 */
public final class OnnxReader {
    /** Protobuf cannot address a single message of 2 GiB or more. */
    static final long MAX_PROTO_BYTES = Integer.MAX_VALUE;

    private OnnxReader() {}

    /** Reads and validates a model file. */
    public static Model read(Path file) throws ModelLoadException {
        return read(file, true);
    }

    public static Model read(Path file, boolean validate) throws ModelLoadException {
        String name = file.toString();
        ByteBuffer bytes = map(file, name);
        Path dir = file.toAbsolutePath().getParent();
        Model m = parse(bytes, name, dir, validate);
        m.setSource(file);
        return m;
    }

    /** Parses a model held in memory; external data is resolved against {@code baseDir} (may be null). */
    public static Model read(byte[] data, String sourceName, Path baseDir) throws ModelLoadException {
        return parse(ByteBuffer.wrap(data), sourceName, baseDir, true);
    }

    private static ByteBuffer map(Path file, String name) throws ModelLoadException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > MAX_PROTO_BYTES) {
                throw new ModelLoadException(Kind.TOO_LARGE, name, "", "the file is " + size + " bytes; ONNX protobuf files"
                        + " must stay under 2 GiB, so weights of larger models have to be stored as external data");
            }
            if (size == 0) throw new ModelLoadException(Kind.NOT_A_MODEL, name, "", "the file is empty");
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return buf;
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(Kind.IO, name, "", "no such file", e);
        } catch (IOException e) {
            throw new ModelLoadException(Kind.IO, name, "", "cannot read: " + e.getMessage(), e);
        }
    }

    static Model parse(ByteBuffer bytes, String name, Path baseDir, boolean validate) throws ModelLoadException {
        OnnxProto.ModelProto proto = parseProto(bytes, name);
        if (!proto.hasGraph() || !proto.hasIrVersion()) {
            throw new ModelLoadException(Kind.NOT_A_MODEL, name, "", "the file is a valid protobuf message but not an ONNX model"
                    + " (it has no " + (proto.hasGraph() ? "ir_version" : "graph") + " field)");
        }
        if (proto.getIrVersion() < 1 || proto.getIrVersion() > 64) {
            throw new ModelLoadException(Kind.NOT_A_MODEL, name, "ir_version", "ir_version " + proto.getIrVersion()
                    + " is not a valid ONNX IR version");
        }
        NodeIdAllocator ids = new NodeIdAllocator(namesInFile(proto));
        Model m = new ProtoToIr(name, baseDir, ids).model(proto);
        if (validate) ModelValidator.validate(m, name);
        return m;
    }

    static OnnxProto.ModelProto parseProto(ByteBuffer bytes, String name) throws ModelLoadException {
        try {
            // Protobuf only aliases buffers it knows are immutable; unsafeWrap declares the read-only
            // mapping so, and raw_data fields then stay views on it instead of heap copies.
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
            in.enableAliasing(true);
            in.setSizeLimit(Integer.MAX_VALUE);
            OnnxProto.ModelProto proto = OnnxProto.ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
            return proto;
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException(Kind.NOT_PROTOBUF, name, "", "not a readable ONNX protobuf (truncated or corrupt: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelLoadException(Kind.IO, name, "", "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Protobuf signals some malformed inputs (e.g. bad UTF-8 in lazily decoded strings) unchecked.
            throw new ModelLoadException(Kind.NOT_PROTOBUF, name, "", "corrupt protobuf data: " + e.getMessage(), e);
        }
    }

    /** Every node name written in the file, so generated ids can avoid them. Iterative over subgraphs. */
    private static Set<String> namesInFile(OnnxProto.ModelProto proto) {
        Set<String> names = new HashSet<>();
        ArrayDeque<OnnxProto.GraphProto> todo = new ArrayDeque<>();
        todo.add(proto.getGraph());
        for (OnnxProto.FunctionProto f : proto.getFunctionsList()) {
            for (OnnxProto.NodeProto n : f.getNodeList()) if (!n.getName().isEmpty()) names.add(n.getName());
        }
        while (!todo.isEmpty()) {
            OnnxProto.GraphProto g = todo.poll();
            for (OnnxProto.NodeProto n : g.getNodeList()) {
                if (!n.getName().isEmpty()) names.add(n.getName());
                for (OnnxProto.AttributeProto a : n.getAttributeList()) {
                    if (a.hasG()) todo.add(a.getG());
                    todo.addAll(a.getGraphsList());
                }
            }
        }
        return names;
    }

    /** True when the path looks like a model file (used by file choosers and the CLI). */
    public static boolean looksLikeModel(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".onnx");
    }
}
