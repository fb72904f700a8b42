export { createGateway } from './create-gateway.js'
export type { Gateway } from './create-gateway.js'
export type { AzureOpenAIUpstreamOptions, GatewayOptions, UpstreamOptions, UpstreamsOptions } from './gateway-options.js'
export { loadGatewayConfig } from './gateway-config.js'
export type { CacheConfig, GatewayConfig, GatewayLimits, StoreConfig } from './gateway-config.js'
export { serveGateway } from './serve-gateway.js'
export type { ServedGateway } from './serve-gateway.js'

// Virtual keys (./keys): the store the gateway authenticates against, and the `keys` command.
export { createVirtualKey, fileKeyStore, hashSecret, runKeysCommand } from './keys/index.js'
export type {
  CreateVirtualKeyOptions,
  FileKeyStore,
  FileKeyStoreOptions,
  KeysCommandIo,
  KeysReloadEvent,
  VirtualKey,
  VirtualKeyEntry,
  VirtualKeyProvider,
  VirtualKeyStore,
} from './keys/index.js'
