#!/usr/bin/env bash
# azd postprovision hook: fills the Key Vault with what the app validates at start-up, never overwriting a value
# already there.
#  - the card sealing key (sealing-key-<SMARTRETRY_SEALING_KEY_ID, k1>) and the card fingerprint key: 32 random bytes,
#    base64, created only when absent (a new sealing key would make every sealed card unreadable, a new fingerprint
#    key every stored fingerprint meaningless);
#  - the SmartRetry API key and webhook secret: from SMARTRETRY_API_KEY / SMARTRETRY_WEBHOOK_SECRET when set (Bicep
#    has then written them already), else kept when present, else asked for (hidden input); non-interactive, a
#    missing one is an error naming the variable.
# azd runs it with the environment's values and the template's outputs (KEY_VAULT_NAME, ...) exported.
set -euo pipefail

vault="${KEY_VAULT_NAME:?KEY_VAULT_NAME is not set: run this through azd (azd provision) or export it}"
sealing_key_id="${SMARTRETRY_SEALING_KEY_ID:-k1}"

has_secret() {
  az keyvault secret show --vault-name "$vault" --name "$1" --query id --output tsv >/dev/null 2>&1
}

set_secret() {
  # The value goes through a file only this user can read, never through the command line (visible to ps).
  local file
  file="$(mktemp)"
  chmod 600 "$file"
  printf '%s' "$2" >"$file"
  az keyvault secret set --vault-name "$vault" --name "$1" --file "$file" --encoding utf-8 --output none
  rm -f "$file"
}

random_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }

ensure_generated() {
  if has_secret "$1"; then
    echo "Key Vault $vault: $1 is there; kept."
  else
    set_secret "$1" "$(random_key)"
    echo "Key Vault $vault: $1 created (32 random bytes)."
  fi
}

ensure_given() {
  local name="$1" variable="$2" prompt="$3" value
  value="${!variable:-}"
  if [ -n "$value" ]; then
    echo "Key Vault $vault: $name comes from $variable (provisioning wrote it)."
    return
  fi
  if has_secret "$name"; then
    echo "Key Vault $vault: $name is there; kept."
    return
  fi
  if [ ! -t 0 ]; then
    echo "Key Vault $vault has no $name: set $variable (azd env set $variable <value>) and run azd provision again." >&2
    exit 1
  fi
  read -r -s -p "$prompt: " value
  echo
  if [ -z "$value" ]; then
    echo "No value given for $name; the app cannot start without it." >&2
    exit 1
  fi
  set_secret "$name" "$value"
  echo "Key Vault $vault: $name stored."
}

ensure_generated "sealing-key-$sealing_key_id"
ensure_generated "card-fingerprint-key"
ensure_given "smartretry-api-key" SMARTRETRY_API_KEY "SmartRetry API key (from the SmartRetry dashboard)"
ensure_given "smartretry-webhook-secret" SMARTRETRY_WEBHOOK_SECRET "SmartRetry webhook secret (from the SmartRetry dashboard)"
