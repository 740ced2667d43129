-- A deterministic workload for scripts/corpus/lua.sh: strings, tables, sorting
-- with a comparator, closures, coroutines, metatables, patterns, integer and
-- float arithmetic, utf8 and the garbage collector.
math.randomseed(42)
local out = {}
local function say(...) out[#out + 1] = table.concat({...}, " ") end

-- tables and sorting
local t = {}
for i = 1, 20000 do t[i] = (i * 7919) % 10007 end
table.sort(t, function(a, b) return a > b end)
say("sort", t[1], t[100], t[#t])
local words = {}
for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do
  words[#words + 1] = w
end
table.sort(words)
say("words", table.concat(words, ","))

-- strings
local parts = {}
for i = 1, 5000 do parts[#parts + 1] = string.format("%05d:%x", i, i * 31) end
local s = table.concat(parts, ";")
say("concat", #s, s:sub(1, 30), s:sub(-20))
say("gsub", (s:gsub("%d%d%d", "#")):sub(1, 40))
say("find", s:find("04999"), s:match("(%d+):ff"))
say("rep", ("ab"):rep(7, "-"), ("x"):byte(), string.char(72, 105))

-- closures and upvalues
local function counter(start)
  local n = start
  return function(k) n = n + k; return n end
end
local c1, c2 = counter(10), counter(100)
for i = 1, 1000 do c1(i); c2(-i) end
say("closures", c1(0), c2(0))

-- coroutines
local gen = coroutine.wrap(function()
  local a, b = 0, 1
  for _ = 1, 80 do coroutine.yield(a); a, b = b, a + b end
end)
local fib = {}
for _ = 1, 80 do fib[#fib + 1] = gen() end
say("fib", fib[10], fib[50], fib[80])

-- metatables
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vec) end
Vec.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
local acc = setmetatable({x = 0, y = 0}, Vec)
for i = 1, 1000 do acc = acc + setmetatable({x = i, y = -i * 2}, Vec) end
say("vec", tostring(acc))

-- numbers
local sum, fsum = 0, 0.0
for i = 1, 100000 do sum = sum + i * i; fsum = fsum + 1 / i end
say("math", sum, string.format("%.12f", fsum), math.maxinteger // 3, 7 // -2, 7 % -3, 2^53)
say("random", math.random(1, 1000), math.random(1, 1000), string.format("%.6f", math.random()))

-- utf8
local u = utf8.char(72, 228, 8364, 128512)
say("utf8", #u, utf8.len(u), utf8.codepoint(u, 1, -1))

-- garbage: many short-lived tables and strings
local keep = {}
for i = 1, 200000 do
  local tmp = {i, tostring(i), {i}}
  if i % 1000 == 0 then keep[#keep + 1] = tmp[2] .. tmp[3][1] end
end
collectgarbage()
say("gc", #keep, keep[1], keep[#keep])

-- errors
local ok, err = pcall(function() error({code = 7}) end)
say("pcall", tostring(ok), err.code, select(2, pcall(error, "boom", 0)))

print(table.concat(out, "\n"))
