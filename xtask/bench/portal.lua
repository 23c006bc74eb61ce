-- wrk script of `cargo xtask bench portal`: sends HTTP requests that xtask built beforehand.
--
--   wrk -t2 -c32 -d10s --latency -s portal.lua http://127.0.0.1:PORT -- REQUESTS cycle|once
--
-- wrk thread n reads the file REQUESTS.n: records of "<byte count>\n<raw HTTP/1.1 request>".
-- Signing is done by xtask, not here: each activation is a new machine's signed request and
-- each refresh carries a fresh nonce and a machine signature, which Lua cannot make fast.
--
-- cycle: the records are loaded once and sent over and over (/healthz, /api/v1/keys,
--        validate: the same request may be answered any number of times).
-- once:  the records are streamed and each is sent at most once (activations, refreshes).
--        Running out starts them over, which the portal answers differently (a re-activation,
--        a replayed nonce): done() reports the restarts, and xtask discards such a run and
--        makes it again with more requests.
--
-- Each request costs the client the same whatever the endpoint: one table lookup (cycle) or
-- two buffered reads (once), never a request built in Lua.

local threads = {}

function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

local file
local records = {}
local next_record = 0
local once

local function read_record()
   local count = file:read("*l")
   if count == nil then
      return nil
   end
   local record = file:read(tonumber(count))
   assert(record and #record == tonumber(count), "truncated record in the requests file")
   return record
end

function init(args)
   local path = args[1] .. "." .. index
   once = args[2] == "once"
   assert(once or args[2] == "cycle", "usage: -- REQUESTS cycle|once")
   file = assert(io.open(path, "rb"))
   wraps = 0
   if not once then
      for record in read_record do
         table.insert(records, record)
      end
      file:close()
      assert(#records > 0, path .. " holds no request")
   end
end

function request()
   if not once then
      next_record = next_record % #records + 1
      return records[next_record]
   end
   local record = read_record()
   if record == nil then
      wraps = wraps + 1
      file:seek("set", 0)
      record = assert(read_record(), "the requests file is empty")
   end
   return record
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("wraps")
   end
   io.write(string.format("tessera-bench: wraps %d\n", total))
end
