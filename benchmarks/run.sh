#!/usr/bin/env bash
# Builds the JMH jar and runs Synapse's benchmarks (W1-W4 and the kernels).
#
#   benchmarks/run.sh short [JMH options]   every benchmark once, briefly: checks they run (~5 minutes)
#   benchmarks/run.sh full  [JMH options]   the settings in the annotations: the figures to report (~15 minutes)
#
# Results go to benchmarks/results-<mode>.json (and the console). Examples of extra options:
#   benchmarks/run.sh full W4 -p engine=vector,pure-java     one workload, both engines
#   benchmarks/run.sh short W1 -prof gc                       allocation per call (gc.alloc.rate.norm)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
shift || true
case "$mode" in
    short) settings=(-f 1 -wi 1 -i 1 -w 1s -r 1s -p samples=2048) ;;
    full) settings=() ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
esac
mvn -q -B -ntp -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar "${settings[@]}" -rf json -rff "benchmarks/results-$mode.json" "$@"
