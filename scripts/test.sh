#!/usr/bin/env bash
# The test command: installs what the tests need, starts Azurite on loopback, builds the solution, runs every test
# project and, where a `func` (Azure Functions Core Tools) is on PATH, the end-to-end suite in the real Functions host;
# stops Azurite and exits non-zero on any failure. Nothing is skipped silently.
# SMARTRETRY_REQUIRE_END_TO_END=1 makes a missing `func` a failure instead of a SKIPPED line (CI sets it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

say() { printf '==> %s\n' "$*"; }

# 0. The docs: every relative link and heading anchor in README.md, docs/ and the packages' READMEs resolves.
say "Checking the links in README.md and docs/"
python3 scripts/check-links.py "$root"

# 1. Tools from npm, pinned by package-lock.json.
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. Azurite on free loopback ports, with its data in a temporary folder.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_dir="$(mktemp -d)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$azurite_dir" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
cleanup() {
  # Azurite may take its time to shut down gracefully; give it 5 s, then stop it hard.
  kill "$azurite_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$azurite_dir"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then cat "$azurite_dir/azurite.log"; echo "Azurite exited before listening" >&2; exit 1; fi
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null || { echo "Azurite did not listen on $table_port within 30 s" >&2; exit 1; }
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export SMARTRETRY_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
say "Azurite listening on 127.0.0.1 (blob $blob_port, queue $queue_port, table $table_port)"

# 3. Build the whole solution: a package that does not restore is a failure.
say "Building SmartRetry.Functions.sln ($configuration)"
dotnet build SmartRetry.Functions.sln -c "$configuration" -nologo -clp:ErrorsOnly

# 3b. The client package, as a team would take it (the client's tests also restore it into a fresh project).
say "Packing SmartRetry.Client into artifacts/packages"
dotnet pack src/SmartRetry.Client -c "$configuration" --no-build -nologo -o "$root/artifacts/packages"

# 4. The fast test projects, then the end-to-end suite in the real Functions host where a `func` is on PATH.
test_projects=$(find tests -name '*.Tests.csproj' | sort)
end_to_end="tests/SmartRetry.EndToEnd/SmartRetry.EndToEnd.csproj"
end_to_end_skipped=""
if command -v func >/dev/null; then
  test_projects="$test_projects $end_to_end"
  say "End-to-end suite: the app in the Functions host from $(command -v func) ($(func --version 2>/dev/null | head -n 1))"
elif [ -n "${SMARTRETRY_REQUIRE_END_TO_END:-}" ]; then
  echo "The end-to-end suite is required here, but no 'func' (Azure Functions Core Tools) is on PATH." >&2
  exit 1
else
  end_to_end_skipped="SKIPPED: tests/SmartRetry.EndToEnd (the app in the real Functions host) did not run: Azure Functions Core Tools ('func') is not on PATH; install Azure Functions Core Tools v4 to run it."
  echo "$end_to_end_skipped"
fi

failed_projects=()
for project in $test_projects; do
  name=$(basename "$project" .csproj)
  say "Testing $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false; then
    failed_projects+=("$name")
  fi
done

[ -z "$end_to_end_skipped" ] || echo "$end_to_end_skipped"
[ ${#failed_projects[@]} -eq 0 ] || echo "FAILED: ${failed_projects[*]}" >&2

# 5. One closing line with the totals over every TRX file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    root = ET.parse(path).getroot()
    if path.endswith("SmartRetry.EndToEnd.trx"):
        print("End-to-end tests (the app in the real Functions host):")
        for r in root.iterfind("t:Results/t:UnitTestResult", ns):
            print(f"  {r.get('outcome'):<8} {r.get('duration', '')[:11]:>11}  {r.get('testName')}")
    c = root.find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY

if [ ${#failed_projects[@]} -gt 0 ]; then
  exit 1
fi
