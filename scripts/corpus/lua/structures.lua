-- Data structures for scripts/corpus/lua.sh: a binary search tree, a queue,
-- memoisation, varargs, string.pack and goto.
local function insert(node, k)
  if not node then return {k = k} end
  if k < node.k then node.l = insert(node.l, k) else node.r = insert(node.r, k) end
  return node
end
local function depth(node)
  if not node then return 0 end
  return 1 + math.max(depth(node.l), depth(node.r))
end
local function walk(node, acc)
  if node then walk(node.l, acc); acc[#acc + 1] = node.k; walk(node.r, acc) end
  return acc
end
local root
for i = 1, 3000 do root = insert(root, (i * 2654435761) % 4093) end
local keys = walk(root, {})
print("tree", #keys, depth(root), keys[1], keys[#keys], keys[1500])

local q = {first = 1, last = 0}
for i = 1, 10000 do q.last = q.last + 1; q[q.last] = i * i end
local drained = 0
while q.first <= q.last and q.first < 9990 do drained = drained + q[q.first] % 97; q[q.first] = nil; q.first = q.first + 1 end
print("queue", drained, q.first, q.last)

local memo = {}
local function ways(n)
  if n <= 1 then return 1 end
  if memo[n] then return memo[n] end
  local r = (ways(n - 1) + ways(n - 2) + ways(n - 3)) % 1000000007
  memo[n] = r
  return r
end
print("memo", ways(5000))

local function va(...) return select("#", ...), (select(2, ...)) end
print("varargs", va(1, nil, 3, nil))

local packed = string.pack("<i4 d s1 z", -123456, 3.25, "lua", "end")
print("pack", #packed, string.unpack("<i4 d s1 z", packed))

local i, n = 0, 0
::again::
i = i + 1
if i % 3 == 0 then n = n + i end
if i < 1000 then goto again end
print("goto", n)
