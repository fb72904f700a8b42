import { describe, expect, it } from 'vitest'
import { parseMultipartBody } from './multipart-body.js'

async function encoded(form: FormData): Promise<{ bytes: Buffer; type: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  return { bytes: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type') ?? '' }
}

describe('parseMultipartBody', () => {
  it('reads text fields, booleans, files and repeated fields', async () => {
    const form = new FormData()
    form.append('model', 'gpt-image-1')
    form.append('stream', 'true')
    form.append('n', '2')
    form.append('image[]', new File([new Uint8Array(10)], 'a.png', { type: 'image/png' }))
    form.append('image[]', new File([new Uint8Array(20)], 'b.png', { type: 'image/png' }))
    form.append('file', new File([new Uint8Array(5)], 'speech.wav', { type: 'audio/wav' }))
    const { bytes, type } = await encoded(form)
    expect(await parseMultipartBody(bytes, type)).toEqual({
      model: 'gpt-image-1',
      stream: true,
      n: '2',
      image: [
        { filename: 'a.png', type: 'image/png', size: 10 },
        { filename: 'b.png', type: 'image/png', size: 20 },
      ],
      file: { filename: 'speech.wav', type: 'audio/wav', size: 5 },
    })
  })
})
