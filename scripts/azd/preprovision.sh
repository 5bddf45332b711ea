#!/usr/bin/env bash
# azd preprovision hook: asks for what provisioning cannot do without, before anything is created, and keeps the
# answer in the azd environment (azd env set), so `azd up` never stops halfway on a Bicep parameter error.
# Non-interactive (CI): a missing value is an error naming the variable to set.
set -euo pipefail

terminal_id="${SMARTRETRY_TERMINAL_ID:-}"
if [ -z "$terminal_id" ]; then
  if [ ! -t 0 ]; then
    echo "SMARTRETRY_TERMINAL_ID is not set: run 'azd env set SMARTRETRY_TERMINAL_ID <your 6-character terminal id>'." >&2
    exit 1
  fi
  read -r -p "SmartRetry terminal id (6 characters, from the SmartRetry dashboard): " terminal_id
fi

if ! printf '%s' "$terminal_id" | grep -Eq '^[A-Za-z0-9]{6}$'; then
  echo "SMARTRETRY_TERMINAL_ID must be 6 letters or digits (the terminal id in the SmartRetry dashboard)." >&2
  exit 1
fi

azd env set SMARTRETRY_TERMINAL_ID "$terminal_id"
