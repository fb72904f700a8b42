/**
 * Lua functions every script of the store starts with (each script is self-contained: Redis
 * runs one script per operation, atomically). Numbers are integers held in Lua doubles: times in
 * epoch ms and amounts (requests, tokens, nano-USD) stay below 2^53, so they are exact; money is
 * changed with `HINCRBY` on decimal strings, never summed into a Lua float beyond that bound.
 */
export const luaLibrary = `
local WINDOW_MARGIN = 60000
local KEY_MARGIN = 3600000
local HOUR = 3600000
local DAY = 86400000
local END_OF_TIME = 8640000000000000

local function int(value)
  return string.format('%.0f', value)
end

-- Epoch ms: the test clock in ARGV when given, the Redis server's TIME otherwise.
local function clock(arg)
  if arg ~= '' then return tonumber(arg) end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

-- Day number (days since 1970-01-01) of the first day of a proleptic Gregorian month.
local function days_from_civil(year, month)
  if month <= 2 then year = year - 1 end
  local era = math.floor(year / 400)
  local year_of_era = year - era * 400
  local day_of_year = math.floor((153 * ((month + 9) % 12) + 2) / 5)
  local day_of_era = year_of_era * 365 + math.floor(year_of_era / 4) - math.floor(year_of_era / 100) + day_of_year
  return era * 146097 + day_of_era - 719468
end

-- Year and month of a day number.
local function civil_month(days)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local day_of_era = z - era * 146097
  local year_of_era = math.floor((day_of_era - math.floor(day_of_era / 1460) + math.floor(day_of_era / 36524) - math.floor(day_of_era / 146096)) / 365)
  local day_of_year = day_of_era - (365 * year_of_era + math.floor(year_of_era / 4) - math.floor(year_of_era / 100))
  local shifted = math.floor((5 * day_of_year + 2) / 153)
  local month = shifted < 10 and shifted + 3 or shifted - 9
  local year = year_of_era + era * 400
  if month <= 2 then year = year + 1 end
  return year, month
end

-- Start (inclusive) and end (exclusive) of the UTC calendar period containing now.
local function period_bounds(period, now)
  if period == 'hourly' then
    local start = math.floor(now / HOUR) * HOUR
    return start, start + HOUR
  elseif period == 'daily' then
    local start = math.floor(now / DAY) * DAY
    return start, start + DAY
  elseif period == 'weekly' then
    local day = math.floor(now / DAY)
    local start = (day - (day + 3) % 7) * DAY
    return start, start + 7 * DAY
  elseif period == 'monthly' then
    local year, month = civil_month(math.floor(now / DAY))
    local next_year, next_month = year, month + 1
    if next_month == 13 then next_year, next_month = year + 1, 1 end
    return days_from_civil(year, month) * DAY, days_from_civil(next_year, next_month) * DAY
  end
  return 0, END_OF_TIME
end

-- Sum of the buckets of window hash key counted at now, and those buckets as {bucket, amount};
-- buckets that stopped counting are deleted.
local function window_sum(key, now, window_ms, bucket_ms)
  local oldest = math.floor(now / bucket_ms) - window_ms / bucket_ms
  local fields = redis.call('HGETALL', key)
  local sum, counted, stale = 0, {}, {}
  for i = 1, #fields, 2 do
    local bucket = tonumber(fields[i])
    if bucket < oldest then
      stale[#stale + 1] = fields[i]
    else
      local amount = tonumber(fields[i + 1])
      sum = sum + amount
      counted[#counted + 1] = { bucket, amount }
    end
  end
  if #stale > 0 then redis.call('HDEL', key, unpack(stale)) end
  return sum, counted
end

-- Adds amount (a decimal string, may start with '-') to one bucket and renews the key's TTL.
local function window_add(key, bucket, amount, window_ms, bucket_ms)
  if amount == '0' or amount == '-0' then return end
  local field = int(bucket)
  if redis.call('HINCRBY', key, field, amount) == 0 then redis.call('HDEL', key, field) end
  redis.call('PEXPIRE', key, int(window_ms + bucket_ms + WINDOW_MARGIN))
end

-- Removes amount from the bucket of time at when that bucket still holds amounts.
local function window_refund(key, at, amount, bucket_ms, window_ms)
  local bucket = math.floor(at / bucket_ms)
  if redis.call('HEXISTS', key, int(bucket)) == 1 then window_add(key, bucket, '-' .. amount, window_ms, bucket_ms) end
end

-- Calls in flight: members of the concurrency sorted set whose lease has not ended.
local function in_flight(key, now)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', int(now))
  return redis.call('ZCARD', key)
end

local function budget_expire(key, leases, finish, now)
  local ttl = int(finish - now + KEY_MARGIN)
  redis.call('PEXPIRE', key, ttl)
  redis.call('PEXPIRE', leases, ttl)
end

-- Budget state at now: a fresh period (its leases dropped) when the stored one ended or is
-- missing; otherwise the stored one, after refunding reservations whose lease ended.
local function budget_load(key, leases, period, now)
  local stored = redis.call('HMGET', key, 'start', 'end', 'spent', 'reserved', 'soft')
  local finish = tonumber(stored[2])
  if finish == nil or now >= finish then
    local start, stop = period_bounds(period, now)
    redis.call('DEL', leases)
    redis.call('HSET', key, 'start', int(start), 'end', int(stop), 'spent', '0', 'reserved', '0', 'soft', '0')
    budget_expire(key, leases, stop, now)
    return { start = start, finish = stop, spent = 0, reserved = 0, soft = false }
  end
  local reserved = tonumber(stored[4])
  local expired = redis.call('ZRANGEBYSCORE', leases, '-inf', int(now))
  for _, member in ipairs(expired) do
    reserved = redis.call('HINCRBY', key, 'reserved', '-' .. string.match(member, '^(%d+):'))
  end
  if #expired > 0 then redis.call('ZREMRANGEBYSCORE', leases, '-inf', int(now)) end
  return { start = tonumber(stored[1]), finish = finish, spent = tonumber(stored[3]), reserved = reserved, soft = stored[5] == '1' }
end

-- 1 for the one reservation or settlement per period that first reaches the soft limit.
local function cross_soft(key, state, soft)
  if soft == nil or state.soft or state.spent + state.reserved < soft then return 0 end
  state.soft = true
  redis.call('HSET', key, 'soft', '1')
  return 1
end

-- Breaker state hash (absent = closed): state 'open' | 'half', until, probe, probe_until.
local function breaker_load(key)
  local stored = redis.call('HMGET', key, 'state', 'until', 'probe', 'probe_until')
  return { state = stored[1] or 'closed', open_until = tonumber(stored[2]) or 0, probe = stored[3] or '', probe_until = tonumber(stored[4]) or 0 }
end

local function breaker_open(key, now, cooldown, lease, window_ms)
  local open_until = now + cooldown
  redis.call('HSET', key, 'state', 'open', 'until', int(open_until))
  redis.call('HDEL', key, 'probe', 'probe_until')
  redis.call('PEXPIRE', key, int(cooldown + lease + window_ms + WINDOW_MARGIN))
  return open_until
end
`
