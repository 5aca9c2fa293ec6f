package org.npustudio.samples;

import org.npustudio.ir.Model;

/**
 * A small post-norm Transformer encoder (as nn.TransformerEncoderLayer with GELU, written out module
 * by module so it exports the way PyTorch traces it): per layer, multi-head self-attention with
 * separate q/k/v projections, a residual Add and LayerNorm, then a GELU feed-forward with its own
 * residual Add and LayerNorm. Sequence 16, d_model 64, 4 heads, feed-forward 256, 2 layers.
 */
final class TransformerEncoder {
    static final long SEED = 64;
    private static final long SEQ = 16;
    private static final long D_MODEL = 64;
    private static final long HEADS = 4;
    private static final long D_HEAD = D_MODEL / HEADS;
    private static final long FF = 256;
    private static final int LAYERS = 2;

    private final Nn nn;

    private TransformerEncoder(Nn nn) {
        this.nn = nn;
    }

    static Model build() {
        GraphBuilder b = new GraphBuilder("transformer-encoder", SEED);
        TransformerEncoder t = new TransformerEncoder(new Nn(b));
        String x = b.input("input", 1, SEQ, D_MODEL);
        for (int i = 0; i < LAYERS; i++) x = t.encoderLayer("layers." + i, x);
        return b.finish(x);
    }

    private String encoderLayer(String path, String x) {
        x = nn.layerNorm(path + ".norm1", nn.add(path, x, selfAttention(path + ".self_attn", x)));
        String ff = nn.linear(path + ".linear2", nn.gelu(path + ".activation", nn.linear(path + ".linear1", x, FF)), D_MODEL);
        return nn.layerNorm(path + ".norm2", nn.add(path, x, ff));
    }

    private String selfAttention(String path, String x) {
        String q = nn.transpose(path, heads(path, nn.linear(path + ".q_proj", x, D_MODEL)), 0, 2, 1, 3);
        String kT = nn.transpose(path, heads(path, nn.linear(path + ".k_proj", x, D_MODEL)), 0, 2, 3, 1);
        String v = nn.transpose(path, heads(path, nn.linear(path + ".v_proj", x, D_MODEL)), 0, 2, 1, 3);
        String scores = nn.div(path, nn.matmul(path, q, kT), (float) Math.sqrt(D_HEAD));
        String context = nn.matmul(path, nn.softmax(path, scores), v);
        String merged = nn.reshape(path, nn.transpose(path, context, 0, 2, 1, 3), 1, SEQ, D_MODEL);
        return nn.linear(path + ".out_proj", merged, D_MODEL);
    }

    /** [1, seq, d_model] to [1, seq, heads, d_head]. */
    private String heads(String path, String x) {
        return nn.reshape(path, x, 1, SEQ, HEADS, D_HEAD);
    }
}
