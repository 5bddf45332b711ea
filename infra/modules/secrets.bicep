// The Key Vault secret names the app reads and the shape of an App Service Key Vault reference, shared by the vault
// (which writes the secrets) and the app (which references them), so the two can never disagree.

@export()
@description('Names of the Key Vault secrets that hold the SmartRetry credentials and the card fingerprint key.')
var secretNames = {
  smartRetryApiKey: 'smartretry-api-key'
  smartRetryWebhookSecret: 'smartretry-webhook-secret'
  cardFingerprintKey: 'card-fingerprint-key'
}

@export()
@description('Key Vault secret holding the base64 AES-256 sealing key with the given key id.')
func sealingKeySecretName(keyId string) string => 'sealing-key-${keyId}'

@export()
@description('App setting value the platform resolves from Key Vault with the app\'s identity; versionless, so a new secret version is picked up without a redeployment.')
func keyVaultReference(vaultUri string, secretName string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName})'
