import { describe, expect, it } from 'vitest'
import { imageOutputTokens } from './image-output-tokens.js'

describe('imageOutputTokens', () => {
  it('gives the published tokens of a square image at each quality', () => {
    expect(imageOutputTokens('1024x1024', 'low')).toBe(272)
    expect(imageOutputTokens('1024x1024', 'medium')).toBe(1056)
    expect(imageOutputTokens('1024x1024', 'high')).toBe(4160)
  })

  it('reserves auto, unknown and absent qualities as high', () => {
    expect(imageOutputTokens('1024x1024', 'auto')).toBe(4160)
    expect(imageOutputTokens('1024x1024', 'max')).toBe(4160)
    expect(imageOutputTokens(undefined, undefined)).toBe(4160)
  })

  it('scales larger sizes by pixel area, within 2 % of the published portrait and landscape figures', () => {
    expect(imageOutputTokens('1024x1536', 'medium')).toBe(1584)
    expect(imageOutputTokens('1536x1024', 'high')).toBe(6240)
    expect(imageOutputTokens('3840x2160', 'low')).toBe(Math.ceil((272 * 3840 * 2160) / (1024 * 1024)))
  })

  it('counts smaller, auto and unreadable sizes as square', () => {
    expect(imageOutputTokens('256x256', 'low')).toBe(272)
    expect(imageOutputTokens('auto', 'low')).toBe(272)
    expect(imageOutputTokens('wide', 'low')).toBe(272)
  })
})
