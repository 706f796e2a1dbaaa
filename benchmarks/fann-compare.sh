#!/usr/bin/env bash
# FANN 2.2 (float and double builds) and `bin/synapse train` on FANN's seven benchmark sets, 200 epochs each, several
# seeds; writes the table into docs/fann-comparison.md between its fann-compare markers (a rerun replaces it).
#
#   benchmarks/fann-compare.sh                 5 seeds, 200 epochs, all seven sets (about 6 minutes on 2 quiet cores)
#   options: --seeds N   --epochs N   --sets thyroid,diabetes,...   --print (print the table, leave the page alone)
#
# Both sides do what `synapse train --layers ... --max-epochs N --desired-error 0` does with FANN's defaults:
# sigmoid-stepwise units at steepness 0.5, weights in [-0.1, 0.1], iRPROP-, FANN's tanh error function, full batch,
# no early stop; hidden widths as FANN's benchmarks/benchmark.sh. FANN runs benchmarks/fann/fann_train.c (built here
# against libfann-dev); Synapse runs bin/synapse (train --timing --save, then test on the .test file).
# Timings: per epoch over the second half (epochs 101-200), measured inside each program; wall time of the whole
# process from outside (JVM start included). Each seed runs FANN float, FANN double and Synapse in turn, so a busy
# spell hits all three; the table gives each side's best of the seeds (interference only ever slows a run) and the
# median test MSE with its min-max.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAGE=docs/fann-comparison.md
DATA=${FANN_DATASETS:-/usr/share/doc/libfann-dev/examples/datasets}

SEEDS=5
EPOCHS=200
SETS="thyroid,diabetes,robot,building,gene,soybean,mushroom"
PRINT_ONLY=0
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) SEEDS=$2; shift ;;
        --epochs) EPOCHS=$2; shift ;;
        --sets) SETS=$2; shift ;;
        --print) PRINT_ONLY=1 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# Hidden widths of FANN's benchmarks/benchmark.sh (n1, n2; n2 = 0 means one hidden layer).
declare -A HIDDEN=([thyroid]=16,8 [diabetes]=4 [robot]=96 [building]=16 [gene]=4,2 [soybean]=16,8 [mushroom]=32)

