"""Fails when ../shared/eval/run.py's per-folder means fall below their floors.

usage: eval_floors.py RUN_PY_OUTPUT

run.py prints `mean overall X over N articles in FOLDER/` for each folder. The seed (gold/) and the
development articles (dev/) were written with tupu and must stay perfect; real/ holds real reporting
tupu was not written against, and its floor is the last measured mean less a small margin, so a
change that loses ground on real text fails CI instead of passing unnoticed.
"""

import re
import sys

FLOORS = {"gold/": 1.0, "dev/": 1.0, "real/": 0.75}

seen = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"mean overall (\d\.\d+) over +(\d+) articles in (\S+)", line.strip())
    if m:
        seen[m.group(3)] = float(m.group(1))
failed = False
for folder, floor in FLOORS.items():
    if folder not in seen:
        print(f"{folder}: no score printed")
        failed = True
    elif seen[folder] + 1e-9 < floor:
        print(f"{folder}: mean {seen[folder]:.3f} is below its floor {floor:.3f}")
        failed = True
    else:
        print(f"{folder}: mean {seen[folder]:.3f} (floor {floor:.3f})")
sys.exit(1 if failed else 0)
