#!/usr/bin/env python3
"""Counts the Chinese string and character literals in the extractor's library code.

Library code is every `src/**/*.rs` file of the crate, without test modules: a file declared
`#[cfg(test)] mod x;` and every item under `#[cfg(test)]` (usually `mod tests { … }`) are left
out, and so are comments (doc comments included). A literal counts when it holds a CJK ideograph
or CJK punctuation (U+3000–U+303F, U+FF00–U+FFEF: 「」，。 …), each literal once; the two
classes are counted apart (words are what belongs in data files; punctuation is syntax).

Usage: tools/chinese_literals.py [--by-file] [--list]   (from anywhere)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def chinese(s):
    return any(
        0x3400 <= ord(c) <= 0x9FFF or 0x20000 <= ord(c) <= 0x2A6DF or 0x3000 <= ord(c) <= 0x303F
        or 0xFF00 <= ord(c) <= 0xFFEF or c in "“”‘’—…·"
        for c in s
    )


def ideographic(s):
    return any(0x3400 <= ord(c) <= 0x9FFF or 0x20000 <= ord(c) <= 0x2A6DF for c in s)


def tokens(src):
    """Yields (kind, text, start, end) for comments, strings, chars and single characters."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            yield ("comment", src[i:j], i, j)
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            yield ("comment", src[i:j], i, j)
            i = j
        elif re.match(r'(?:b|c)?r#*"', src[i:i + 40]) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'(?:b|c)?r(#*)"', src[i:])
            close = '"' + m.group(1)
            j = src.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
            yield ("string", src[i:j], i, j)
            i = j
        elif c == '"' or (c in "bc" and src.startswith('"', i + 1) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_"))):
            j = src.index('"', i) + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            yield ("string", src[i:j + 1], i, j + 1)
            i = j + 1
        elif c == "'":
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'])'", src[i:])
            if m:
                yield ("char", m.group(0), i, i + m.end())
                i += m.end()
            else:  # a lifetime
                yield ("other", c, i, i + 1)
                i += 1
        else:
            yield ("other", c, i, i + 1)
            i += 1


def test_regions(src):
    """Byte ranges of items under #[cfg(test)] (the attribute up to the end of the item)."""
    out = []
    toks = [t for t in tokens(src) if t[0] != "comment"]
    text_at = {t[2]: t for t in toks}
    for m in re.finditer(r"#\[cfg\(test\)\]", src):
        if any(a <= m.start() < b for a, b in out) or in_comment_or_string(src, m.start()):
            continue
        # The item ends at the `;` before any `{`, or at the `}` closing the first `{`.
        depth, end = 0, None
        for kind, text, s, e in toks:
            if s < m.end():
                continue
            if kind != "other":
                continue
            if text == ";" and depth == 0:
                end = e
                break
            if text == "{":
                depth += 1
            elif text == "}":
                depth -= 1
                if depth == 0:
                    end = e
                    break
        out.append((m.start(), end or len(src)))
    return out


def in_comment_or_string(src, pos):
    return any(s <= pos < e for k, _, s, e in tokens(src) if k in ("comment", "string", "char"))


def test_files(root):
    """Files declared as `#[cfg(test)] mod x;`."""
    skip = set()
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            src = open(path, encoding="utf-8").read()
            for m in re.finditer(r"#\[cfg\(test\)\]\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+(\w+)\s*;", src):
                here = dirpath if f in ("mod.rs", "lib.rs") else os.path.join(dirpath, f[:-3])
                for cand in (os.path.join(here, m.group(1) + ".rs"), os.path.join(here, m.group(1), "mod.rs")):
                    skip.add(os.path.normpath(cand))
    return skip


def count(root=ROOT):
    skip = test_files(root)
    result = {}
    for dirpath, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            path = os.path.normpath(os.path.join(dirpath, f))
            if not f.endswith(".rs") or path in skip:
                continue
            src = open(path, encoding="utf-8").read()
            regions = test_regions(src)
            lits = [
                text for kind, text, s, _ in tokens(src)
                if kind in ("string", "char") and chinese(text) and not any(a <= s < b for a, b in regions)
            ]
            result[os.path.relpath(path, root)] = lits
    return result


if __name__ == "__main__":
    result = count()
    total = sum(len(v) for v in result.values())
    if "--by-file" in sys.argv or "--list" in sys.argv:
        for path, lits in sorted(result.items(), key=lambda kv: -len(kv[1])):
            if lits:
                print(f"{len(lits):5}  {path}")
                if "--list" in sys.argv:
                    print("       " + " ".join(lits))
    words = sum(1 for v in result.values() for lit in v if ideographic(lit))
    print(f"{total} Chinese string and character literals in library code outside test modules")
    print(f"  {words} with an ideograph, {total - words} of CJK punctuation only")
