export { finopsMiddleware } from './finops-middleware.js'
export { finopsEmbeddingMiddleware } from './finops-embedding-middleware.js'
export type { FinOpsEmbeddingMiddlewareOptions, FinOpsMiddlewareOptions } from './finops-middleware-options.js'
export { withFinOps } from './with-finops.js'
