import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `recordOutputs`: appends output-token counts to a learned key's window and returns its most
 * recent counts (what `estimate.reserve: 'learned'` shares between processes).
 *
 * KEYS[1]   the window: a list of decimal counts, oldest first.
 * ARGV[1]   how many counts the window keeps (a positive integer): older ones are trimmed.
 * ARGV[2]   how long the window lives after its last write, in ms (`PEXPIRE`, renewed per write).
 * ARGV[3..] the new counts, oldest first; none to only read the window (which then stays as it is).
 *
 * Reply: the window's counts, oldest first (at most ARGV[1]; empty for an unknown key).
 */
export const recordOutputsScript: RedisScript = redisScript(
  'recordOutputs',
  `
local window = tonumber(ARGV[1])
if #ARGV > 2 then
  -- In chunks: Lua's unpack has a stack limit of a few thousand values.
  for first = 3, #ARGV, 1000 do
    redis.call('RPUSH', KEYS[1], unpack(ARGV, first, math.min(first + 999, #ARGV)))
  end
  redis.call('LTRIM', KEYS[1], -window, -1)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
local counts = redis.call('LRANGE', KEYS[1], -window, -1)
for index = 1, #counts do counts[index] = tonumber(counts[index]) end
return counts
`,
)
