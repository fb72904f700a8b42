import { describe, expect, it } from 'vitest'
import { escapeHtml } from './escape-html.js'

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters as numeric references', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;')
  })
})
