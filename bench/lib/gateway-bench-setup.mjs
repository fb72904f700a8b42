/** URL of the built `@finops-ai/gateway` (what users run); the bench package does not depend on it. */
export const GATEWAY_DIST = new URL('../../packages/gateway/dist/index.js', import.meta.url).href

/** The virtual key secret the gateway benchmark's load client presents. */
export const BENCH_GATEWAY_SECRET = 'fo-bench-secret'
