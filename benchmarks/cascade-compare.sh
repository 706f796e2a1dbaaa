#!/usr/bin/env bash
# Cascade2 beside FANN 2.2's fann_cascadetrain_on_data, on FANN's examples/cascade_train.c set-up: data scaled to
# [-1, 1] (fann_scale_train_data, train and test each on its own range), linear outputs with the linear error
# function, RPROP, candidates sigmoid-symmetric at steepness 1 in 8 groups, bit-fail limit 0.9 with the bit stop
# function (desired bit fails 0), 30 neurons at most. Sets: parity8, two-spiral, thyroid (FANN's data sets, in
# libfann-dev's examples). Prints one Markdown table: per set, median neurons added and median test MSE over the
# seeds, FANN (libdoublefann, fann/src/test/resources/dev/synapse/fann/fann_driver.c's cascade mode, the one the
# tests use) and Synapse (bin/synapse train --cascade, then bin/synapse test on the scaled test file).
#
#   benchmarks/cascade-compare.sh [--seeds N] [--sets parity8,two-spiral,thyroid]     (about 10 minutes, 10 seeds)
set -uo pipefail
cd "$(dirname "$0")/.."
DATA=${FANN_DATASETS:-/usr/share/doc/libfann-dev/examples/datasets}
SEEDS=10
SETS="parity8,two-spiral,thyroid"
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) SEEDS=$2; shift ;;
        --sets) SETS=$2; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -f /usr/include/doublefann.h ] || { echo "FANN's headers are missing: apt-get install libfann-dev" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cc -O2 -DFLAVOUR_DOUBLE fann/src/test/resources/dev/synapse/fann/fann_driver.c -o "$WORK/fann_driver" -ldoublefann \
    -lm || exit 1
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "| set | FANN median neurons | Synapse median neurons | FANN median test MSE | Synapse median test MSE |"
echo "| --- | ---: | ---: | ---: | ---: |"
for set in ${SETS//,/ }; do
    [ -f "$DATA/$set.train" ] || { echo "$DATA/$set.train is missing: apt-get install libfann-dev" >&2; exit 1; }
    python3 benchmarks/scale-fann-data.py "$DATA/$set.train" "$WORK/$set.train"
    python3 benchmarks/scale-fann-data.py "$DATA/$set.test" "$WORK/$set.test"
    : > "$WORK/fann"; : > "$WORK/synapse"
    outputs=$(head -1 "$DATA/$set.train" | awk '{print $3}')
    inputs=$(head -1 "$DATA/$set.train" | awk '{print $2}')
    for seed in $(seq 1 "$SEEDS"); do
        "$WORK/fann_driver" cascade "$DATA/$set.train" "$DATA/$set.test" "$seed" 30 \
            | awk '{print $2, $6}' >> "$WORK/fann"
        log=$(bin/synapse train --layers "$inputs,$outputs" --cascade 30 --activation linear --error-function linear \
            --candidate-activations sigmoid-symmetric --candidate-steepnesses 1 --candidate-groups 8 \
            --bit-fail-limit 0.9 --stop-bit-fails 0 --seed "$seed" "$WORK/$set.train" --save "$WORK/m.model" 2>/dev/null)
        neurons=$(echo "$log" | grep -c '^Neurons')
        mse=$(bin/synapse test "$WORK/m.model" "$WORK/$set.test" 2>/dev/null | awk '/^MSE/ {print $3}')
        echo "$neurons $mse" >> "$WORK/synapse"
    done
    fn=$(awk '{print $1}' "$WORK/fann" | median); sn=$(awk '{print $1}' "$WORK/synapse" | median)
    fm=$(awk '{print $2}' "$WORK/fann" | median); sm=$(awk '{print $2}' "$WORK/synapse" | median)
    printf '| %s | %s | %s | %.6f | %.6f |\n' "$set" "$fn" "$sn" "$fm" "$sm"
done
