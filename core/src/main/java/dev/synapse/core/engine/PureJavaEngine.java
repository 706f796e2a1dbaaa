package dev.synapse.core.engine;

/**
 * The always-present engine, in plain Java: a 4×8 register tile of C updated with {@link Math#fma} over packed
 * panels for large products, plain loops for tiny and skinny ones (see {@link PackedEngine} for the paths), and
 * scalar element-wise passes with {@link Math#exp}.
 */
public final class PureJavaEngine extends PackedEngine {

    /** The shared instance; the engine keeps no state but per-thread packing buffers. */
    public static final PureJavaEngine INSTANCE = new PureJavaEngine();

    private static final int MR = 4;
    private static final int NR = 8;

    private PureJavaEngine() {
        super(MR, NR);
    }

    @Override
    public String name() {
        return "pure-java";
    }

    /*
     * 32 accumulators, four values of A and eight of B per step. x86-64 has 16 vector registers, so C2 keeps part
     * of the tile on the stack; a narrower tile needs more passes over A and measured no faster.
     */
    @Override
    protected void kernel(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean add) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            double b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
            double b4 = b[bi + 4], b5 = b[bi + 5], b6 = b[bi + 6], b7 = b[bi + 7];
            double a0 = a[ai];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02);
            c03 = Math.fma(a0, b3, c03); c04 = Math.fma(a0, b4, c04); c05 = Math.fma(a0, b5, c05);
            c06 = Math.fma(a0, b6, c06); c07 = Math.fma(a0, b7, c07);
            double a1 = a[ai + 1];
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12);
            c13 = Math.fma(a1, b3, c13); c14 = Math.fma(a1, b4, c14); c15 = Math.fma(a1, b5, c15);
            c16 = Math.fma(a1, b6, c16); c17 = Math.fma(a1, b7, c17);
            double a2 = a[ai + 2];
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22);
            c23 = Math.fma(a2, b3, c23); c24 = Math.fma(a2, b4, c24); c25 = Math.fma(a2, b5, c25);
            c26 = Math.fma(a2, b6, c26); c27 = Math.fma(a2, b7, c27);
            double a3 = a[ai + 3];
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32);
            c33 = Math.fma(a3, b3, c33); c34 = Math.fma(a3, b4, c34); c35 = Math.fma(a3, b5, c35);
            c36 = Math.fma(a3, b6, c36); c37 = Math.fma(a3, b7, c37);
        }
        store(c, cOff, add, c00, c01, c02, c03, c04, c05, c06, c07);
        store(c, cOff + ldc, add, c10, c11, c12, c13, c14, c15, c16, c17);
        store(c, cOff + 2 * ldc, add, c20, c21, c22, c23, c24, c25, c26, c27);
        store(c, cOff + 3 * ldc, add, c30, c31, c32, c33, c34, c35, c36, c37);
    }

    private static void store(double[] c, int o, boolean add, double v0, double v1, double v2, double v3, double v4,
            double v5, double v6, double v7) {
        if (add) {
            c[o] += v0; c[o + 1] += v1; c[o + 2] += v2; c[o + 3] += v3;
            c[o + 4] += v4; c[o + 5] += v5; c[o + 6] += v6; c[o + 7] += v7;
        } else {
            c[o] = v0; c[o + 1] = v1; c[o + 2] = v2; c[o + 3] = v3;
            c[o + 4] = v4; c[o + 5] = v5; c[o + 6] = v6; c[o + 7] = v7;
        }
    }
}
