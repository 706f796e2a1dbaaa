#!/usr/bin/env python3
"""The workloads of ../shared/benchmarks.md in numpy (or PyTorch), for benchmarks/compare.sh.

    python3 workloads.py w1 [--biases] [--epochs 60000]        the tutorial's own loop (tutorial 3), ms per 60000 epochs
    python3 workloads.py w2 --data mushroom.train [--epochs N]  125-32-2 full batch iRPROP-, ms per epoch
    python3 workloads.py w3 [--samples 60000]                   784-128-10 mini-batch SGD, samples/s
    python3 workloads.py w4 [--samples 16384]                   1024-1024-1024-10 mini-batch SGD, samples/s
    python3 workloads.py w5 --data DIR [--epochs 1]            Fashion-MNIST 784-128-10 softmax, Adam, batch 32: s per epoch
    python3 workloads.py kernel --shape MxNxK                  C = A·B (m×k by k×n) into a preallocated C, GFLOP/s
    python3 workloads.py blas                                  which BLAS numpy (or PyTorch) runs on: version, core, pinning
    add --torch to run the same loop on PyTorch tensors, on all cores (torch.set_num_threads)
    add --float32 to run W3, W4, W5 and the kernel in float32 (parameters, activations, gradients, optimizer state)

Each run prints one line "RESULT <workload> <value> <unit> [note]"; the best of --repeat runs is reported (steady state
after the first, warm-up run). float64 unless --float32; BLAS threads as the library sets them (all cores).
"""
import argparse
import os
import re
import sys
import time

import numpy as np


def backend(use_torch, dtype):
    """The array module and the conversion every array of a workload goes through once, before it is timed."""
    if not use_torch:
        return np, lambda a: np.ascontiguousarray(a, dtype=dtype)
    import torch
    return torch, lambda a: torch.from_numpy(np.ascontiguousarray(a, dtype=dtype))


def sigmoid(xp, x):
    return 1 / (1 + xp.exp(-x))


def w1(args, xp, conv):
    """Tutorial 3 exactly as published (np.random.seed(1), syn0 = 2*random - 1, learning rate 1), plus biases."""
    X = conv(np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.float64))
    y = conv(np.array([[0], [1], [1], [0]], dtype=np.float64))
    np.random.seed(1)
    syn0 = conv(2 * np.random.random((3, 4)) - 1)
    syn1 = conv(2 * np.random.random((4, 1)) - 1)
    b0 = conv(np.zeros((1, 4)))
    b1 = conv(np.zeros((1, 1)))
    start = time.perf_counter()
    if args.biases:
        for _ in range(args.epochs):
            l1 = sigmoid(xp, X @ syn0 + b0)
            l2 = sigmoid(xp, l1 @ syn1 + b1)
            l2_delta = (y - l2) * (l2 * (1 - l2))
            l1_delta = (l2_delta @ syn1.T) * (l1 * (1 - l1))
            syn1 += l1.T @ l2_delta
            b1 += l2_delta.sum(0)
            syn0 += X.T @ l1_delta
            b0 += l1_delta.sum(0)
    else:
        for _ in range(args.epochs):
            l0 = X
            l1 = sigmoid(xp, l0 @ syn0)
            l2 = sigmoid(xp, l1 @ syn1)
            l2_delta = (y - l2) * (l2 * (1 - l2))
            l1_delta = (l2_delta @ syn1.T) * (l1 * (1 - l1))
            syn1 += l1.T @ l2_delta
            syn0 += l0.T @ l1_delta
    return (time.perf_counter() - start) * 1e3 * 60000 / args.epochs, "ms_per_60000_epochs"


def read_fann(path):
    with open(path) as f:
        samples, inputs, outputs = (int(v) for v in f.readline().split())
        values = np.array(f.read().split(), dtype=np.float64).reshape(samples, inputs + outputs)
    return values[:, :inputs].copy(), values[:, inputs:].copy()


def w2(args, xp, conv):
    """125-32-2 sigmoid with biases, full batch, iRPROP- with FANN's defaults (1.2, 0.5, step 0.1 in [0, 50])."""
    if args.data:
        x, t = read_fann(args.data)
    else:
        rng = np.random.default_rng(7)
        x = (rng.random((4062, 125)) < 0.2).astype(np.float64)
        t = np.eye(2)[rng.integers(0, 2, 4062)]
    X, T = conv(x), conv(t)
    rng = np.random.default_rng(1)
    params = [conv(rng.uniform(-0.1, 0.1, s)) for s in [(125, 32), (1, 32), (32, 2), (1, 2)]]
    steps = [p * 0 + 0.1 for p in params]
    previous = [p * 0 for p in params]

    def epoch():
        w0, b0, w1_, b1 = params
        h = sigmoid(xp, X @ w0 + b0)
        o = sigmoid(xp, h @ w1_ + b1)
        d1 = (o - T) * (o * (1 - o))
        d0 = (d1 @ w1_.T) * (h * (1 - h))
        grads = [X.T @ d0, d0.sum(0, keepdims=True) if xp is np else d0.sum(0, keepdim=True),
                 h.T @ d1, d1.sum(0, keepdims=True) if xp is np else d1.sum(0, keepdim=True)]
        for i, g in enumerate(grads):
            sign = g * previous[i]
            steps[i] = xp.where(sign > 0, xp.minimum(steps[i] * 1.2, steps[i] * 0 + 50.0),
                                xp.where(sign < 0, xp.maximum(steps[i] * 0.5, steps[i] * 0), steps[i]))
            g = xp.where(sign < 0, g * 0, g)
            params[i] -= xp.sign(g) * steps[i]
            previous[i] = g

    epoch()
    start = time.perf_counter()
    for _ in range(args.epochs):
        epoch()
    return (time.perf_counter() - start) * 1e3 / args.epochs, "ms_per_epoch"


