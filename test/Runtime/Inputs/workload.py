# A Python workload heavy in small allocations, dicts, big strings and
# threads; prints a digest that must not depend on the allocator.
import hashlib
import json
import threading

def build(n):
    d = {}
    for i in range(n):
        d["k%d" % i] = [i, str(i) * (i % 7), {"x": i * 0.5}]
    return d

results = []
def work(seed):
    d = build(20000 + seed)
    s = json.dumps(d, sort_keys=True)
    results.append(hashlib.sha256(s.encode()).hexdigest())

threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
big = "".join(str(i) for i in range(200000))
print(sorted(results))
print(len(big), hashlib.sha256(big.encode()).hexdigest())
