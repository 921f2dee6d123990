#!/usr/bin/env python3
"""Finds circles in the module graph of src/: between top-level modules, between
sibling modules (files or folders under one parent) and between files.

An edge A -> B is a `crate::`/`super::`/`self::` path in A (outside comments and
`#[cfg(test)]` code) naming module B. Prints each kind of circle; exits 1 if any.
`--edges PREFIX` lists the edges inside one module, e.g. `--edges render`.
"""
import collections, os, re, sys

ROOT = "src"


def module_of(path):
    parts = os.path.relpath(path, ROOT)[:-3].split("/")
    return tuple(parts[:-1] if parts[-1] in ("mod", "lib", "main") else parts)


def read_edges():
    files = [os.path.join(d, f) for d, _, fs in os.walk(ROOT) for f in fs if f.endswith(".rs")]
    mods = {module_of(f): f for f in files}
    edges = {}
    for m, f in mods.items():
        text = open(f, encoding="utf-8").read().split("#[cfg(test)]")[0]
        text = re.sub(r"//.*", "", text)
        is_dir_module = os.path.basename(f) in ("mod.rs", "lib.rs", "main.rs")
        refs = set()
        for hit in re.finditer(r"\b(crate|super|self)((?:::[a-z_][a-z0-9_]*)+)", text):
            kind, path = hit.group(1), hit.group(2).split("::")[1:]
            if kind == "crate":
                base = []
            elif kind == "super":
                base = list(m[:-1])
            else:
                base = list(m) if is_dir_module else list(m[:-1])
            full = base + path
            for k in range(len(full), 0, -1):
                if tuple(full[:k]) in mods:
                    if tuple(full[:k]) != m:
                        refs.add(tuple(full[:k]))
                    break
        edges[m] = refs
    return edges


def circles(graph):
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def grouped(edges, key):
    graph = collections.defaultdict(set)
    for a, bs in edges.items():
        for b in bs:
            ka, kb = key(a), key(b)
            if ka is not None and kb is not None and ka != kb:
                graph[ka].add(kb)
    return graph


def main():
    sys.setrecursionlimit(10000)
    edges = read_edges()
    if "--edges" in sys.argv:
        prefix = tuple(sys.argv[sys.argv.index("--edges") + 1].split("::"))
        for a in sorted(edges):
            if a[: len(prefix)] == prefix:
                print("::".join(a), "->", ", ".join(sorted("::".join(b) for b in edges[a])))
        return 0
    name = lambda c: " <-> ".join("::".join(m) or "crate" for m in c)
    bad = 0
    for label, key in [("top-level modules", lambda m: m[:1] or None), ("files", lambda m: m)]:
        found = circles(grouped(edges, key))
        bad += len(found)
        print(f"circles between {label}: {', '.join(map(name, found)) or 'none'}")
    parents = {m[:-1] for m in edges if m}
    sib = []
    for p in sorted(parents):
        key = lambda m, p=p: m[: len(p) + 1] if len(m) > len(p) and m[: len(p)] == p else None
        sib += circles(grouped(edges, key))
    bad += len(sib)
    print(f"circles between sibling modules: {', '.join(map(name, sib)) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
