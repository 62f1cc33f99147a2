#!/usr/bin/env python3
"""Top frames of a JFR recording: `scripts/jfr-top.py rec.jfr [N] [package-filter]`.
Counts jdk.ExecutionSample stacks by their top frame and by the first frame in the filter package,
which is how docs/benchmarks.md's profiles were read."""
import collections, subprocess, sys
rec = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
flt = sys.argv[3] if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", rec],
                     capture_output=True, text=True).stdout
top, mine, total = collections.Counter(), collections.Counter(), 0
for event in out.split("jdk.ExecutionSample")[1:]:
    frames = [l.strip().split("(")[0] for l in event.splitlines() if " line: " in l]
    if not frames:
        continue
    total += 1
    top[frames[0]] += 1
    if flt:
        hit = next((f for f in frames if f.startswith(flt)), None)
        if hit:
            mine[hit] += 1
print(f"{total} samples")
print("-- top frames"); [print(f"{c*100/total:5.1f}%  {f}") for f, c in top.most_common(n)]
if flt:
    print(f"-- first frame in {flt}"); [print(f"{c*100/total:5.1f}%  {f}") for f, c in mine.most_common(n)]
