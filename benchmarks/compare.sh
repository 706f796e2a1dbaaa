#!/usr/bin/env bash
# Runs the workloads W1-W5 of ../shared/benchmarks.md in Synapse (the JMH jar), numpy, FANN (C) and PyTorch, one
# system at a time, and prints the machine, a table and Synapse's ratio to each system.
#
#   benchmarks/compare.sh            full settings (about 15 minutes on 2 cores)
#   benchmarks/compare.sh --quick    tiny sizes and one short iteration: checks that every piece runs (~2 minutes)
#   options: --systems synapse,numpy,fann,torch   --workloads w1,w1b,w2,w3,w4,w5,w3f32,w4f32,w5f32,kernels
#            --java PATH   --no-build
# (w3f32, w4f32, w5f32: W3, W4, W5 in float32, against numpy and PyTorch in float32.)
#
# "kernels" compares the matrix products the issue sets targets for with numpy's OpenBLAS: A·B at n = 1024 on one
# thread and on all cores, and W3's 10-column output layer (64×10×128) on all cores.
#
# Ratios are "how many times faster Synapse is" (>1: Synapse faster): other/synapse for times, synapse/other for
# rates. Compare only figures from one sitting on a quiet machine; the script warns when it is not quiet.
# Every system is judged by the same statistic, its best steady-state measurement: Synapse's best JMH iteration
# (the mean is printed in the notes), numpy's and PyTorch's best of 3 runs after a warm-up run, FANN's best of 3
# runs. Interference from a shared machine only ever slows a run, so the best is the figure it disturbs least.
# The kernels run last, in three rounds that alternate Synapse and numpy.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=0
BUILD=1
SYSTEMS="synapse,numpy,fann,torch"
WORKLOADS="w1,w1b,w2,w3,w4,w5,w3f32,w4f32,w5f32,kernels"
JAVA=${JAVA:-java}
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --no-build) BUILD=0 ;;
        --systems) SYSTEMS=$2; shift ;;
        --workloads) WORKLOADS=$2; shift ;;
        --java) JAVA=$2; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
