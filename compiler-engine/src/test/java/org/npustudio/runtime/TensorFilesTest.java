package org.npustudio.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;
import org.npustudio.testdata.SharedData;

/** Reads .npy fixtures written by real NumPy (see resources/npy/make_fixtures.py) and TensorProto files. */
class TensorFilesTest {
    private static final double[] FLOATS = {-2.5, -0.0, 0.0, 0.75, Double.POSITIVE_INFINITY, Double.NaN};

    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TensorFilesTest.class.getResource("/npy/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"i1,INT8,-128,127", "i2,INT16,-32768,32767", "i4,INT32,-2147483648,2147483647",
            "i8,INT64,-9223372036854775808,9223372036854775807", "u1,UINT8,0,255", "u2,UINT16,0,65535",
            "u4,UINT32,0,4294967295", "u8,UINT64,0,-1"})
    void readsIntegerArrays(String code, DataType type, long min, long max) throws Exception {
        Tensor t = TensorFiles.read(fixture(code + ".npy"));
        assertEquals(type, t.dataType());
        assertArrayEquals(new long[] {2, 3}, t.dims());
        long second = min < 0 ? -1 : 1;
        assertArrayEquals(new long[] {min, second, 0, 1, 2, max}, t.toLongs()); // u8 max is -1 as signed bits
    }

    @ParameterizedTest
    @CsvSource({"f2,FLOAT16", "f4,FLOAT", "f8,DOUBLE", "v2_f4,FLOAT", "v3_f4,FLOAT"})
    void readsFloatArraysOfEveryHeaderVersion(String name, DataType type) throws Exception {
        Tensor t = TensorFiles.readNpy(fixture(name + ".npy"));
        assertEquals(type, t.dataType());
        assertArrayEquals(new long[] {2, 3}, t.dims());
        double[] v = t.toDoubles();
        for (int i = 0; i < FLOATS.length; i++) {
            assertEquals(Double.doubleToLongBits(FLOATS[i]), Double.doubleToLongBits(v[i]), "element " + i + " of " + name);
        }
    }

    @Test
    void readsBoolScalarEmptyAndVectorArrays() throws Exception {
        Tensor b = TensorFiles.read(fixture("b1.npy"));
        assertEquals(DataType.BOOL, b.dataType());
        assertArrayEquals(new long[] {1, 0, 1, 1, 0, 0}, b.toLongs());
        Tensor scalar = TensorFiles.read(fixture("scalar_f8.npy"));
        assertArrayEquals(new long[0], scalar.dims());
        assertArrayEquals(new double[] {0.75}, scalar.toDoubles());
        Tensor empty = TensorFiles.read(fixture("empty_i4.npy"));
        assertArrayEquals(new long[] {0, 3}, empty.dims());
        assertEquals(0, empty.elementCount());
        Tensor vector = TensorFiles.read(fixture("vector_u1.npy"));
        assertArrayEquals(new long[] {5}, vector.dims());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, vector.toLongs());
        assertEquals("vector_u1", vector.name());
    }

    @ParameterizedTest
    @CsvSource({"bad_fortran_f4.npy,Fortran order", "bad_bigendian_f4.npy,not little-endian",
            "bad_complex_c8.npy,unsupported dtype '<c8'", "bad_structured.npy,structured array"})
    void rejectsArraysItCannotRepresent(String name, String problem) throws Exception {
        Path file = fixture(name);
        StudioException e = assertThrows(StudioException.class, () -> TensorFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void rejectsDamagedNpyFiles() throws Exception {
        byte[] good = Files.readAllBytes(fixture("f4.npy"));
        expectProblem(write("short.npy", Arrays.copyOf(good, good.length - 1)), "needs 24 bytes but the file holds 23");
        expectProblem(write("long.npy", Arrays.copyOf(good, good.length + 4)), "needs 24 bytes but the file holds 28");
        expectProblem(write("header_cut.npy", Arrays.copyOf(good, 40)), "file ends before");
        byte[] magic = good.clone();
        magic[1] = 'X';
        expectProblem(write("magic.npy", magic), "not a NumPy .npy file");
        byte[] version = good.clone();
        version[6] = 9;
        expectProblem(write("version.npy", version), "unsupported .npy format version 9");
        byte[] header = good.clone();
        header[10] = '[';
        expectProblem(write("header.npy", header), "expected '{'");
        expectProblem(write("empty.npy", new byte[0]), "the file is empty");
        expectProblem(tmp.resolve("missing.npy"), "no such file");
    }

    @Test
    void readsTensorProtoWithRawOrTypedData() throws Exception {
        TensorProto raw = Tensor.ofFloats("x", new long[] {2, 2}, new float[] {1, 2, 3, 4}).proto();
        Tensor a = TensorFiles.read(write("raw.pb", raw.toByteArray()));
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.toFloats());
        assertEquals("x", a.name());
        TensorProto typed = TensorProto.newBuilder().setName("y").setDataType(DataType.INT64.code()).addDims(3)
                .addInt64Data(7).addInt64Data(-8).addInt64Data(9).build();
        assertArrayEquals(new long[] {7, -8, 9}, TensorFiles.read(write("typed.pb", typed.toByteArray())).toLongs());
    }

    @Test
    void rejectsBadTensorProtos() throws Exception {
        TensorProto good = Tensor.ofFloats("x", new long[] {2, 2}, new float[] {1, 2, 3, 4}).proto();
        expectProblem(write("size.pb", good.toBuilder().addDims(2).build().toByteArray()), "raw_data has 16 bytes but dims [2, 2, 2]");
        expectProblem(write("type.pb", good.toBuilder().setDataType(99).build().toByteArray()), "data_type 99 is not an ONNX element type");
        expectProblem(write("neg.pb", good.toBuilder().setDims(0, -2).build().toByteArray()), "negative dimension -2");
        TensorProto typed = TensorProto.newBuilder().setDataType(1).addDims(3).addFloatData(1).build();
        expectProblem(write("count.pb", typed.toByteArray()), "holds 1 values but dims [3] of float32 need 3");
        byte[] bytes = good.toByteArray();
        expectProblem(write("cut.pb", Arrays.copyOf(bytes, bytes.length - 3)), "not a readable TensorProto");
    }

    @Test
    void recognisesASequenceProtoAsNotATensor() throws Exception {
        // SequenceProto's wire layout: name = 1, elem_type = 2 (1 = tensor), tensor_values = 3.
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        out.writeString(1, "seq");
        out.writeInt32(2, 1);
        out.writeByteArray(3, Tensor.ofFloats("a", new long[] {2}, new float[] {1, 2}).proto().toByteArray());
        out.flush();
        expectProblem(write("sequence.pb", buf.toByteArray()), "not a TensorProto");
    }

    @Test
    void recognisesSequenceDataOfTheOnnxTestSuite(
            @SharedData("onnx-testdata/node/test_identity_sequence/test_data_set_0/input_0.pb") Path file) throws Exception {
        expectProblem(file, "not a TensorProto");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static void expectProblem(Path file, String problem) {
        StudioException e = assertThrows(StudioException.class, () -> TensorFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertTrue(!e.oneLine().contains("\n"));
    }
}