def mini_batch(args, xp, conv, sizes, hidden, batch):
    """One shuffled epoch of mini-batch SGD (learning rate 0.1) on the mean squared error, biases on."""
    rng = np.random.default_rng(3)
    x = rng.random((args.samples, sizes[0]))
    t = np.eye(sizes[-1])[rng.integers(0, sizes[-1], args.samples)]
    X, T = conv(x), conv(t)
    ws = [conv(rng.uniform(-1, 1, (a, b)) * np.sqrt(6 / (a + b))) for a, b in zip(sizes, sizes[1:])]
    bs = [conv(np.zeros((1, b))) for b in sizes[1:]]
    rate = 0.1
    order = rng.permutation(args.samples)
    start = time.perf_counter()
    for s in range(0, args.samples, batch):
        idx = order[s:s + batch]
        xb, tb = X[idx], T[idx]
        acts = [xb]
        for i, (w, b) in enumerate(zip(ws, bs)):
            z = acts[-1] @ w + b
            acts.append(sigmoid(xp, z) if i == len(ws) - 1 or hidden == "sigmoid" else z * (z > 0))
        out = acts[-1]
        delta = (2.0 / out.numel() if xp is not np else 2.0 / out.size) * (out - tb) * (out * (1 - out))
        for i in range(len(ws) - 1, -1, -1):
            grad_w = acts[i].T @ delta
            grad_b = delta.sum(0)
            if i > 0:
                a = acts[i]
                delta = (delta @ ws[i].T) * ((a * (1 - a)) if hidden == "sigmoid" else (a > 0))
            ws[i] -= rate * grad_w
            bs[i] -= rate * grad_b
    return args.samples / (time.perf_counter() - start), "samples_per_s"