has() { [[ ",$1," == *",$2,"* ]]; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
declare -A RESULT UNIT
SKIPPED=()
PEER_WARNINGS=()
# numpy and PyTorch run at their best: some machines set OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (a guard for old
# OpenBLAS builds), which pin OpenBLAS to older, slower kernels. Unset for the peers' commands only; the JVM, FANN,
# tests and CI keep the environment as it is. blas_report shows the core type the peers then run on.
PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

# ---------------------------------------------------------------- the machine, and whether it is quiet
echo "== Machine"
echo "cpu:    $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores online"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "java:   $("$JAVA" -version 2>&1 | head -1)"
echo "python: $(python3 -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)' 2>/dev/null || echo none)"
echo "openblas environment: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-(unset)}; unset for numpy and PyTorch"
echo "mode:   $([ $QUICK = 1 ] && echo 'QUICK (tiny sizes: figures are not comparable)' || echo full)"

# Busy cores outside this script over one second, from /proc/stat (all CPUs' non-idle jiffies).
busy_cores() {
    read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat
    sleep 1
    read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
    local busy=$(( (u2 + n2 + s2 + q2 + sq2 + st2) - (u1 + n1 + s1 + q1 + sq1 + st1) ))
    local total=$(( busy + (i2 + w2) - (i1 + w1) ))
    awk -v b="$busy" -v t="$total" -v c="$(nproc)" 'BEGIN { printf "%.2f", (t > 0 ? b / t : 0) * c }'
}
check_quiet() {
    local busy load
    busy=$(busy_cores)
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v b="$busy" 'BEGIN { exit !(b > 0.25) }'; then
        echo "WARNING: $busy cores busy with other processes (load average $load) before $1; its figures will be low and noisy"
        NOISY+=("$1: $busy cores busy")
    fi
}
NOISY=()
check_quiet "the run"

MUSHROOM=""
for f in /usr/share/doc/libfann-dev/examples/datasets/mushroom.train /usr/share/doc/libfann-doc/examples/datasets/mushroom.train; do
    [ -r "$f" ] && MUSHROOM=$f && break
done
# W5 needs Fashion-MNIST (Debian's dataset-fashion-mnist, or FASHION_MNIST=DIR holding the four .gz files).
FASHION=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
if has "$WORKLOADS" w5 && [ ! -r "$FASHION/train-images-idx3-ubyte.gz" ]; then
    SKIPPED+=("w5: Fashion-MNIST not found in $FASHION (apt-get install dataset-fashion-mnist, or FASHION_MNIST=DIR)")
    WORKLOADS=$(tr ',' '\n' <<< "$WORKLOADS" | grep -vx 'w5\|w5f32' | paste -sd, -)
fi
[ -z "$MUSHROOM" ] && SKIPPED+=("mushroom.train not found (apt-get install libfann-dev): W2 runs on synthetic data of its shape where it runs at all")

# ---------------------------------------------------------------- Synapse
JAR=$ROOT/benchmarks/target/benchmarks.jar
# -XX:PerMethodTrapLimit=1000: see docs/performance.md, "JDK 17 and boxed vectors".
JVM="--add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=1000 -Xmx6g${MUSHROOM:+ -Dsynapse.mushroom=$MUSHROOM}"
W3S=60000
W4S=16384
# W5 keeps all 60000 images even with --quick: workloads.py's W5 has no smaller size, and one epoch is seconds.
W5S=60000
[ $QUICK = 1 ] && W3S=6400 && W4S=1024
JMH_RUNS=0

# Builds the benchmark jar once (unless --no-build and it exists); fails when it cannot.
build_synapse() {
    if [ $BUILD = 1 ] || [ ! -f "$JAR" ]; then
        echo "building the benchmark jar..."
        mvn -q -B -ntp -pl benchmarks -am package -DskipTests >"$WORK/build.log" 2>&1 \
            || { cat "$WORK/build.log"; SKIPPED+=("synapse: build failed"); return 1; }
        BUILD=0
    fi
}

# jmh "BENCHMARK [-p ...]" WARMUPS ITERATIONS: one JMH run of Synapse; its figures go into RESULT.
jmh() {
    local run=$1 json=$WORK/jmh$JMH_RUNS.json log=$WORK/jmh$JMH_RUNS.log
    local settings=(-f 1 -foe true -wi "$2" -i "$3")
    [ $QUICK = 1 ] && settings=(-f 1 -foe true -wi 1 -i 1 -w 1s -r 1s)
    JMH_RUNS=$((JMH_RUNS + 1))
    echo "running Synapse (JMH): $run"
    # shellcheck disable=SC2086 # $run holds the benchmark and its parameters
    if ! "$JAVA" -jar "$JAR" $run "${settings[@]}" -jvmArgsAppend "$JVM" -rf json -rff "$json" >"$log" 2>&1; then
        tail -20 "$log"
        SKIPPED+=("synapse ${run%% *}: JMH failed, see output above")
        return
    fi
    local key value unit mean count
    while read -r key value unit mean count; do
        keep_best synapse "$key" "$value" "$unit"
        NOTE[synapse,$key]="${NOTE[synapse,$key]:+${NOTE[synapse,$key]}; }best of $count JMH iterations (mean $mean)"
    done < <(python3 - "$json" $W3S $W4S $W5S <<'PY'
import json, sys
w3s, w4s, w5s = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def best(metric, lower_is_better):
    values = [v for fork in metric["rawData"] for v in fork]
    return (min(values) if lower_is_better else max(values)), metric["score"], len(values)

for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].split(".")[-2]
    p = r.get("params", {})
    if name == "W1Benchmark":
        key, unit, figure = ("w1b" if p.get("biases") == "true" else "w1"), "ms_per_60000_epochs", best(r["primaryMetric"], True)
    elif name == "W2Benchmark":
        key, unit, figure = "w2", "ms_per_epoch", best(r["primaryMetric"], True)
    elif name in ("W3Benchmark", "W4Benchmark"):
        if int(p.get("samples", 0)) != (w3s if name == "W3Benchmark" else w4s):
            continue
        key = "w3" if name == "W3Benchmark" else "w4pj" if p.get("engine") == "pure-java" else "w4"
        key += "f32" if p.get("precision") == "float32" else ""
        unit, figure = "samples_per_s", best(r["secondaryMetrics"]["samples"], False)
    elif name == "W5Benchmark":
        if int(p.get("samples", 0)) != w5s:
            continue
        key = "w5f32" if p.get("precision") == "float32" else "w5"
        unit, figure = "s_per_epoch", best(r["primaryMetric"], True)
    elif name == "KernelBenchmark":
        key = {("A_B:1024x1024x1024", "1"): "k1024x1", ("A_B:1024x1024x1024", "0"): "k1024",
               ("A_B:64x10x128", "0"): "k10col"}.get((p.get("shape"), p.get("threads")))
        if key is None:
            continue
        unit, figure = "gflop_per_s", best(r["secondaryMetrics"]["gflop"], False)
    else:
        continue
    print(key, "%.6g" % figure[0], unit, "%.5g" % figure[1], figure[2])
PY
)
}

