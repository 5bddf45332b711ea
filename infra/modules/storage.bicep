// Storage account for the Functions host, Durable Functions and the payments ledger. Nothing in the app holds a key:
// shared-key access is off and the app's managed identity gets data-plane roles on this account only.
import { builtInRoles } from 'roles.bicep'

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Blob container that holds the app package Flex Consumption runs from.')
param deploymentContainerName string

@description('Name of the user-assigned managed identity the app runs as.')
param appIdentityName string

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

// Blob for the host's leases and the deployment package, Queue for Durable's control and work-item queues, Table for
// Durable's history and instances and for our ledger.
var dataRoles = [
  builtInRoles.storageBlobDataOwner
  builtInRoles.storageQueueDataContributor
  builtInRoles.storageTableDataContributor
]

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in dataRoles: {
    name: guid(account.id, appIdentity.id, roleId)
    scope: account
    properties: {
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

@description('Storage account name.')
output name string = account.name

@description('Blob endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Table endpoint, e.g. https://<account>.table.core.windows.net/.')
output tableEndpoint string = account.properties.primaryEndpoints.table

@description('Deployment container name.')
output deploymentContainerName string = deploymentContainer.name
