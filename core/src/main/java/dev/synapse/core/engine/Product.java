package dev.synapse.core.engine;

/**
 * The three matrix-product forms training needs, named by which operand is read transposed.
 *
 * <p>Backpropagation through a dense layer uses all three: {@code A_B} for the forward pass ({@code x·W}),
 * {@code AT_B} for the weight gradient ({@code xᵀ·δ}) and {@code A_BT} for the input gradient ({@code δ·Wᵀ}).
 * Reading an operand transposed in place avoids building the transpose.
 */
public enum Product {
    /** {@code C = A·B}: A is m×k, B is k×n. */
    A_B,
    /** {@code C = Aᵀ·B}: A is stored k×m, B is k×n. */
    AT_B,
    /** {@code C = A·Bᵀ}: A is m×k, B is stored n×k. */
    A_BT
}