run_synapse() {
    local w any=0
    for w in w1 w1b w2 w3 w4 w5 w3f32 w4f32 w5f32; do has "$WORKLOADS" $w && any=1; done
    [ $any = 1 ] || return
    build_synapse || return
    check_quiet "Synapse"
    { has "$WORKLOADS" w1 || has "$WORKLOADS" w1b; } && jmh "W1Benchmark" 3 5
    has "$WORKLOADS" w2 && jmh "W2Benchmark" 3 5
    has "$WORKLOADS" w3 && jmh "W3Benchmark -p samples=$W3S -p precision=float64" 3 5
    has "$WORKLOADS" w4 && jmh "W4Benchmark -p samples=$W4S -p engine=best,pure-java -p precision=float64" 3 5
    has "$WORKLOADS" w5 && jmh "W5Benchmark -p samples=$W5S -p data=$FASHION -p precision=float64" 3 5
    has "$WORKLOADS" w3f32 && jmh "W3Benchmark -p samples=$W3S -p precision=float32" 3 5
    has "$WORKLOADS" w4f32 && jmh "W4Benchmark -p samples=$W4S -p precision=float32" 3 5
    has "$WORKLOADS" w5f32 && jmh "W5Benchmark -p samples=$W5S -p data=$FASHION -p precision=float32" 3 5
}

