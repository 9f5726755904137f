#!/usr/bin/env bash
# Side-by-side TPC-C-like runs on this machine: Basalt (embedded, on disk), H2 (embedded, on
# disk) and PostgreSQL (the distribution's server on 127.0.0.1), one after the other with the same
# warehouses, terminals, durations and isolation level, then one table of the results.
#
#   benchmarks/scripts/compare.sh                    # defaults below
#   WAREHOUSES=2 TERMINALS=8 DURATION=60 benchmarks/scripts/compare.sh
#   SYSTEMS="basalt postgresql" benchmarks/scripts/compare.sh
#
# Every system commits durably (Basalt's file database syncs its commits, H2 writes its file,
# PostgreSQL runs with fsync and synchronous_commit on). Results go to $OUT (JSON and HTML per run,
# plus summary.md). Compare figures only from one run of this script.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
WAREHOUSES="${WAREHOUSES:-1}"
TERMINALS="${TERMINALS:-4}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-30}"
ISOLATION="${ISOLATION:-SERIALIZABLE}"
SYSTEMS="${SYSTEMS:-basalt h2 postgresql}"
OUT="${OUT:-$root/tpcc-compare/$(date +%Y%m%d-%H%M%S)}"
PGPORT="${PGPORT:-55432}"
mkdir -p "$OUT"

run() { # name url
  local name="$1" url="$2"
  echo "== $name: $url" >&2
  "$root/basalt" tpcc --url "$url" --warehouses "$WAREHOUSES" --terminals "$TERMINALS" \
    --warmup "$WARMUP" --duration "$DURATION" --isolation "$ISOLATION" \
    --result-dir "$OUT/$name" 2>&1 | tee "$OUT/$name.log" | grep -E '^(tpmC|throughput|consistency|unexpected)' >&2 || true
}

for system in $SYSTEMS; do
  case "$system" in
    basalt) rm -rf "$OUT/basalt-db"; run basalt "jdbc:basalt:file:$OUT/basalt-db" ;;
    h2) rm -rf "$OUT/h2-db"; run h2 "jdbc:h2:file:$OUT/h2-db/tpcc" ;;
    postgresql)
      pgdir="$OUT/pg-data"
      url="$("$here/postgres-local.sh" start "$pgdir" "$PGPORT")"
      trap '"$here/postgres-local.sh" stop "$pgdir" || true' EXIT
      run postgresql "$url"
      "$here/postgres-local.sh" stop "$pgdir"
      trap - EXIT
      ;;
    *) echo "unknown system: $system (basalt, h2, postgresql)" >&2; exit 2 ;;
  esac
done

python3 - "$OUT" $SYSTEMS <<'PY' | tee "$OUT/summary.md"
import glob, json, sys
out, systems = sys.argv[1], sys.argv[2:]
rows = []
for name in systems:
    files = sorted(glob.glob(f"{out}/{name}/*.json"))
    if not files:
        rows.append(f"| {name} | no result (see {name}.log) | | | | | |")
        continue
    d = json.load(open(files[-1]))
    s, c = d["summary"], d["config"]
    t = {x["type"]: x for x in s["types"]}
    retries = sum(s["retries"].values()); gave_up = sum(s["giveUps"].values())
    ok = "holds" if not s["consistencyViolations"] else "VIOLATED"
    rows.append(f"| {name} ({d['database']}) | {s['tpmC']:,.0f} | {s['txnPerSecond']:,.1f} | "
                f"{t['NewOrder']['p50Ms']:.1f} / {t['NewOrder']['p99Ms']:.1f} | "
                f"{t['Payment']['p50Ms']:.1f} / {t['Payment']['p99Ms']:.1f} | {retries} / {gave_up} | {ok} |")
print(f"{c['warehouses']} warehouse(s), {c['terminals']} terminals, {c['isolation']}, "
      f"{c['warmupSeconds']} s warm-up + {c['durationSeconds']} s measured, "
      f"{c['customersPerDistrict']} customers/district, {c['items']} items\n")
print("| database | tpmC-like | txn/s | NewOrder p50 / p99 ms | Payment p50 / p99 ms | retries / give-ups | consistency |")
print("|---|---:|---:|---:|---:|---:|---|")
print("\n".join(rows))
PY
echo "results: $OUT" >&2
