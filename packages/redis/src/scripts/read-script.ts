import { luaLibrary } from './lua-library.js'
import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `read`: the state of counters, without reserving or settling anything (it does drop window
 * buckets and leases that ended, as every script does).
 *
 * KEYS[1..] per counter, in request order: window → its bucket hash; concurrency → its lease
 *           sorted set; budget → its hash, then its lease sorted set; breaker → its bucket hash,
 *           then its state hash.
 * ARGV[1]   now in epoch ms, or '' for the server's TIME.
 * ARGV[2..] three per counter: 'w' window_ms bucket_ms | 'c' '' '' | 'b' period '' |
 *           'k' window_ms bucket_ms.
 *
 * Reply: four per counter: w → used, 0, 0, 0; c → in_flight, 0, 0, 0;
 *   b → spent, reserved, period_start, period_end; k → velocity, state (0 closed, 1 open,
 *   2 half-open), open_until, 0.
 */
export const readScript: RedisScript = redisScript(
  'read',
  `${luaLibrary}
local now = clock(ARGV[1])
local reply = {}
local key_index = 1
for arg = 2, #ARGV, 3 do
  local kind, a, b = ARGV[arg], ARGV[arg + 1], ARGV[arg + 2]
  local key = KEYS[key_index]
  local values
  if kind == 'w' then
    values = { window_sum(key, now, tonumber(a), tonumber(b)), 0, 0, 0 }
    key_index = key_index + 1
  elseif kind == 'c' then
    values = { in_flight(key, now), 0, 0, 0 }
    key_index = key_index + 1
  elseif kind == 'b' then
    local leases = KEYS[key_index + 1]
    local start, finish = period_bounds(a, now)
    values = { 0, 0, start, finish }
    if tonumber(redis.call('HGET', key, 'start')) == start then
      local state = budget_load(key, leases, a, now)
      values[1], values[2] = state.spent, state.reserved
    end
    key_index = key_index + 2
  elseif kind == 'k' then
    local velocity = window_sum(key, now, tonumber(a), tonumber(b))
    local breaker = breaker_load(KEYS[key_index + 1])
    if breaker.state == 'closed' then
      values = { velocity, 0, 0, 0 }
    elseif breaker.state == 'open' and now < breaker.open_until then
      values = { velocity, 1, breaker.open_until, 0 }
    else
      values = { velocity, 2, breaker.open_until, 0 }
    end
    key_index = key_index + 2
  end
  for _, value in ipairs(values) do reply[#reply + 1] = value end
end
return reply
`,
)
