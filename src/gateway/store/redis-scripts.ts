/**
 * The Lua scripts that make each step of the Redis store one atomic step on the server, whatever the number of
 * gateway processes: Redis runs a script with nothing in between. Every time is the gateway's (`now`, passed in),
 * never the server's, so that `--clock` holds; TTLs only collect keys whose window or lock has ended.
 */
import { createHash } from 'node:crypto';

export interface Script {
  lua: string;
  sha: string;
}

const script = (lua: string): Script => ({ lua, sha: createHash('sha1').update(lua).digest('hex') });

/**
 * take (memory-store.ts, throttle/windows.ts), for a batch of requests in the order they came: the requests of
 * one turn of the gateway's event loop go to Redis in one script call (one write, one round trip), each taken
 * as if alone. ARGV[1]: how many requests. Then per request: n (its counters), hard (how many of them are hard,
 * first), the n limits, the n TTLs in ms; its n keys follow the previous request's in KEYS. If any hard counter is
 * exhausted, nothing is taken: {0, index (0-based), counts...}. Otherwise every hard counter and every soft one
 * with room takes one (a soft counter at its limit stays there): {1, 0, counts after...}. The replies follow one
 * another in one list.
 */
export const TAKE = script(`
local out = {}
local k = 0
local a = 2
for _ = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a])
  local hard = tonumber(ARGV[a + 1])
  local limit = a + 1
  local ttl = a + 1 + n
  local at = #out
  local used = redis.call('MGET', unpack(KEYS, k + 1, k + n))
  out[at + 1] = 1
  out[at + 2] = 0
  for i = 1, n do out[at + 2 + i] = tonumber(used[i]) or 0 end
  for i = 1, hard do
    if out[at + 2 + i] >= tonumber(ARGV[limit + i]) then
      out[at + 1] = 0
      out[at + 2] = i - 1
      break
    end
  end
  if out[at + 1] == 1 then
    for i = 1, n do
      if i <= hard or out[at + 2 + i] < tonumber(ARGV[limit + i]) then
        local c = redis.call('INCR', KEYS[k + i])
        if c == 1 then redis.call('PEXPIRE', KEYS[k + i], ARGV[ttl + i]) end
        out[at + 2 + i] = c
      end
    end
  end
  k = k + n
  a = a + 2 + 2 * n
end
return out
`);

/**
 * failed (auth/lockout.ts, the same rules): KEYS[1] is the AK's hash {f: failures, l: last failure, u: locked
 * until}. ARGV: now, LOCK_MS, LOCK_AFTER, TTL ms. A count whose last failure is LOCK_MS old, or whose lock has
 * ended, starts again; the LOCK_AFTER-th failure locks the AK for LOCK_MS. Returns the count.
 */
export const FAILED = script(`
local now = tonumber(ARGV[1])
local lockMs = tonumber(ARGV[2])
local v = redis.call('HMGET', KEYS[1], 'f', 'l', 'u')
local f = tonumber(v[1]) or 0
local l = tonumber(v[2]) or 0
local u = tonumber(v[3]) or 0
local expired
if f == 0 then
  expired = true
elseif u ~= 0 then
  expired = now >= u
else
  expired = now - l >= lockMs
end
if expired then
  f = 0
  u = 0
end
f = f + 1
if f >= tonumber(ARGV[3]) then u = now + lockMs end
redis.call('HSET', KEYS[1], 'f', f, 'l', now, 'u', u)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return f
`);
