#!/usr/bin/env python3
"""people-recall.py TUPU [GOLD_DIR...]: people precision/recall per script, with missed and spurious person names.

Scores only the Person part of score.py's entity matching (a gold person is found when an extracted
Person carries one of its names). Default gold: real-01..08 and the corpus dev gold (dev material only).
"""
import glob, json, os, subprocess, sys, tempfile
from collections import defaultdict

sys.path.insert(0, '/work/shared/eval')
import score

tupu = sys.argv[1]
dirs = sys.argv[2:] or ['/work/eval/real-dev', '/work/gold-corpus/dev']
for d in dirs:
    if 'blind' in d:
        sys.exit('blind: ' + d)
tot = defaultdict(lambda: [0, 0, 0, 0])  # (set, script) -> found, required, correct, extracted
for d in dirs:
    setname = os.path.basename(d.rstrip('/'))
    for g in sorted(glob.glob(os.path.join(d, '*.json'))):
        gold = json.load(open(g))
        txt = os.path.join(d, gold['document'])
        if not os.path.exists(txt):
            txt = os.path.join(d, 'texts', gold['document'])
        out = tempfile.mktemp(suffix='.ttl')
        cmd = [tupu, 'extract', txt, '-o', out] + (['--published', gold['published']] if gold.get('published') else [])
        subprocess.run(cmd, check=True)
        s = score.Scorer(gold, score.load(out), open(txt).read())
        os.unlink(out)
        script = 'Hant' if 'Hant' in gold['document'] else 'Hans'
        people = [e for e in s.gold_entities.values() if e['types'][0] == 'Person' and not e.get('optional')]
        found = {k for keys in s.iri_keys.values() for k in keys}
        missed = [e['names'][0] for e in people if e['key'] not in found]
        ext = [(iri, info) for iri, info in s.entities.items() if 'Person' in info['types']]
        correct = [i for i, info in ext if s.iri_keys[i]]
        spur = [sorted(info['labels'])[0] for i, info in ext if not s.iri_keys[i]]
        t = tot[(setname, script)]
        t[0] += len(people) - len(missed); t[1] += len(people); t[2] += len(correct); t[3] += len(ext)
        if missed or spur:
            print(f"{gold['document'][:40]:40} miss {' '.join(missed)} | spur {' '.join(spur)}")
for (setname, script), (f, r, c, e) in sorted(tot.items()):
    print(f"{setname:10} {script}  people R {f}/{r} = {f / max(r, 1):.3f}  P {c}/{e} = {c / max(e, 1):.3f}")
