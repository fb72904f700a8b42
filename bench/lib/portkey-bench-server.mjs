// `@portkey-ai/gateway` (a root devDependency) as the gateway benchmark's anchor, in its own
// process (forked; `argv[2]` is the port to listen on): runs the package's own
// `build/start-server.js --port=<port> --headless` (`--port <n>` with a space is ignored: it
// listens on 8787) in this process, sends `{ port }` over IPC once it accepts connections, and
// exits when the benchmark goes away (a spawned server would outlive a killed benchmark).
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const port = Number(process.argv[2])
process.on('disconnect', () => process.exit(0))
const manifest = createRequire(import.meta.url).resolve('@portkey-ai/gateway/package.json')
process.argv = [process.argv[0], 'start-server.js', `--port=${port}`, '--headless']
await import(pathToFileURL(join(dirname(manifest), 'build', 'start-server.js')).href)

const accepts = () =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)))
    socket.on('error', () => resolve(false))
  })
while (!(await accepts())) await new Promise((resolve) => setTimeout(resolve, 50))
process.send({ port })