# ---------------------------------------------------------------- numpy and PyTorch
run_python() {   # $1 = numpy | torch
    local system=$1 flag="" python=python3 candidate
    if [ "$system" = torch ]; then
        # Debian's python3-torch lands in the system Python, which need not be the python3 on the PATH.
        python=""
        for candidate in python3 /usr/bin/python3; do
            "$candidate" -c 'import torch' 2>/dev/null && python=$candidate && break
        done
        [ -z "$python" ] && { SKIPPED+=("torch: PyTorch is not importable (pip install torch, or apt-get install python3-torch)"); return; }
        flag=--torch
    else
        python3 -c 'import numpy' 2>/dev/null || { SKIPPED+=("numpy: not importable (pip install numpy)"); return; }
    fi
    check_quiet "$system"
    echo "running $system"
    local py=$ROOT/benchmarks/python/workloads.py q=()
    local e1=60000 e2=100 s3=60000 s4=16384 rep=3
    if [ $QUICK = 1 ]; then e1=3000; e2=3; s3=6400; s4=1024; rep=1; fi
    q=(--repeat $rep $flag)
    blas_report "$system" "$python" $flag
    local p=("${PEER_ENV[@]}" "$python" "$py")
    has "$WORKLOADS" w1 && record "$system" w1 1 "${p[@]}" w1 --epochs $e1 "${q[@]}"
    has "$WORKLOADS" w1b && record "$system" w1b 1 "${p[@]}" w1 --biases --epochs $e1 "${q[@]}"
    has "$WORKLOADS" w2 && record "$system" w2 1 "${p[@]}" w2 --epochs $e2 ${MUSHROOM:+--data "$MUSHROOM"} "${q[@]}"
    has "$WORKLOADS" w3 && record "$system" w3 1 "${p[@]}" w3 --samples $s3 "${q[@]}"
    has "$WORKLOADS" w4 && record "$system" w4 1 "${p[@]}" w4 --samples $s4 "${q[@]}"
    has "$WORKLOADS" w5 && record "$system" w5 1 "${p[@]}" w5 --data "$FASHION" "${q[@]}"
    has "$WORKLOADS" w3f32 && record "$system" w3f32 1 "${p[@]}" w3 --float32 --samples $s3 "${q[@]}"
    has "$WORKLOADS" w4f32 && record "$system" w4f32 1 "${p[@]}" w4 --float32 --samples $s4 "${q[@]}"
    has "$WORKLOADS" w5f32 && record "$system" w5f32 1 "${p[@]}" w5 --float32 --data "$FASHION" "${q[@]}"
}

# blas_report SYSTEM PYTHON [--torch]: prints which BLAS the peer runs on (version, core type) in the environment its
# workloads get, and keeps its warnings (a pinned core type, kernels below the processor's) for the notes.
blas_report() {
    local system=$1 python=$2 line
    shift 2
    while IFS= read -r line; do
        echo "$system: $line"
        [[ $line == WARNING* ]] && PEER_WARNINGS+=("$system: ${line#WARNING }")
    done < <("${PEER_ENV[@]}" "$python" "$ROOT/benchmarks/python/workloads.py" blas "$@" 2>&1)
}

# keep_best SYSTEM KEY VALUE UNIT: keeps VALUE unless SYSTEM already has a better one for KEY (the lowest time, the
# highest rate: units ending in _per_s are rates).
keep_best() {
    local system=$1 key=$2 value=$3 unit=$4
    if [ -z "${RESULT[$system,$key]:-}" ] || awk -v v="$value" -v b="${RESULT[$system,$key]}" -v u="$unit" \
            'BEGIN { exit !(u ~ /_per_s$/ ? v > b : v < b) }'; then
        RESULT[$system,$key]=$value
    fi
    UNIT[$key]=$unit
}

# record SYSTEM KEY RUNS COMMAND...: runs the command RUNS times and keeps the best value of its
# "RESULT name value unit [note]" lines.
record() {
    local system=$1 key=$2 runs=$3 line run
    shift 3
    for ((run = 0; run < runs; run++)); do
        line=$("$@" 2>"$WORK/err" | grep '^RESULT' | tail -1)
        if [ -z "$line" ]; then
            SKIPPED+=("$system $key: failed ($(tail -1 "$WORK/err"))")
            return
        fi
        keep_best "$system" "$key" "$(echo "$line" | awk '{print $3}')" "$(echo "$line" | awk '{print $4}')"
    done
    local note
    note=$(echo "$line" | cut -d' ' -f5-)
    [ -n "$note" ] && NOTE[$system,$key]=$note
}
declare -A NOTE

