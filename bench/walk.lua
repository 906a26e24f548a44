-- wrk script for bench/http_bench.py: each request takes the next path from a file (one
-- path a line), starting at an offset, so a run over a list of distinct URLs sends each
-- about once, and prints one JSON line at the end. It defines no response() function: with
-- one, wrk hands every body to Lua, a cost that grows with the page and that the server's
-- cores pay too (bench/http_bench.py counts statuses from gunicorn's access log instead).
--   wrk -c8 -t1 -d3s -s bench/walk.lua http://127.0.0.1:8000 -- paths.txt OFFSET

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  position = tonumber(args[2] or "0") or 0
  sent = 0
end

function request()
  local path = paths[(position % #paths) + 1]
  position = position + 1
  sent = sent + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local sent_total = 0
  for _, thread in ipairs(threads) do
    sent_total = sent_total + thread:get("sent")
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "sent": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, sent_total,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
