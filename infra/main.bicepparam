// Parameters for azd (which exports the environment's values as environment variables) and for
// `az deployment group create --parameters infra/main.bicepparam` with the same variables set.
// An empty variable counts as unset: CI exports an undefined repository variable as an empty string.
using './main.bicep'

var baseUrl = readEnvironmentVariable('SMARTRETRY_BASE_URL', '')
var sealingKeyId = readEnvironmentVariable('SMARTRETRY_SEALING_KEY_ID', '')
var retiredSealingKeyIds = split(readEnvironmentVariable('SMARTRETRY_SEALING_RETIRED_KEY_IDS', ''), ',')
var principalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', '')

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param smartRetryBaseUrl = empty(baseUrl) ? 'https://api.smartretry.com' : baseUrl
param smartRetryTerminalId = readEnvironmentVariable('SMARTRETRY_TERMINAL_ID')
param sealingCurrentKeyId = empty(sealingKeyId) ? 'k1' : sealingKeyId
param sealingRetiredKeyIds = filter(map(retiredSealingKeyIds, keyId => trim(keyId)), keyId => !empty(keyId))

// Secret values are optional: empty keeps what is already in Key Vault (README, "Configuring secrets").
param smartRetryApiKey = readEnvironmentVariable('SMARTRETRY_API_KEY', '')
param smartRetryWebhookSecret = readEnvironmentVariable('SMARTRETRY_WEBHOOK_SECRET', '')
param sealingKey = readEnvironmentVariable('SMARTRETRY_SEALING_KEY', '')
param cardFingerprintKey = readEnvironmentVariable('SMARTRETRY_CARD_FINGERPRINT_KEY', '')

// azd sets AZURE_PRINCIPAL_ID to the signed-in user or pipeline principal.
param vaultOperatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param vaultOperatorPrincipalType = empty(principalType) ? 'User' : principalType
