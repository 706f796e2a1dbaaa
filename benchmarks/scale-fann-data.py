#!/usr/bin/env python3
"""Writes a FANN data file scaled as fann_scale_train_data(data, -1, 1) scales it: all inputs by one min and max,
all outputs by another, onto [-1, 1]. Used by cascade-compare.sh so Synapse trains on the numbers FANN trains on.

    scale-fann-data.py IN OUT
"""
import sys


def scale(rows):
    lo = min(min(r) for r in rows)
    hi = max(max(r) for r in rows)
    return [[(v - lo) / (hi - lo) * 2 - 1 for v in r] for r in rows]


def main(src, dst):
    with open(src) as f:
        tokens = f.read().split()
    n, ins, outs = int(tokens[0]), int(tokens[1]), int(tokens[2])
    values = list(map(float, tokens[3:]))
    width = ins + outs
    x = [values[k * width:k * width + ins] for k in range(n)]
    y = [values[k * width + ins:(k + 1) * width] for k in range(n)]
    x, y = scale(x), scale(y)
    with open(dst, "w") as f:
        f.write(f"{n} {ins} {outs}\n")
        for a, b in zip(x, y):
            f.write(" ".join(repr(v) for v in a) + "\n" + " ".join(repr(v) for v in b) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
