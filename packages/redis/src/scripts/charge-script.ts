import { luaLibrary } from './lua-library.js'
import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `charge`: adds spend billed after the fact to budgets, never denying, once per id.
 *
 * KEYS[1]   the charge marker of the id (`SET NX` with a TTL): when it exists, nothing changes.
 * KEYS[2..] per budget, in request order: its hash, then its lease sorted set.
 * ARGV[1]   now in epoch ms, or '' for the server's TIME.
 * ARGV[2]   how long the marker lives, in ms.
 * ARGV[3..] three per budget: period, amount (nano-USD, decimal integer), soft_limit ('' when none).
 *
 * Reply: {0} when the id was charged before; otherwise {1, then per budget: spent, reserved,
 *   soft_crossed}.
 */
export const chargeScript: RedisScript = redisScript(
  'charge',
  `${luaLibrary}
local now = clock(ARGV[1])
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then return { 0 } end
local reply = { 1 }
local key_index = 2
for arg = 3, #ARGV, 3 do
  local key, leases = KEYS[key_index], KEYS[key_index + 1]
  key_index = key_index + 2
  local state = budget_load(key, leases, ARGV[arg], now)
  if ARGV[arg + 1] ~= '0' then state.spent = redis.call('HINCRBY', key, 'spent', ARGV[arg + 1]) end
  budget_expire(key, leases, state.finish, now)
  local crossed = cross_soft(key, state, tonumber(ARGV[arg + 2]))
  for _, value in ipairs({ state.spent, state.reserved, crossed }) do reply[#reply + 1] = value end
end
return reply
`,
)
