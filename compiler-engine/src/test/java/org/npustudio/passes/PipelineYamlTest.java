package org.npustudio.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npustudio.passes.opt.FuseActivationPass;
import org.npustudio.yaml.YamlException;

class PipelineYamlTest {
    @Test
    void readsPassesWithAndWithoutOptions() throws Exception {
        Pipeline p = PipelineYaml.parse("""
                name: mine
                passes:
                  - constant-folding
                  - fuse-activation:
                      activations: [Relu, Clip]
                  - quantize:
                      method: percentile
                      percentile: 99.9
                      samples: 2
                      int4-layers: [conv2]
                """, "p.yaml");
        assertEquals("mine", p.name());
        assertEquals(List.of("constant-folding", "fuse-activation", "quantize"), p.passes().stream().map(Pass::name).toList());
        assertEquals(List.of("Relu", "Clip"), ((FuseActivationPass) p.passes().get(1)).options().strings("activations"));
        assertEquals(99.9, p.passes().get(2).options().number("percentile"));
        assertEquals(2L, p.passes().get(2).options().integer("samples"));
    }

    @Test
    void anUnknownPassIsAnErrorWithLineColumnAndTheValidPasses() {
        YamlException e = assertThrows(YamlException.class, () -> PipelineYaml.parse("""
                passes:
                  - constant-folding
                  - fold-batchnrom
                """, "p.yaml"));
        assertEquals(3, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("unknown pass 'fold-batchnrom' (valid passes: shape-inference, constant-folding,"), e.getMessage());
        assertTrue(e.getMessage().contains("fold-batchnorm"));
    }

    @Test
    void anUnknownOptionIsAnErrorListingTheValidOnes() {
        YamlException e = assertThrows(YamlException.class, () -> PipelineYaml.parse("""
                passes:
                  - quantize:
                      metod: minmax
                """, "p.yaml"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("pass 'quantize' has no option 'metod' (valid options: method (text, default minmax)"), e.getMessage());
        YamlException none = assertThrows(YamlException.class, () -> PipelineYaml.parse("passes:\n  - fold-batchnorm: {x: 1}\n", "p.yaml"));
        assertTrue(none.getMessage().contains("(it takes no options)"), none.getMessage());
    }

    @Test
    void badValuesAndShapesAreErrors() {
        assertTrue(assertThrows(YamlException.class, () -> PipelineYaml.parse("passes:\n  - quantize: {samples: many}\n", "p.yaml"))
                .getMessage().contains("'many' is not a whole number"));
        assertTrue(assertThrows(YamlException.class, () -> PipelineYaml.parse("passes:\n  - quantize: {method: magic}\n", "p.yaml"))
                .getMessage().contains("method must be minmax, percentile, entropy or mse"));
        assertTrue(assertThrows(YamlException.class, () -> PipelineYaml.parse("passes:\n  - fuse-activation: {activations: [Softmax]}\n", "p.yaml"))
                .getMessage().contains("cannot fuse 'Softmax'"));
        assertTrue(assertThrows(YamlException.class, () -> PipelineYaml.parse("pases: []\n", "p.yaml"))
                .getMessage().contains("unknown key 'pases' (valid keys: name, passes)"));
    }
}