def read_idx(path):
    import gzip
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def w5(args, xp, conv):
    """TensorFlow's basic classification on Fashion-MNIST: 784-128 ReLU-10 softmax, Glorot-uniform weights, zero
    biases, sparse categorical cross-entropy (mean over the batch), Adam as Keras 3 (lr 0.001, 0.9, 0.999, 1e-7),
    mini-batch 32 reshuffled every epoch. Seconds per epoch of training (no evaluation)."""
    images = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    X = conv(images.reshape(len(images), 784).astype(np.float64) / 255.0)
    n = X.shape[0]
    rng = np.random.default_rng(1)
    sizes = [(784, 128), (128, 10)]
    params = []
    for a, b in sizes:
        limit = np.sqrt(6 / (a + b))
        params += [conv(rng.uniform(-limit, limit, (a, b))), conv(np.zeros((1, b)))]
    m = [p * 0 for p in params]
    v = [p * 0 for p in params]
    lr, b1, b2, eps = 0.001, 0.9, 0.999, 1e-7
    t = 0
    batch = 32
    onehot = np.eye(10)
    start = time.perf_counter()
    for _ in range(args.epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            xb, yb = X[idx], conv(onehot[labels[idx]])
            w0, c0, w1_, c1 = params
            z = xb @ w0 + c0
            h = z * (z > 0)
            logits = h @ w1_ + c1
            e = xp.exp(logits - xp.amax(logits, axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            d1 = (p - yb) / len(idx)
            d0 = (d1 @ w1_.T) * (z > 0)
            grads = [xb.T @ d0, d0.sum(0, keepdims=True), h.T @ d1, d1.sum(0, keepdims=True)]
            t += 1
            # A Python float: numpy's float64 scalar would promote a float32 run's update to float64.
            alpha = float(lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t))
            for i, g in enumerate(grads):
                m[i] += (1 - b1) * (g - m[i])
                v[i] += (1 - b2) * (g * g - v[i])
                params[i] -= alpha * m[i] / (xp.sqrt(v[i]) + eps)
    return (time.perf_counter() - start) / args.epochs, "s_per_epoch"


def kernel(args, xp, conv):
    """One matrix product C = A·B into a preallocated C (no allocation timed): best of 30 batches of calls."""
    m, n, k = (int(v) for v in args.shape.split("x"))
    rng = np.random.default_rng(42)
    a, b = conv(rng.random((m, k)) - 0.5), conv(rng.random((k, n)) - 0.5)
    c = conv(np.zeros((m, n)))
    calls = max(1, int(2e8 / (2 * m * n * k)))  # about 0.2 GFLOP per batch
    best = float("inf")
    for _ in range(30):
        start = time.perf_counter()
        for _ in range(calls):
            xp.matmul(a, b, out=c)
        best = min(best, (time.perf_counter() - start) / calls)
    return 2 * m * n * k / best / 1e9, "gflop_per_s"


# OpenBLAS kernels written for AVX-512; a core name outside these on an AVX-512 processor means a pinned or old build.
AVX512_CORES = ("skylakex", "cooperlake", "sapphirerapids")


def blas_info(use_torch):
    """One line: the BLAS library's configuration and the core type its kernels were chosen for, then "WARNING ..."
    lines when the core type is pinned by the environment or below what the processor can run."""
    import ctypes
    lines = []
    if use_torch:
        import torch
        blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
        lines.append(f"BLAS torch {torch.__version__}: {blas.group(1) if blas else 'unknown'}")
    mapped = sorted({line.split()[-1] for line in open("/proc/self/maps")
                     if "blas" in line.lower() and line.split()[-1].startswith("/")})
    core = None
    for path in mapped:
        lib = ctypes.CDLL(path)
        # numpy's wheels ship OpenBLAS with prefixed, 64-bit-integer symbol names; Debian's has the plain ones.
        for prefix, suffix in (("scipy_openblas_", "64_"), ("openblas_", "")):
            try:
                get_config = getattr(lib, prefix + "get_config" + suffix)
                get_core = getattr(lib, prefix + "get_corename" + suffix)
            except AttributeError:
                continue
            get_config.restype = get_core.restype = ctypes.c_char_p
            core = get_core().decode()
            lines.append(f"BLAS {get_config().decode().strip()} | core {core} | {os.path.basename(path)}")
            break
        if core:
            break
    if core is None:
        lines.append("BLAS not OpenBLAS: " + (", ".join(mapped) or "no BLAS library mapped"))
    for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if variable in os.environ:
            lines.append(f"WARNING {variable}={os.environ[variable]} is set: OpenBLAS runs pinned, not at its best")
    flags = next((line for line in open("/proc/cpuinfo") if line.startswith("flags")), "")
    if core and "avx512f" in flags.split() and core.lower() not in AVX512_CORES:
        lines.append(f"WARNING OpenBLAS runs its {core} kernels on a processor with AVX-512")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=["w1", "w2", "w3", "w4", "w5", "kernel", "blas"])
    parser.add_argument("--biases", action="store_true", help="W1 with biases")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--samples", type=int)
    parser.add_argument("--data", help="W2: FANN's mushroom.train (synthetic data of its shape without it); W5: the Fashion-MNIST folder")
    parser.add_argument("--shape", default="1024x1024x1024", help="kernel: MxNxK")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--torch", action="store_true")
    parser.add_argument("--float32", action="store_true", help="W3, W4, W5, kernel: float32 arrays")
    args = parser.parse_args()
    if args.float32 and args.workload in ("w1", "w2"):
        parser.error("--float32 is for w3, w4, w5 and kernel: W1 and W2 are the float64 tutorials' workloads")
    xp, conv = backend(args.torch, np.float32 if args.float32 else np.float64)
    if args.workload == "blas":
        print(blas_info(args.torch))
        return 0
    note = ""
    if args.torch:
        import torch
        torch.set_grad_enabled(False)
        # Some builds (Debian's) start with one thread; numpy's BLAS uses every core, so PyTorch does too.
        torch.set_num_threads(os.cpu_count())
        blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
        note = f" torch {torch.__version__}, {torch.get_num_threads()} threads, BLAS {blas.group(1) if blas else '?'}"
    defaults = {"w1": (60000, None), "w2": (100, None), "w3": (None, 60000), "w4": (None, 16384), "w5": (1, None), "kernel": (None, None)}
    args.epochs = args.epochs or defaults[args.workload][0]
    args.samples = args.samples or defaults[args.workload][1]
    run = {"w1": w1, "w2": w2,
           "w3": lambda a, x, c: mini_batch(a, x, c, [784, 128, 10], "sigmoid", 64),
           "w4": lambda a, x, c: mini_batch(a, x, c, [1024, 1024, 1024, 10], "relu", 256),
           "w5": w5, "kernel": kernel}[args.workload]
    results = [run(args, xp, conv) for _ in range(args.repeat + 1)][1:]
    unit = results[0][1]
    values = [r[0] for r in results]
    best = max(values) if unit in ("samples_per_s", "gflop_per_s") else min(values)
    name = args.workload + ("-biases" if args.workload == "w1" and args.biases else "")
    name += "-" + args.shape if args.workload == "kernel" else ""
    name += "-float32" if args.float32 else ""
    print(f"RESULT {name} {best:.4f} {unit}{note}")


if __name__ == "__main__":
    sys.exit(main())
