/** Where in the application a model call was made (OTel `code.*` attributes). */
export interface CallSite {
  /** `code.file.path` */
  filePath: string
  /** `code.line.number` */
  lineNumber: number
  /** `code.column.number` */
  columnNumber: number
  /** `code.function.name`, when the frame has one. */
  functionName?: string
}

// Frames of finops-ai itself (built, or its sources in this repository other than tests), the
// provider SDKs and Node internals.
const libraryFrame =
  /[\\/](?:@finops-ai|packages[\\/](?:core|openai|anthropic)[\\/]src|openai|@anthropic-ai)[\\/]|^node:|^internal[\\/]|\(node:|\(internal[\\/]/
const testFile = /\.test\.[cm]?[jt]s$/
const framePattern = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/

/**
 * The first stack frame of `stack` outside finops-ai, the provider SDKs and Node internals: the
 * application code that made the call. `undefined` when there is none.
 */
export function callSiteOf(stack: string | undefined): CallSite | undefined {
  if (stack === undefined) return undefined
  for (const line of stack.split('\n')) {
    const frame = framePattern.exec(line)
    if (frame === null) continue
    const [, functionName, file, lineNumber, columnNumber] = frame
    if (file === undefined || ((libraryFrame.test(file) || libraryFrame.test(line)) && !testFile.test(file))) continue
    const site: CallSite = { filePath: file.replace(/^file:\/\//, ''), lineNumber: Number(lineNumber), columnNumber: Number(columnNumber) }
    if (functionName) site.functionName = functionName.replace(/^async /, '')
    return site
  }
  return undefined
}

/** The call site of the current call: captures a stack, so only for calls that need it. */
export function captureCallSite(): CallSite | undefined {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 40
  const holder: { stack?: string } = {}
  Error.captureStackTrace(holder, captureCallSite)
  Error.stackTraceLimit = limit
  return callSiteOf(holder.stack)
}
