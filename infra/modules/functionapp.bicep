// The Function App on Flex Consumption (FC1, Linux, dotnet-isolated 10.0). It runs as a user-assigned managed
// identity: storage, Application Insights and Key Vault are all reached with that identity, never with a key.
import { secretNames, sealingKeySecretName, keyVaultReference } from 'secrets.bicep'

@description('Function App name (globally unique; it becomes <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('azd service name this app hosts (azure.yaml services.<name>).')
param serviceName string

@description('Name of the user-assigned managed identity the app runs as.')
param appIdentityName string

@description('Storage account for the Functions host, Durable Functions and the ledger.')
param storageAccountName string

@description('Blob endpoint of that account.')
param blobEndpoint string

@description('Table endpoint of that account.')
param tableEndpoint string

@description('Blob container the app package is deployed to.')
param deploymentContainerName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault URI holding the app\'s secrets.')
param keyVaultUri string

@description('Durable Functions task hub name.')
param taskHubName string

@description('SmartRetry API base URL.')
param smartRetryBaseUrl string

@description('SmartRetry terminal id.')
param smartRetryTerminalId string

@description('Prefix of the ledger tables.')
param tableNamePrefix string

@description('Key id new card envelopes are sealed with.')
param sealingCurrentKeyId string

@description('Older key ids still needed to unseal envelopes sealed before a rotation.')
param sealingRetiredKeyIds string[]

@description('Days finished workflow instances are kept before they are purged.')
param retentionDays int

@description('Most instances Flex Consumption may scale out to.')
param maximumInstanceCount int

@description('Memory per instance, in MB.')
param instanceMemoryMB int

var sealingKeyIds = union([sealingCurrentKeyId], sealingRetiredKeyIds)

var sealingKeySettings = toObject(
  sealingKeyIds,
  keyId => 'Payments__Sealing__Keys__${keyId}',
  keyId => keyVaultReference(keyVaultUri, sealingKeySecretName(keyId))
)

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: appIdentity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: appIdentity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments authenticate with Entra ID; publishing user names and passwords stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

// The names are the configuration contract shared with the app (docs/configuration.md, "App settings in Azure").
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: appIdentity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${appIdentity.properties.clientId};Authorization=AAD'
      TaskHubName: taskHubName
      SmartRetry__BaseUrl: smartRetryBaseUrl
      SmartRetry__TerminalId: smartRetryTerminalId
      SmartRetry__ApiKey: keyVaultReference(keyVaultUri, secretNames.smartRetryApiKey)
      SmartRetry__WebhookSecret: keyVaultReference(keyVaultUri, secretNames.smartRetryWebhookSecret)
      Payments__Storage__TableServiceUri: tableEndpoint
      Payments__Storage__ManagedIdentityClientId: appIdentity.properties.clientId
      Payments__Storage__TableNamePrefix: tableNamePrefix
      Payments__Sealing__CurrentKeyId: sealingCurrentKeyId
      Payments__Cards__FingerprintKey: keyVaultReference(keyVaultUri, secretNames.cardFingerprintKey)
      Payments__Maintenance__RetentionDays: string(retentionDays)
      // The reconciler's timer (docs/operations.md, "The reconciler"): every minute.
      Payments__Reconciliation__Schedule: '0 * * * * *'
    },
    sealingKeySettings
  )
}

@description('Function App name.')
output name string = app.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output hostName string = app.properties.defaultHostName
