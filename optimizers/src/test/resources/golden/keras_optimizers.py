#!/usr/bin/env python3
"""Golden trajectories of Adam, AdamW and RMSprop as Keras 3 computes them, for KerasOptimizersGoldenTest.

Run from this folder:  python3 keras_optimizers.py > keras_optimizers.txt

Each rule is written out in numpy float64 exactly as Keras 3 (keras/src/optimizers/) does it, operation for
operation, so the Java test can match it to rounding:

* base_optimizer.py `_backend_apply_gradients`: clip the gradients (global_clipnorm), then apply the decoupled
  weight decay `w = w - w * wd * lr`, then run the rule's `update_step`, then count the step.
* adam.py: alpha = lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t), t = iterations + 1;
  m += (g - m) * (1 - beta_1); v += (g^2 - v) * (1 - beta_2); w -= m * alpha / (sqrt(v) + epsilon).
  AdamW (adamw.py) is Adam with weight_decay set (default 0.004).
* rmsprop.py: v = rho * v + (1 - rho) * g^2; centered: a = rho * a + (1 - rho) * g, denominator v - a^2 + eps,
  else v + eps; increment = lr * g / sqrt(denominator); with momentum: mom = momentum * mom + increment,
  w -= mom; else w -= increment.
* base_optimizer.py `clip_by_global_norm`: norm = sqrt(sum of each tensor's sum of squares); g *= clip * min(1/norm,
  1/clip).
* schedules/learning_rate_schedule.py `CosineDecay`, evaluated at the optimizer's iterations (0-based).

The problem: six parameters, held by two tensors (a 2x2 "weights" and a 1x2 "bias", in that order), descending the
quadratic f(w) = 1/2 sum a_i d_i^2 + k sum d_i d_(i-1) (indices cyclic), d = w - c, whose gradient is
g = a * d + k * (d_(i-1) + d_(i+1)). The test recomputes this gradient from its own weights at every step.

Output: one line per case and step, "case step w0 w1 w2 w3 w4 w5", step 0 holding the starting weights; floats
are written with repr, which Java's Double.parseDouble reads back to the same bits.
"""

import math

import numpy as np

START = np.array([0.5, -1.5, 2.0, 0.25, -0.75, 1.0])
CENTER = np.array([1.0, -2.0, 0.5, 3.0, -1.0, 0.2])
CURVATURE = np.array([1.0, 4.0, 0.5, 2.0, 8.0, 0.25])
COUPLING = 0.3
STEPS = 100
TENSORS = [slice(0, 4), slice(4, 6)]


def gradient(w):
    d = w - CENTER
    return CURVATURE * d + COUPLING * (np.roll(d, 1) + np.roll(d, -1))


def constant(rate):
    return lambda iterations: rate


def cosine_decay(initial, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0):
    def decay(step, steps, decay_from):
        completed_fraction = step / steps
        cosine_decayed = 0.5 * (1.0 + math.cos(math.pi * completed_fraction))
        decayed = (1 - alpha) * cosine_decayed + alpha
        return decay_from * decayed

    def schedule(iterations):
        step = float(iterations)
        if warmup_target is None:
            return decay(min(step, decay_steps), decay_steps, initial)
        step = min(step, decay_steps + warmup_steps)
        if step < warmup_steps:
            return (warmup_target - initial) * (step / warmup_steps) + initial
        return decay(step - warmup_steps, decay_steps, warmup_target)

    return schedule


def clip_by_global_norm(grads, clip_norm):
    squared = [np.sum(np.square(g)) for g in grads]
    norm = np.sqrt(np.sum(np.stack(squared)))
    scale = clip_norm * np.minimum(1.0 / norm, 1.0 / clip_norm) + (norm - norm)
    return [g * scale for g in grads]


def adam(beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    def build(tensors):
        return {"m": [np.zeros_like(t) for t in tensors], "v": [np.zeros_like(t) for t in tensors]}

    def update(state, i, g, w, lr, iterations):
        local_step = float(iterations + 1)
        beta_1_power = np.power(beta_1, local_step)
        beta_2_power = np.power(beta_2, local_step)
        m, v = state["m"][i], state["v"][i]
        alpha = lr * np.sqrt(1 - beta_2_power) / (1 - beta_1_power)
        m += (g - m) * (1 - beta_1)
        v += (np.square(g) - v) * (1 - beta_2)
        w -= (m * alpha) / (np.sqrt(v) + epsilon)

    return build, update


def rmsprop(rho=0.9, momentum=0.0, epsilon=1e-7, centered=False):
    def build(tensors):
        return {name: [np.zeros_like(t) for t in tensors] for name in ("velocity", "momentum", "average")}

    def update(state, i, g, w, lr, iterations):
        velocity = state["velocity"][i]
        velocity[:] = rho * velocity + (1 - rho) * np.square(g)
        if centered:
            average = state["average"][i]
            average[:] = rho * average + (1 - rho) * g
            denominator = velocity - np.square(average) + epsilon
        else:
            denominator = velocity + epsilon
        increment = (lr * g) / np.sqrt(denominator)
        if momentum > 0:
            mom = state["momentum"][i]
            mom[:] = momentum * mom + increment
            w -= mom
        else:
            w -= increment

    return build, update


def run(name, rule, learning_rate, weight_decay=None, global_clipnorm=None):
    build, update = rule
    w = START.copy()
    tensors = [w[s] for s in TENSORS]  # views: updating a tensor updates w
    state = build(tensors)
    print_weights(name, 0, w)
    for iterations in range(STEPS):
        full = gradient(w)
        grads = [full[s].copy() for s in TENSORS]
        if global_clipnorm is not None:
            grads = clip_by_global_norm(grads, global_clipnorm)
        lr = learning_rate(iterations)
        if weight_decay is not None:
            for t in tensors:
                t[:] = t - t * weight_decay * lr
        for i, (g, t) in enumerate(zip(grads, tensors)):
            update(state, i, g, t, lr, iterations)
        print_weights(name, iterations + 1, w)


def print_weights(name, step, w):
    print(name, step, " ".join(repr(float(x)) for x in w))


def main():
    print("# Written by keras_optimizers.py (Keras 3's rules in numpy float64); regenerate, do not edit.")
    run("adam-defaults", adam(), constant(0.001))
    run("adam-fast", adam(), constant(0.05))
    run("adam-custom", adam(beta_1=0.8, beta_2=0.99, epsilon=1e-4), constant(0.02))
    run("adamw-defaults", adam(), constant(0.001), weight_decay=0.004)
    run("adamw-fast", adam(), constant(0.05), weight_decay=0.1)
    run("rmsprop-defaults", rmsprop(), constant(0.001))
    run("rmsprop-fast", rmsprop(), constant(0.01))
    run("rmsprop-momentum", rmsprop(rho=0.8, momentum=0.9), constant(0.01))
    run("rmsprop-centered", rmsprop(centered=True, epsilon=1e-5), constant(0.01))
    run("adam-clipped", adam(), constant(0.05), global_clipnorm=1.0)
    run("adamw-clipped", adam(), constant(0.05), weight_decay=0.1, global_clipnorm=2.5)
    run("rmsprop-clipped", rmsprop(), constant(0.01), global_clipnorm=1.0)
    run("adam-cosine", adam(), cosine_decay(0.1, 80, alpha=0.1))
    run("adamw-cosine-warmup", adam(), cosine_decay(0.0, 60, warmup_target=0.1, warmup_steps=20), weight_decay=0.05)


if __name__ == "__main__":
    main()
