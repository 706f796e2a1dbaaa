# Reference numbers for NeuralNetworkClassTest: tutorial 4 of shared/tutorials.md, run as published
# (James Loy's NeuralNetwork class, 3 -> 4 -> 1, np.random.rand weights, no biases, 1500 iterations),
# seeded with np.random.seed(1) as Synapse's example seeds it. Run: python3 neural_network_class.py
import numpy as np


def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    return x * (1.0 - x)


class NeuralNetwork:
    def __init__(self, x, y):
        self.input = x
        self.weights1 = np.random.rand(self.input.shape[1], 4)
        self.weights2 = np.random.rand(4, 1)
        self.y = y
        self.output = np.zeros(self.y.shape)

    def feedforward(self):
        self.layer1 = sigmoid(np.dot(self.input, self.weights1))
        self.output = sigmoid(np.dot(self.layer1, self.weights2))

    def backprop(self):
        d_weights2 = np.dot(self.layer1.T, (2 * (self.y - self.output) * sigmoid_derivative(self.output)))
        d_weights1 = np.dot(self.input.T, (np.dot(2 * (self.y - self.output) * sigmoid_derivative(self.output),
                                                  self.weights2.T) * sigmoid_derivative(self.layer1)))
        self.weights1 += d_weights1
        self.weights2 += d_weights2


np.random.seed(1)
X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
nn = NeuralNetwork(X, y)
losses = []
for i in range(1500):
    nn.feedforward()
    losses.append(float(np.sum((y - nn.output) ** 2)))  # the loss of this iteration's forward pass
    nn.backprop()

print("numpy", np.__version__)
print("first loss", repr(losses[0]))
print("loss 1500", repr(losses[-1]))
print("falls monotonically", all(b < a for a, b in zip(losses, losses[1:])))
print("outputs (last forward pass)", [repr(float(v)) for v in nn.output.ravel()])
