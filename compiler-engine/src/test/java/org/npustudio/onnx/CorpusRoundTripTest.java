package org.npustudio.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.npustudio.ir.IrEquality;
import org.npustudio.ir.Model;
import org.npustudio.onnx.proto.OnnxProto;
import org.npustudio.testdata.TestData;

/**
 * Walks every model of ONNX's backend test data (node, light, pytorch-converted, pytorch-operator,
 * simple): import, export, re-import. The exported message must equal the original one field for
 * field (canonical form), and the re-imported IR must equal the first import.
 */
class CorpusRoundTripTest {

    @Test
    void everyCorpusModelImportsExportsAndReimportsUnchanged() throws Exception {
        List<Path> files = TestData.sharedFiles("onnx-testdata", ".onnx");
        Map<String, Integer> perFolder = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                Model first = OnnxReader.read(f);
                OnnxProto.ModelProto original = OnnxProto.ModelProto.parseFrom(Files.readAllBytes(f));
                byte[] exported = OnnxWriter.toBytes(first);
                OnnxProto.ModelProto written = OnnxProto.ModelProto.parseFrom(exported);
                if (!ProtoCanon.canon(original).equals(ProtoCanon.canon(written))) {
                    failures.add(f + ": exported message differs from the original");
                    continue;
                }
                Model second = OnnxReader.read(exported, f.toString(), f.getParent());
                List<String> diffs = IrEquality.differences(first, second);
                if (!diffs.isEmpty()) failures.add(f + ": re-import differs: " + diffs.subList(0, Math.min(3, diffs.size())));
                else perFolder.merge(TestData.shared("onnx-testdata").relativize(f).getName(0).toString(), 1, Integer::sum);
            } catch (Exception e) {
                failures.add(f + ": " + e.getMessage());
            }
        }
        System.out.println("[corpus round trip] " + files.size() + " models; equal after round trip per folder: " + perFolder);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0, Math.min(10, failures.size())));
        assertEquals(files.size(), perFolder.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(files.size() > 1800, "expected the whole corpus, found " + files.size());
    }
}
