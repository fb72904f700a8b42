import { luaLibrary } from './lua-library.js'
import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `settle`: replaces a reservation by what the call actually used, once. The counters come from
 * the reservation record written by `reserve`; the script touches only keys it declares (KEYS),
 * as Redis Cluster requires: during a slot migration, the cluster checks declared keys before the
 * script runs (answering `TRYAGAIN` or `ASK`), never halfway through it.
 *
 * KEYS[1]   the reservation record (deleted here: a second settle finds nothing; a cancel replaces
 *           it by a tombstone, a one-element list, so that a late `reserve` of the id is refused).
 * KEYS[2..] the keys of the reservation's counters, exactly as `reserve` declared them after its
 *           KEYS[1]. When they are not the record's (a caller that does not know them), nothing
 *           changes and the reply names them.
 * ARGV[1]   now in epoch ms, or '' for the server's TIME.
 * ARGV[2]   reservation id.
 * ARGV[3]   actual tokens (decimal integer).
 * ARGV[4]   actual cost in nano-USD (decimal integer).
 * ARGV[5]   optional 'cancel': the reserve failed on the caller's side (a timeout, a lost
 *           connection); release what it may have reserved (ARGV[3] and ARGV[4] are '0') and
 *           leave a tombstone for ARGV[6] ms.
 *
 * Record: id, reserved_at, lease, then eight tokens per counter:
 *   'w' key '' measure amount window_ms bucket_ms ''
 *   'c' key '' member '' '' '' ''
 *   'b' key leases period amount soft_limit member ''
 *   'k' key state amount limit cooldown_ms window_ms bucket_ms
 *
 * Reply: {0} for an unknown or settled reservation; {'keys', key…} (strings) when KEYS[2..] are
 *   not the record's counter keys (nothing changed: send them and settle again); otherwise
 *   {1, opened_index (-1: none), opened_velocity, opened_until, then four per counter: kind code
 *   (1 window, 2 concurrency, 3 budget, 4 breaker) and w → used, 0, 0; c → in_flight, 0, 0;
 *   b → spent, reserved, soft_crossed; k → velocity, closed, 0}.
 */
export const settleScript: RedisScript = redisScript(
  'settle',
  `${luaLibrary}
local record = redis.call('LRANGE', KEYS[1], 0, -1)
if #record > 1 then
  local counter_keys = {}
  for base = 4, #record, 8 do
    counter_keys[#counter_keys + 1] = record[base + 1]
    if record[base] == 'b' or record[base] == 'k' then counter_keys[#counter_keys + 1] = record[base + 2] end
  end
  local declared = #KEYS == #counter_keys + 1
  for index, key in ipairs(counter_keys) do
    if KEYS[index + 1] ~= key then declared = false end
  end
  if not declared then return { 'keys', unpack(counter_keys) } end
end
if ARGV[5] == 'cancel' then
  redis.call('DEL', KEYS[1])
  redis.call('RPUSH', KEYS[1], 'cancelled')
  redis.call('PEXPIRE', KEYS[1], ARGV[6])
elseif #record > 1 then
  redis.call('DEL', KEYS[1])
end
if #record <= 1 then return { 0 } end
local now = clock(ARGV[1])
local id = ARGV[2]
local tokens, cost = ARGV[3], ARGV[4]
local at, lease = tonumber(record[2]), tonumber(record[3])

local reply = { 1, -1, 0, 0 }
local index = 0
for base = 4, #record, 8 do
  local kind, key, key2 = record[base], record[base + 1], record[base + 2]
  local a, b, c, d, e = record[base + 3], record[base + 4], record[base + 5], record[base + 6], record[base + 7]
  if kind == 'w' then
    local window_ms, bucket_ms = tonumber(c), tonumber(d)
    if a ~= 'requests' then
      window_refund(key, at, b, bucket_ms, window_ms)
      local actual = cost
      if a == 'tokens' then actual = tokens end
      window_add(key, math.floor(now / bucket_ms), actual, window_ms, bucket_ms)
    end
    local used = window_sum(key, now, window_ms, bucket_ms)
    for _, value in ipairs({ 1, used, 0, 0 }) do reply[#reply + 1] = value end
  elseif kind == 'c' then
    redis.call('ZREM', key, a)
    for _, value in ipairs({ 2, in_flight(key, now), 0, 0 }) do reply[#reply + 1] = value end
  elseif kind == 'b' then
    local state = budget_load(key, key2, a, now)
    -- A lease set lost to eviction or deletion still releases this reservation, once (the record
    -- is gone after this settle), if its lease had not ended (then budget_load refunded it) and it
    -- was made in this period (a new period starts at 0).
    if b ~= '0' and (redis.call('ZREM', key2, d) == 1 or (now < at + lease and state.start <= at and state.reserved >= tonumber(b))) then
      state.reserved = redis.call('HINCRBY', key, 'reserved', '-' .. b)
    end
    if cost ~= '0' then state.spent = redis.call('HINCRBY', key, 'spent', cost) end
    budget_expire(key, key2, state.finish, now)
    local crossed = cross_soft(key, state, tonumber(c))
    for _, value in ipairs({ 3, state.spent, state.reserved, crossed }) do reply[#reply + 1] = value end
  elseif kind == 'k' then
    local limit, cooldown = tonumber(b), tonumber(c)
    local window_ms, bucket_ms = tonumber(d), tonumber(e)
    window_refund(key, at, a, bucket_ms, window_ms)
    window_add(key, math.floor(now / bucket_ms), cost, window_ms, bucket_ms)
    local velocity = window_sum(key, now, window_ms, bucket_ms)
    local breaker = breaker_load(key2)
    local probe = breaker.state == 'half' and breaker.probe == id
    local closed = 0
    if (probe or breaker.state == 'closed') and velocity > limit then
      local open_until = breaker_open(key2, now, cooldown, lease, window_ms)
      if reply[2] == -1 then
        reply[2], reply[3], reply[4] = index, velocity, open_until
      end
    elseif probe then
      redis.call('DEL', key2)
      closed = 1
    end
    for _, value in ipairs({ 4, velocity, closed, 0 }) do reply[#reply + 1] = value end
  end
  index = index + 1
end
return reply
`,
)
