import type { StainlessParse, StainlessResponseProps } from './stainless-api-promise.js'

/**
 * Test double of a Stainless SDK's `APIPromise`, with the same mechanics as the real one: the
 * request is eager (`responsePromise`), parsing is lazy and memoized, `_thenUnwrap` derives a
 * promise on the same request. Lets core test its adapter pieces without importing an SDK.
 */
export class DoubleAPIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined
  readonly #client: unknown

  constructor(
    client: unknown,
    public responsePromise: Promise<StainlessResponseProps>,
    public parseResponse: StainlessParse<T> = (_client, props) => props.response.json() as Promise<T>,
  ) {
    super((resolve) => resolve(null as T))
    this.#client = client
  }

  static override get [Symbol.species]() {
    return Promise
  }

  _thenUnwrap<U>(transform: (data: T, props: StainlessResponseProps) => U): DoubleAPIPromise<U> {
    return new DoubleAPIPromise<U>(this.#client, this.responsePromise, async (client, props) =>
      transform(await this.parseResponse(client, props), props),
    )
  }

  asResponse(): Promise<Response> {
    return this.responsePromise.then((props) => props.response)
  }

  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null }> {
    const [data, response] = await Promise.all([this.parse(), this.asResponse()])
    return { data, response, request_id: response.headers.get('x-request-id') }
  }

  private parse(): Promise<T> {
    this.parsed ??= this.responsePromise.then((props) => this.parseResponse(this.#client, props))
    return this.parsed
  }

  // oxlint-disable-next-line unicorn/no-thenable -- the SDK's APIPromise overrides `then` the same way
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.parse().then(onfulfilled, onrejected)
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.parse().catch(onrejected)
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.parse().finally(onfinally)
  }
}

/** Test double of a Stainless `Stream`: `iterator` factory, `controller`, `tee()`; stops reading when aborted. */
export class DoubleStream<Item> implements AsyncIterable<Item> {
  constructor(
    public iterator: () => AsyncIterator<Item>,
    public controller: AbortController,
  ) {}

  /** A stream of `items`; throws `failure` after them when given. */
  static of<Item>(items: Item[], options: { failure?: unknown; controller?: AbortController } = {}): DoubleStream<Item> {
    const controller = options.controller ?? new AbortController()
    async function* iterate() {
      for (const item of items) {
        if (controller.signal.aborted) return
        await Promise.resolve()
        yield item
      }
      if (options.failure !== undefined) throw options.failure
    }
    return new DoubleStream(iterate, controller)
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.iterator()
  }

  tee(): [DoubleStream<Item>, DoubleStream<Item>] {
    const source = this.iterator()
    const queues: [Promise<IteratorResult<Item>>[], Promise<IteratorResult<Item>>[]] = [[], []]
    const branch = (index: 0 | 1) =>
      new DoubleStream<Item>(
        () => ({
          next: () => {
            const queue = queues[index]
            if (queue.length === 0) {
              const result = source.next()
              queues[0].push(result)
              queues[1].push(result)
            }
            return queue.shift() as Promise<IteratorResult<Item>>
          },
        }),
        this.controller,
      )
    return [branch(0), branch(1)]
  }
}

/** Response props for a double request answering `body` as JSON (or a stream when `stream`). */
export function doubleResponseProps(body: unknown, options: { stream?: boolean } = {}): StainlessResponseProps {
  return {
    response: new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_double' },
    }),
    options: { stream: options.stream ?? false },
    controller: new AbortController(),
  }
}
