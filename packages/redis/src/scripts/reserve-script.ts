import { luaLibrary } from './lua-library.js'
import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `reserve`: checks every counter of a call, then reserves all of them, or none.
 *
 * KEYS[1]   the reservation record (a list, TTL lease + 1 h); it must not exist yet.
 * KEYS[2..] per counter, in request order: window → its bucket hash; concurrency → its lease
 *           sorted set; budget → its hash, then its lease sorted set; breaker → its bucket hash,
 *           then its state hash.
 * ARGV[1]   now in epoch ms, or '' for the server's TIME.
 * ARGV[2]   reservation id.
 * ARGV[3]   lease in ms: how long a reservation holds its slot, money and probe without settling.
 * ARGV[4..] six per counter: kind then five parameters ('' when unused):
 *           'w' measure amount limit window_ms bucket_ms
 *           'c' limit
 *           'b' period amount hard_limit soft_limit
 *           'k' amount limit cooldown_ms window_ms bucket_ms
 *
 * Reply when denied: {0, index (0-based), used, retry_after_ms (-1: none),
 *   opened_index (-1: none), opened_velocity, opened_until}.
 * Reply when allowed: {1, then per counter: w → used; c → in_flight;
 *   b → spent, reserved, period_start, period_end, soft_crossed, over_soft; k → velocity, probe}.
 */
export const reserveScript: RedisScript = redisScript(
  'reserve',
  `${luaLibrary}
local now = clock(ARGV[1])
local id = ARGV[2]
local lease = tonumber(ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('ERR finops-ai: reservation ' .. id .. ' already exists')
end

local counters = {}
local key_index = 2
for arg = 4, #ARGV, 6 do
  local counter = { kind = ARGV[arg], a = ARGV[arg + 1], b = ARGV[arg + 2], c = ARGV[arg + 3], d = ARGV[arg + 4], e = ARGV[arg + 5] }
  counter.key = KEYS[key_index]
  key_index = key_index + 1
  if counter.kind == 'b' or counter.kind == 'k' then
    counter.key2 = KEYS[key_index]
    key_index = key_index + 1
  end
  counters[#counters + 1] = counter
end

-- Check every counter before changing any: all or nothing.
for index, counter in ipairs(counters) do
  local denied = index - 1
  if counter.kind == 'w' then
    local amount, limit = tonumber(counter.b), tonumber(counter.c)
    local window_ms, bucket_ms = tonumber(counter.d), tonumber(counter.e)
    local used, counted = window_sum(counter.key, now, window_ms, bucket_ms)
    counter.used = used
    if used + amount > limit then
      local retry = -1
      if amount <= limit then
        table.sort(counted, function(x, y) return x[1] < y[1] end)
        local left = used
        for _, entry in ipairs(counted) do
          left = left - entry[2]
          if left + amount <= limit then
            retry = (entry[1] + window_ms / bucket_ms + 1) * bucket_ms - now
            break
          end
        end
      end
      return { 0, denied, used, retry, -1, 0, 0 }
    end
  elseif counter.kind == 'c' then
    local count = in_flight(counter.key, now)
    counter.used = count
    if count + 1 > tonumber(counter.a) then return { 0, denied, count, -1, -1, 0, 0 } end
  elseif counter.kind == 'b' then
    local state = budget_load(counter.key, counter.key2, counter.a, now)
    counter.state = state
    local used = state.spent + state.reserved
    local hard = tonumber(counter.c)
    if hard ~= nil and used + tonumber(counter.b) > hard then
      local retry = -1
      if counter.a ~= 'total' then retry = state.finish - now end
      return { 0, denied, used, retry, -1, 0, 0 }
    end
  elseif counter.kind == 'k' then
    local amount, limit = tonumber(counter.a), tonumber(counter.b)
    local velocity = window_sum(counter.key, now, tonumber(counter.d), tonumber(counter.e))
    local breaker = breaker_load(counter.key2)
    counter.used = velocity
    counter.probe = 0
    if breaker.state == 'open' and now < breaker.open_until then
      return { 0, denied, velocity, breaker.open_until - now, -1, 0, 0 }
    end
    if breaker.state == 'half' and now < breaker.probe_until then
      return { 0, denied, velocity, -1, -1, 0, 0 }
    end
    if breaker.state ~= 'closed' then
      counter.probe = 1
    elseif velocity + amount > limit then
      local cooldown = tonumber(counter.c)
      local open_until = breaker_open(counter.key2, now, cooldown, lease, tonumber(counter.d))
      return { 0, denied, velocity, cooldown, denied, velocity + amount, open_until }
    end
  end
end

local reply = { 1 }
local record = { id, int(now), int(lease) }
for index, counter in ipairs(counters) do
  if counter.kind == 'w' then
    local window_ms, bucket_ms = tonumber(counter.d), tonumber(counter.e)
    window_add(counter.key, math.floor(now / bucket_ms), counter.b, window_ms, bucket_ms)
    reply[#reply + 1] = counter.used + tonumber(counter.b)
    for _, token in ipairs({ 'w', counter.key, '', counter.a, counter.b, counter.d, counter.e, '' }) do record[#record + 1] = token end
  elseif counter.kind == 'c' then
    local member = index .. ':' .. id
    redis.call('ZADD', counter.key, int(now + lease), member)
    redis.call('PEXPIRE', counter.key, int(lease + WINDOW_MARGIN))
    reply[#reply + 1] = counter.used + 1
    for _, token in ipairs({ 'c', counter.key, '', member, '', '', '', '' }) do record[#record + 1] = token end
  elseif counter.kind == 'b' then
    local state = counter.state
    local member = counter.b .. ':' .. index .. ':' .. id
    if counter.b ~= '0' then
      state.reserved = redis.call('HINCRBY', counter.key, 'reserved', counter.b)
      redis.call('ZADD', counter.key2, int(now + lease), member)
    end
    budget_expire(counter.key, counter.key2, state.finish, now)
    local soft = tonumber(counter.d)
    local crossed = cross_soft(counter.key, state, soft)
    local over = 0
    if soft ~= nil and state.spent + state.reserved >= soft then over = 1 end
    for _, value in ipairs({ state.spent, state.reserved, state.start, state.finish, crossed, over }) do reply[#reply + 1] = value end
    for _, token in ipairs({ 'b', counter.key, counter.key2, counter.a, counter.b, counter.d, member, '' }) do record[#record + 1] = token end
  elseif counter.kind == 'k' then
    local window_ms, bucket_ms = tonumber(counter.d), tonumber(counter.e)
    window_add(counter.key, math.floor(now / bucket_ms), counter.a, window_ms, bucket_ms)
    if counter.probe == 1 then
      redis.call('HSET', counter.key2, 'state', 'half', 'probe', id, 'probe_until', int(now + lease))
      redis.call('PEXPIRE', counter.key2, int(tonumber(counter.c) + lease + window_ms + WINDOW_MARGIN))
    end
    reply[#reply + 1] = counter.used + tonumber(counter.a)
    reply[#reply + 1] = counter.probe
    for _, token in ipairs({ 'k', counter.key, counter.key2, counter.a, counter.b, counter.c, counter.d, counter.e }) do record[#record + 1] = token end
  end
end
redis.call('RPUSH', KEYS[1], unpack(record))
redis.call('PEXPIRE', KEYS[1], int(lease + KEY_MARGIN))
return reply
`,
)
