import { describe, expect, it } from 'vitest'
import { missingAttribution, resolveAttributionRequirements } from './attribution-requirements.js'

describe('resolveAttributionRequirements', () => {
  it('knows the well-known keys plus declared, env-declared, required and default keys', () => {
    const requirements = resolveAttributionRequirements({ keys: ['tenant'], required: ['team', 'run'], defaults: { env: 'prod' } }, { FINOPS_ATTRIBUTION_KEYS: 'session, region' })
    expect([...requirements.knownKeys].sort()).toEqual(['costCenter', 'env', 'feature', 'region', 'run', 'session', 'team', 'tenant', 'user'])
  })

  it('rejects keys that are not an array of names', () => {
    expect(() => resolveAttributionRequirements({ keys: 'tenant' as never }, {})).toThrow('attribution.keys: expected an array of attribution key names')
  })

  it('defaults to warn with nothing required', () => {
    expect(resolveAttributionRequirements({}, {})).toEqual({
      required: [],
      onMissing: 'warn',
      defaults: undefined,
      hashUser: undefined,
      knownKeys: new Set(['user', 'team', 'feature', 'costCenter']),
    })
  })

  it.each([
    ['off', 'allow'],
    ['warn', 'warn'],
    ['strict', 'throw'],
  ])('FINOPS_ATTRIBUTION=%s overrides the option with %s', (env, mode) => {
    expect(resolveAttributionRequirements({ onMissing: 'allow' }, { FINOPS_ATTRIBUTION: env }).onMissing).toBe(mode)
  })

  it('takes required keys from FINOPS_ATTRIBUTION_REQUIRED over the option', () => {
    expect(resolveAttributionRequirements({ required: ['user'] }, { FINOPS_ATTRIBUTION_REQUIRED: 'team, feature' }).required).toEqual([
      'team',
      'feature',
    ])
    expect(resolveAttributionRequirements({ required: ['user'] }, { FINOPS_ATTRIBUTION_REQUIRED: '' }).required).toEqual(['user'])
  })

  it('rejects an unknown FINOPS_ATTRIBUTION value naming the variable', () => {
    expect(() => resolveAttributionRequirements({}, { FINOPS_ATTRIBUTION: 'yes' })).toThrow(
      "env.FINOPS_ATTRIBUTION: expected one of off|warn|strict, got 'yes'",
    )
  })

  it('rejects an unknown onMissing option', () => {
    expect(() => resolveAttributionRequirements({ onMissing: 'deny' as 'throw' }, {})).toThrow('attribution.onMissing')
  })

  it('rejects a hashUser salt that is not a non-empty string', () => {
    expect(() => resolveAttributionRequirements({ hashUser: { salt: '' } }, {})).toThrow('attribution.hashUser')
  })

  it('validates engine defaults', () => {
    expect(() => resolveAttributionRequirements({ defaults: { team: '' } }, {})).toThrow('attribution.defaults.team')
  })
})

describe('missingAttribution', () => {
  it('lists required keys that are absent, in configuration order', () => {
    expect(missingAttribution({ feature: 'f' }, ['team', 'feature', 'user'])).toEqual(['team', 'user'])
  })

  it('is empty when every required key is present', () => {
    expect(missingAttribution({ team: 't', feature: 'f' }, ['team', 'feature'])).toEqual([])
  })

  it('with nothing required, reports * only for a call without any attribution', () => {
    expect(missingAttribution({}, [])).toEqual(['*'])
    expect(missingAttribution({ run: 'r1' }, [])).toEqual([])
  })
})