# ---------------------------------------------------------------- FANN
run_fann() {
    if [ ! -f /usr/include/doublefann.h ] || ! command -v cc >/dev/null; then
        SKIPPED+=("fann: libfann-dev or a C compiler is not installed (apt-get install libfann-dev gcc)")
        return
    fi
    cc -O3 -march=native "$ROOT/benchmarks/fann/fann_bench.c" -ldoublefann -lm -o "$WORK/fann_bench" 2>"$WORK/cc.log" \
        || { SKIPPED+=("fann: compile failed: $(head -1 "$WORK/cc.log")"); return; }
    check_quiet "FANN"
    echo "running FANN"
    local e1=60000 e2=100 s3=60000 s4=2048 runs=3
    if [ $QUICK = 1 ]; then e1=3000; e2=3; s3=600; s4=16; runs=1; fi
    has "$WORKLOADS" w1b && record fann w1b $runs "$WORK/fann_bench" w1 $e1
    has "$WORKLOADS" w1 && SKIPPED+=("fann w1: FANN always has biases; compare with w1b")
    if has "$WORKLOADS" w2; then
        if [ -n "$MUSHROOM" ]; then record fann w2 $runs "$WORK/fann_bench" w2 $e2 "$MUSHROOM"; else SKIPPED+=("fann w2: no mushroom.train"); fi
    fi
    has "$WORKLOADS" w3 && record fann w3 $runs "$WORK/fann_bench" w3 $s3
    has "$WORKLOADS" w4 && record fann w4 $runs "$WORK/fann_bench" w4 $s4
    has "$WORKLOADS" w5 && SKIPPED+=("fann w5: FANN has no softmax, cross-entropy or Adam")
}

# ---------------------------------------------------------------- kernels
# A product takes milliseconds, and this machine's speed moves by tens of percent within minutes (both vCPUs at
# once): three short rounds that alternate Synapse and numpy, each keeping its best, stop one slow spell from
# deciding a ratio.
run_kernels() {
    has "$WORKLOADS" kernels || return
    local synapse=0 numpy=0 rounds=3 round
    has "$SYSTEMS" synapse && build_synapse && synapse=1
    has "$SYSTEMS" numpy && python3 -c 'import numpy' 2>/dev/null && numpy=1
    [ $QUICK = 1 ] && rounds=1
    has "$SYSTEMS" torch && SKIPPED+=("torch kernels: the kernel targets are against numpy's OpenBLAS")
    has "$SYSTEMS" fann && SKIPPED+=("fann kernels: FANN has no matrix product to call")
    check_quiet "the kernels"
    local py=$ROOT/benchmarks/python/workloads.py
    for ((round = 1; round <= rounds; round++)); do
        echo "kernels, round $round of $rounds"
        if [ $synapse = 1 ]; then
            jmh "KernelBenchmark -p shape=A_B:1024x1024x1024 -p threads=1,0" 3 5
            jmh "KernelBenchmark -p shape=A_B:64x10x128 -p threads=0" 3 5
        fi
        if [ $numpy = 1 ]; then
            # OpenBLAS reads its thread count when numpy loads; unset, it uses every core.
            record numpy k1024x1 1 "${PEER_ENV[@]}" OPENBLAS_NUM_THREADS=1 python3 "$py" kernel --shape 1024x1024x1024 --repeat 1
            record numpy k1024 1 "${PEER_ENV[@]}" python3 "$py" kernel --shape 1024x1024x1024 --repeat 1
            record numpy k10col 1 "${PEER_ENV[@]}" python3 "$py" kernel --shape 64x10x128 --repeat 1
        fi
    done
}

has "$SYSTEMS" synapse && run_synapse
has "$SYSTEMS" numpy && run_python numpy
has "$SYSTEMS" fann && run_fann
has "$SYSTEMS" torch && run_python torch
run_kernels

# ---------------------------------------------------------------- the table
echo
echo "== Results (W1: ms per 60000 epochs, W2: ms per epoch, W5: s per epoch, lower is better; W3/W4: samples/s, kernels: GFLOP/s, higher is better)"
SYS=(synapse numpy fann torch)
printf "%-5s %-20s" workload unit
for s in "${SYS[@]}"; do printf " %14s" "$s"; done
printf "\n"
# The workload a row belongs to (its --workloads name).
workload_of() { case $1 in w4pj) echo w4 ;; k*) echo kernels ;; *) echo "$1" ;; esac; }
ROWS=(w1 w1b w2 w3 w4 w4pj w5 w3f32 w4f32 w5f32 k1024x1 k1024 k10col)
for w in "${ROWS[@]}"; do
    has "$WORKLOADS" "$(workload_of $w)" || continue
    printf "%-5s %-20s" "$w" "${UNIT[$w]:-?}"
    for s in "${SYS[@]}"; do
        v=${RESULT[$s,$w]:-}
        if [ -n "$v" ]; then printf " %14.5g" "$v"; else printf " %14s" -; fi
    done
    printf "\n"
