package org.npustudio.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Model;
import org.npustudio.onnx.ModelOpener;

class ShapeBindingTest {
    /** x: [batch,3,h,w] float, sr: int64 scalar, state: [2,batch,64]; y = Conv(x) 3x3 stride 1. */
    private static TestGraph model() {
        TestGraph t = new TestGraph(17);
        t.input("x", DataType.FLOAT, "batch", 3, "h", "w").input("sr", DataType.INT64).input("state", DataType.FLOAT, 2, "batch", 64);
        t.floats("w", new long[] {8, 3, 3, 3}, new float[8 * 3 * 3 * 3]);
        t.node("Conv", "x,w", "y");
        t.output("y");
        return t;
    }

    private static String error(List<String> shapes, List<String> dims) {
        TestGraph t = model();
        return assertThrows(StudioException.class, () -> ShapeBinding.parse(shapes, dims).applyTo(t.model)).oneLine();
    }

    @Test
    void inputValuesAreCarriedAndSpecialiseTheOpenedModel() throws Exception {
        ShapeBinding b = ShapeBinding.parse(List.of("x=1x3x8x8"), List.of()).withValues(List.of("sr=16000"));
        assertEquals("--input-shape x=1x3x8x8 --input-value sr=16000", b.toString());
        assertFalse(b.equals(ShapeBinding.parse(List.of("x=1x3x8x8"), List.of())), "values are part of the binding");
        assertFalse(ShapeBinding.NONE.withValues(List.of("sr=1")).isEmpty());
        TestGraph t = model();
        Path file = java.nio.file.Files.createTempFile("bind", ".onnx");
        try {
            t.model.setIrVersion(8);
            org.npustudio.onnx.OnnxWriter.write(t.model, file);
            Model m = ModelOpener.open(file, ShapeBinding.parse(List.of("x=1x3x8x8", "state=2x1x64"), List.of()).withValues(List.of("sr=16000")));
            assertEquals(List.of("x", "state"), m.graph().inputs().stream().map(v -> v.name()).toList(), "sr is no longer an input");
            assertEquals(16000L, m.graph().initializers().get("sr").toLongs()[0]);
            String bad = assertThrows(StudioException.class, () -> ModelOpener.open(file,
                    ShapeBinding.parse(List.of("x=1x3x8x8"), List.of()).withValues(List.of("sr=fast")))).oneLine();
            assertEquals("--input-value: sr: 'fast' is not a valid int64 value", bad);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void parsesShapesScalarsAndDims() throws Exception {
        ShapeBinding b = ShapeBinding.parse(List.of("x=1x3x640x640", "sr=scalar", "t="), List.of("batch=4"));
        assertEquals(List.of(1L, 3L, 640L, 640L), b.inputShapes().get("x"));
        assertEquals(List.of(), b.inputShapes().get("sr"));
        assertEquals(List.of(), b.inputShapes().get("t"));
        assertEquals(Map.of("batch", 4L), b.dims());
        assertEquals("--input-shape x=1x3x640x640 --input-shape sr=scalar --input-shape t=scalar --dim batch=4", b.toString());
        assertEquals(b, ShapeBinding.parse(List.of("x=1,3,640,640", "sr=", "t=scalar"), List.of("batch=4")));
    }

    @Test
    void malformedTextIsOneLineError() {
        assertEquals("--input-shape: 'x' is not NAME=DIMS, e.g. x=1x3x640x640 (a scalar: NAME=scalar)",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of("x"), List.of())).oneLine());
        assertEquals("--input-shape: x: '3a' is not a whole number",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of("x=1x3ax4"), List.of())).oneLine());
        assertEquals("--dim: 'batch' is not SYMBOL=N, e.g. batch=1",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of(), List.of("batch"))).oneLine());
        assertEquals("--dim: batch: 'many' is not a whole number",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of(), List.of("batch=many"))).oneLine());
        assertEquals("--input-shape: x: is given more than once",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of("x=1", "x=2"), List.of())).oneLine());
    }

    @Test
    void zeroOrNegativeSizesAreRefused() {
        assertEquals("--input-shape: x: dimension 0 must be at least 1",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of("x=1x3x0x4"), List.of())).oneLine());
        assertEquals("--input-shape: x: dimension -2 must be at least 1",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of("x=1x3x-2x4"), List.of())).oneLine());
        assertEquals("--dim: batch: dimension 0 must be at least 1",
                assertThrows(StudioException.class, () -> ShapeBinding.parse(List.of(), List.of("batch=0"))).oneLine());
    }

    @Test
    void unknownInputListsTheInputs() {
        assertEquals("--input-shape: images: the model has no input named 'images'; inputs: x, sr, state",
                error(List.of("images=1x3x8x8"), List.of()));
    }

    @Test
    void wrongRankSaysTheModelsRankAndDims() {
        assertEquals("--input-shape: x: input 'x' has rank 4 [batch,3,h,w], the binding gives 3 (1x3x8)",
                error(List.of("x=1x3x8"), List.of()));
    }

    @Test
    void contradictingAConcreteDimIsAnError() {
        assertEquals("--input-shape: x: dimension 1 of input 'x' is 3 in the model [batch,3,h,w], the binding gives 4",
                error(List.of("x=1x4x8x8"), List.of()));
    }

    @Test
    void aSymbolBoundTwiceDifferentlyIsAnError() {
        assertEquals("--input-shape: x: dimension 0 of input 'x' is 'batch', already bound to 2, the binding gives 1",
                error(List.of("x=1x3x8x8"), List.of("batch=2")));
    }

    @Test
    void dimNamingNoSymbolListsTheSymbols() {
        assertEquals("--dim: height: the model's inputs have no dimension named 'height'; symbols: batch, h, w",
                error(List.of(), List.of("height=8")));
    }

    @Test
    void applyRewritesInputsSubstitutesSymbolsAndReinfers() throws Exception {
        TestGraph t = model();
        ShapeBinding.parse(List.of("x=2x3x10x12"), List.of()).applyTo(t.model);
        assertEquals("FLOAT[2,3,10,12]", t.type("x"));
        assertEquals("FLOAT[2,2,64]", t.type("state"));
        assertEquals("FLOAT[2,8,8,10]", t.type("y"));
        assertTrue(ShapeBinding.unboundInputs(t.model).isEmpty());
    }

    @Test
    void dimsAloneBindEverySymbol() throws Exception {
        TestGraph t = model();
        ShapeBinding.parse(List.of(), List.of("batch=1", "h=5", "w=7")).applyTo(t.model);
        assertEquals("FLOAT[1,8,3,5]", t.type("y"));
        assertEquals("FLOAT[2,1,64]", t.type("state"));
    }

    @Test
    void suggestionUsesBatchOneImage224AndOneValuePerSymbol() {
        TestGraph t = model();
        ShapeBinding s = ShapeBinding.suggest(t.model);
        assertEquals(Map.of("x", List.of(1L, 3L, 224L, 224L), "state", List.of(2L, 1L, 64L)), s.inputShapes());
        TestGraph nhwc = new TestGraph(17);
        nhwc.input("img", DataType.FLOAT, "n", "?", "?", 3).input("audio", DataType.FLOAT, "n", "samples");
        assertEquals(Map.of("img", List.of(1L, 224L, 224L, 3L), "audio", List.of(1L, 1L)), ShapeBinding.suggest(nhwc.model).inputShapes());
    }

    @Test
    void aRealDetectorOpensBoundAndSuggestsItsShape() throws Exception {
        Path det = Path.of("../src/test/resources/real-models/ch_PP-OCRv4_det_infer.onnx");
        Model unbound = ModelOpener.open(det);
        assertFalse(ShapeBinding.unboundInputs(unbound).isEmpty());
        assertEquals(Map.of("x", List.of(1L, 3L, 224L, 224L)), ShapeBinding.suggest(unbound).inputShapes());
        Model bound = ModelOpener.open(det, ShapeBinding.parse(List.of("x=1x3x640x640"), List.of()));
        assertTrue(ShapeBinding.unboundInputs(bound).isEmpty());
        String out = bound.graph().outputs().get(0).name();
        assertEquals("[1,1,640,640]", ((org.npustudio.ir.TypeInfo.TensorType) bound.graph().typeOf(out)).shape().toString());
    }
}
