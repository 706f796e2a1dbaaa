# Reference numbers for BiasesTest: tutorial 5 of shared/tutorials.md (2 -> 3 -> 1 XOR with biases,
# np.random.randn weights drawn input->hidden first, zero biases, 10000 epochs, learning rate 0.1),
# seeded with np.random.seed(1) as Synapse's example seeds it. Run: python3 biases.py
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(y):
    return y * (1 - y)


np.random.seed(1)
inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
expected = np.array([[0], [1], [1], [0]], dtype=float)
epochs, lr = 10000, 0.1

hidden_weights = np.random.randn(2, 3)
output_weights = np.random.randn(3, 1)
hidden_bias = np.zeros((1, 3))
output_bias = np.zeros((1, 1))
initial_hidden, initial_output = hidden_weights.copy(), output_weights.copy()

for _ in range(epochs):
    hidden = sigmoid(np.dot(inputs, hidden_weights) + hidden_bias)
    output = sigmoid(np.dot(hidden, output_weights) + output_bias)

    d_output = (expected - output) * sigmoid_derivative(output)
    d_hidden = d_output.dot(output_weights.T) * sigmoid_derivative(hidden)

    output_weights += hidden.T.dot(d_output) * lr
    output_bias += np.sum(d_output, axis=0, keepdims=True) * lr
    hidden_weights += inputs.T.dot(d_hidden) * lr
    hidden_bias += np.sum(d_hidden, axis=0, keepdims=True) * lr

# A fresh forward pass with the final weights, as the tutorial prints it.
hidden = sigmoid(np.dot(inputs, hidden_weights) + hidden_bias)
output = sigmoid(np.dot(hidden, output_weights) + output_bias)

print("numpy", np.__version__)
print("initial hidden weights", [repr(float(v)) for v in initial_hidden.ravel()])
print("initial output weights", [repr(float(v)) for v in initial_output.ravel()])
print("final output bias", repr(float(output_bias[0, 0])))
print("outputs (fresh forward pass)", [repr(float(v)) for v in output.ravel()])