done
echo
echo "== Synapse's ratio to each system (>1: Synapse faster)"
for w in "${ROWS[@]}"; do
    has "$WORKLOADS" "$(workload_of $w)" || continue
    syn=${RESULT[synapse,$w]:-}
    [ -z "$syn" ] && continue
    line="$w:"
    for s in numpy fann torch; do
        other=${RESULT[$s,${w%pj}]:-}
        [ -z "$other" ] && continue
        ratio=$(awk -v a="$syn" -v b="$other" -v u="${UNIT[$w]}" 'BEGIN { if (u ~ /_per_s$/) printf "%.2f", a / b; else printf "%.2f", b / a }')
        line="$line  vs $s ${ratio}x"
    done
    echo "$line"
done
if has "$WORKLOADS" w4 && [ -n "${RESULT[synapse,w4]:-}" ]; then
    awk -v s="${RESULT[synapse,w4]}" 'BEGIN { printf "W4 Synapse: %.1f GFLOP/s (6 x 2,107,392 weights x samples/s)\n", 6 * 2107392 * s / 1e9 }'
fi
echo
echo "== Notes"
echo "- Each figure is the system's best measurement: Synapse's best JMH iteration, numpy's and PyTorch's best of 3 runs after a warm-up, FANN's best of 3 runs; kernels: the best over 3 rounds that alternate Synapse and numpy."
echo "- k1024x1: A·B at n = 1024 on one thread; k1024: the same on every core; k10col: W3's output layer 64x10x128 (Synapse as W3 runs it; OpenBLAS on every core). Targets: >= 0.8x, >= 0.8x, >= 0.5x."
echo "- w5: one epoch of Fashion-MNIST's 60000 images, 784-128-10 softmax, Adam, batch 32. Target: >= 2x numpy."
echo "- numpy and PyTorch ran every workload and kernel with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (their BLAS lines above say which core type OpenBLAS chose)."
echo "- w3f32, w4f32, w5f32: W3, W4, W5 with float32 parameters, activations, gradients and optimizer state on both sides (Synapse's Sequential.Builder.precision(FLOAT32), numpy's float32 arrays). Targets: >= 1.5x, >= 1.0x, >= 1.5x numpy float32."
echo "- w4pj is Synapse's W4 on the pure-Java engine alone (no Vector API), compared with the others' W4."
echo "- FANN W3/W4 train per sample (FANN has no mini-batches) and W4 uses bounded-linear hidden units (no ReLU in FANN 2.2): marked, not like for like."
# One line per distinct note, naming every figure it applies to.
for k in "${!NOTE[@]}"; do printf '%s\t%s\n' "${NOTE[$k]}" "$k"; done | sort \
    | awk -F'\t' '{ keys[$1] = keys[$1] (keys[$1] == "" ? "" : ", ") $2 } END { for (n in keys) print "- " keys[n] ": " n }' | sort

if [ ${#SKIPPED[@]} -gt 0 ]; then
    echo "== Skipped"
    for s in "${SKIPPED[@]}"; do echo "- $s"; done
fi
if [ ${#PEER_WARNINGS[@]} -gt 0 ]; then
    echo "== A peer did not run at its best"
    for s in "${PEER_WARNINGS[@]}"; do echo "- $s"; done
fi
if [ ${#NOISY[@]} -gt 0 ]; then
    echo "== The machine was not quiet"
    for s in "${NOISY[@]}"; do echo "- $s"; done
fi
