package org.npustudio.ir;

import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model-local function (FunctionProto): an operator defined by a body of nodes. Nodes whose
 * (domain, op type) name a function call it. Preserved on round trips; its body is a Graph whose
 * inputs and outputs are untyped names.
 */
public record Function(String name, String domain, String overload, List<String> inputs, List<String> outputs,
                       List<String> attributeNames, List<Attribute> attributeDefaults, Graph body,
                       List<OpsetId> opsetImports, List<ValueInfo> valueInfos, String docString,
                       Map<String, String> metadata, UnknownFieldSet unknownFields) {
    public Function {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributeNames = List.copyOf(attributeNames);
        attributeDefaults = List.copyOf(attributeDefaults);
        opsetImports = List.copyOf(opsetImports);
        valueInfos = new ArrayList<>(valueInfos);
    }

    public boolean matches(String nodeDomain, String opType) {
        return name.equals(opType) && domain.equals(nodeDomain == null ? "" : nodeDomain);
    }
}