for set in ${SETS//,/ }; do
    [ -n "${HIDDEN[$set]:-}" ] || { echo "unknown set $set; known: ${!HIDDEN[*]}" >&2; exit 2; }
    [ -f "$DATA/$set.train" ] || { echo "$DATA/$set.train is missing: apt-get install libfann-doc" >&2; exit 1; }
done
[ -f /usr/include/doublefann.h ] || { echo "FANN's headers are missing: apt-get install libfann-dev" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cc -O3 benchmarks/fann/fann_train.c -o "$WORK/fann_float" -lfloatfann -lm || exit 1
cc -O3 -DFANN_DOUBLE benchmarks/fann/fann_train.c -o "$WORK/fann_double" -ldoublefann -lm || exit 1
bin/synapse --version > /dev/null 2>&1 || { echo "bin/synapse does not start" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
lowest() { sort -g | head -1; }
highest() { sort -g | tail -1; }
# Every figure of one side on one set, one line per seed: test_mse ms_per_epoch wall_ms.
declare -A RUNS

run_fann() {  # build set seed
    local start end line
    start=$(now_ms)
    line=$("$WORK/fann_$1" "$DATA/$2.train" "$DATA/$2.test" "${HIDDEN[$2]}" "$EPOCHS" "$3" | grep '^RESULT')
    end=$(now_ms)
    RUNS[$1,$2]+="$(awk '{print $7, $9}' <<< "$line") $((end - start))"$'\n'
}

run_synapse() {  # set seed
    local layers in out start end train
    read -r _ in out < "$DATA/$1.train"
    layers="$in,${HIDDEN[$1]},$out"
    start=$(now_ms)
    train=$(bin/synapse train --layers "$layers" --max-epochs "$EPOCHS" --desired-error 0 --report-every 0 \
        --seed "$2" --timing --save "$WORK/$1.model" "$DATA/$1.train" 2> /dev/null)
    end=$(now_ms)
    local mse per_epoch
    per_epoch=$(sed -n 's/.*: \([0-9.]*\) ms per epoch.*/\1/p' <<< "$train")
    mse=$(bin/synapse test "$WORK/$1.model" "$DATA/$1.test" 2> /dev/null | sed -n "s/^MSE (FANN's): *//p")
    RUNS[synapse,$1]+="$mse $per_epoch $((end - start))"$'\n'
}

echo "== $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(java -version 2>&1 | head -1)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== load average at the start: $LOAD_START"
for set in ${SETS//,/ }; do
    for seed in $(seq 1 "$SEEDS"); do
        echo "-- $set seed $seed" >&2
        run_fann float "$set" "$seed"
        run_fann double "$set" "$seed"
        run_synapse "$set" "$seed"
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

column() { awk -v c="$2" '{print $c}' <<< "${RUNS[$1]}" | grep -v '^$'; }
mse_cell() { printf '%.5f (%.5f-%.5f)' "$(column "$1" 1 | median)" "$(column "$1" 1 | lowest)" "$(column "$1" 1 | highest)"; }
TABLE="$WORK/table.md"
{
    echo "| set | network | test MSE, median (min-max): FANN float | FANN double | Synapse |" \
        "ms per epoch, epochs $((EPOCHS / 2 + 1))-$EPOCHS: FANN float / double / Synapse |" \
        "wall s: FANN float / double / Synapse | targets met |"
    echo "|---|---|---|---|---|---|---|---|"
    for set in ${SETS//,/ }; do
        read -r _ in out < "$DATA/$set.train"
        ff=$(column "float,$set" 2 | lowest); fd=$(column "double,$set" 2 | lowest); fs=$(column "synapse,$set" 2 | lowest)
        wf=$(column "float,$set" 3 | lowest); wd=$(column "double,$set" 3 | lowest); ws=$(column "synapse,$set" 3 | lowest)
        # Synapse's figures against the faster FANN build: per epoch no slower, whole run at most 0.35 s longer.
        verdict=$(awk -v f="$ff" -v d="$fd" -v s="$fs" -v wf="$wf" -v wd="$wd" -v ws="$ws" 'BEGIN {
            if (f == "" || d == "" || s == "") { printf "n/a (a run failed)"; exit }
            fe = f < d ? f : d; fw = wf < wd ? wf : wd
            printf "%s per epoch, %s wall", (s <= fe ? "yes" : "NO"), (ws - fw <= 350 ? "yes" : "NO") }')
        printf '| %s | %s | %s | %s | %s | %.3f / %.3f / %.3f | %.2f / %.2f / %.2f | %s |\n' "$set" \
            "$in-${HIDDEN[$set]//,/-}-$out" "$(mse_cell "float,$set")" "$(mse_cell "double,$set")" \
            "$(mse_cell "synapse,$set")" "$ff" "$fd" "$fs" "$(awk -v m="$wf" 'BEGIN {print m / 1000}')" \
            "$(awk -v m="$wd" 'BEGIN {print m / 1000}')" "$(awk -v m="$ws" 'BEGIN {print m / 1000}')" "$verdict"
    done
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/fann-compare.sh --seeds $SEEDS --epochs $EPOCHS\`" \
        "on $(lscpu | sed -n 's/^Model name: *//p' | head -1) ($(nproc) cores), $(java -version 2>&1 | head -1);" \
        "load average (1, 5, 15 min) ${LOAD_START// //} at the start, ${LOAD_END// //} at the end."
} > "$TABLE"
cat "$TABLE"

if [ "$PRINT_ONLY" = 0 ]; then
    grep -q '<!-- fann-compare:begin -->' "$PAGE" && grep -q '<!-- fann-compare:end -->' "$PAGE" \
        || { echo "$PAGE has no fann-compare markers; table not written" >&2; exit 1; }
    awk -v table="$TABLE" '
        /<!-- fann-compare:end -->/ { while ((getline line < table) > 0) print line; skipping = 0 }
        !skipping { print }
        /<!-- fann-compare:begin -->/ { skipping = 1 }' "$PAGE" > "$WORK/page.md" && cp "$WORK/page.md" "$PAGE"
    echo "== table written into $PAGE"
fi
