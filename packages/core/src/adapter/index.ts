export { callThroughPath, type CallThroughPathOptions } from './call-through-path.js'
export { deferAPIPromise, type DeferredAPIPromiseOptions } from './defer-api-promise.js'
export { CHARACTERS_PER_TOKEN, countTextCharacters, estimateTokens } from './estimate-tokens.js'
export { observeAPIPromise, type ResponseObserver } from './observe-api-promise.js'
export { observeStream, type StreamEnd, type StreamItem, type StreamObserver } from './observe-stream.js'
export {
  isStainlessAPIPromise,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
  type StainlessParse,
  type StainlessResponseProps,
} from './stainless-api-promise.js'
