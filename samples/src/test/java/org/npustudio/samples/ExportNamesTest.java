package org.npustudio.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExportNamesTest {
    @Test
    void scopesFollowPyTorchModulePaths() {
        assertEquals("/conv1", ExportNames.scopeOf("conv1"));
        assertEquals("/layer1/layer1.0/conv1", ExportNames.scopeOf("layer1.0.conv1"));
        assertEquals("/layer1/layer1.0/downsample/downsample.0", ExportNames.scopeOf("layer1.0.downsample.0"));
        assertEquals("/features/features.0/features.0.0", ExportNames.scopeOf("features.0.0"));
        assertEquals("/features/features.1/conv/conv.0/conv.0.0", ExportNames.scopeOf("features.1.conv.0.0"));
    }

    @Test
    void repeatedModuleCallsAndOpsGetSuffixes() {
        ExportNames names = new ExportNames();
        assertEquals("/layer1/layer1.0/relu", names.call("layer1.0.relu"));
        assertEquals("/layer1/layer1.0/relu_1", names.call("layer1.0.relu"));
        assertEquals("/layer1/layer1.1/relu", names.call("layer1.1.relu"));
        assertEquals("/act/Mul", names.node("/act", "Mul"));
        assertEquals("/act/Mul_1", names.node("/act", "Mul"));
        assertEquals("/Flatten", names.node(names.call(""), "Flatten"));
        assertEquals("/Flatten_output_0", ExportNames.output("/Flatten", 0));
    }
}
