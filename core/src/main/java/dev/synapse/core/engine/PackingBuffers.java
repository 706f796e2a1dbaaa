package dev.synapse.core.engine;

/**
 * One thread's packing buffers for a {@link PackedEngine}'s double and float products, each grown on demand and then
 * reused, so a warm loop allocates nothing. Contents are left over from the last use.
 */
final class PackingBuffers {
    private double[] a = new double[0];
    private double[] b = new double[0];
    private double[] tile = new double[0];
    private double[] transposed = new double[0];
    private float[] floatA = new float[0];
    private float[] floatB = new float[0];
    private float[] floatTile = new float[0];

    double[] a(int size) {
        return a.length >= size ? a : (a = new double[size]);
    }

    double[] b(int size) {
        return b.length >= size ? b : (b = new double[size]);
    }

    double[] tile(int size) {
        return tile.length >= size ? tile : (tile = new double[size]);
    }

    double[] transposed(int size) {
        return transposed.length >= size ? transposed : (transposed = new double[size]);
    }

    float[] floatA(int size) {
        return floatA.length >= size ? floatA : (floatA = new float[size]);
    }

    float[] floatB(int size) {
        return floatB.length >= size ? floatB : (floatB = new float[size]);
    }

    float[] floatTile(int size) {
        return floatTile.length >= size ? floatTile : (floatTile = new float[size]);
    }
}
