#!/usr/bin/env python3
"""libnet's layers, read from the includes (README, Architecture).

check_layers.py ROOT checks the tree at ROOT:
- every source of libnet/src sits in a layer folder, and each layer folder
  declares its target in its CMakeLists.txt: rolo_layer(NAME USES lower...);
- the declared layers form no cycle, and network never uses messages;
- every include in a layer names a header of its own layer or of one it
  USES: a public header rolo/X.hpp belongs to the layer of X.cpp;
- apps/ includes no header of libnet/src, only libnet/include.
It prints each violation as file:line and exits 1 if there is one.

check_layers.py --self-test ROOT checks that the check fails: on copies of
the tree with a back-arrow, a flat file and an app including a private
header, each of which it must reject.
"""
import os
import re
import shutil
import sys
import tempfile

LAYER_RE = re.compile(r"^\s*rolo_layer\(\s*(\w+)(?:\s+USES\s+([\w\s]+))?\)", re.M)
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
SOURCE_EXTS = (".cpp", ".hpp", ".h", ".cc")
# Public headers with no X.cpp of their own name, and their layer.
HEADER_ONLY = {"error": "base"}


def sources(top):
    for folder, _, names in os.walk(top):
        for name in sorted(names):
            if name.endswith(SOURCE_EXTS):
                yield os.path.join(folder, name)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as text:
        for number, line in enumerate(text, 1):
            match = INCLUDE_RE.match(line)
            if match:
                yield number, match.group(1)


def check(root):
    problems = []
    src = os.path.join(root, "libnet", "src")
    public = os.path.join(root, "libnet", "include")

    uses = {}  # layer -> the layers it declares it uses
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if os.path.isfile(path):
            if name.endswith(SOURCE_EXTS):
                problems.append(f"libnet/src/{name}: not in a layer folder")
            continue
        cmake = os.path.join(path, "CMakeLists.txt")
        declared = LAYER_RE.findall(open(cmake).read()) if os.path.exists(cmake) else []
        if [d[0] for d in declared] != [name]:
            problems.append(f"libnet/src/{name}/CMakeLists.txt: does not declare rolo_layer({name} ...)")
            continue
        uses[name] = set(declared[0][1].split())
    for layer, lower in uses.items():
        for used in lower - uses.keys():
            problems.append(f"libnet/src/{layer}/CMakeLists.txt: uses {used}, which is no layer")

    # A cycle among the declared uses, by depth-first search.
    state = {}

    def visit(layer, trail):
        state[layer] = "open"
        for used in sorted(uses.get(layer, ())):
            if state.get(used) == "open":
                problems.append("layers form a cycle: " + " -> ".join(trail + [layer, used]))
            elif used not in state:
                visit(used, trail + [layer])
        state[layer] = "done"

    for layer in sorted(uses):
        if layer not in state:
            visit(layer, [])
    if "messages" in uses.get("network", ()):
        problems.append("libnet/src/network/CMakeLists.txt: network uses messages (an intro never drafts)")

    # Each file's layer: its folder; a public header rolo/X.hpp, that of X.cpp.
    layer_of_private = {}
    layer_of_stem = dict(HEADER_ONLY)
    for path in sources(src):
        layer = os.path.relpath(path, src).split(os.sep)[0]
        layer_of_private[os.path.basename(path)] = layer
        if path.endswith(".cpp"):
            layer_of_stem.setdefault(os.path.basename(path)[:-4], layer)

    def layer_of_include(name):
        if name.startswith("rolo/"):
            stem = os.path.basename(name).rsplit(".", 1)[0]
            if not os.path.exists(os.path.join(public, name)):
                return None
            return layer_of_stem.get(stem, "?")
        return layer_of_private.get(os.path.basename(name))

    for path in list(sources(src)) + list(sources(public)):
        rel = os.path.relpath(path, root)
        if path.startswith(public + os.sep):
            stem = os.path.basename(path).rsplit(".", 1)[0]
            layer = layer_of_stem.get(stem)
            if layer is None:
                problems.append(f"{rel}: no layer (no {stem}.cpp; name its layer in HEADER_ONLY of tests/check_layers.py)")
                continue
        else:
            layer = os.path.relpath(path, src).split(os.sep)[0]
        for number, name in includes(path):
            target = layer_of_include(name)
            if target is None or target == layer or target in uses.get(layer, ()):
                continue
            problems.append(f"{rel}:{number}: {layer} includes {name} of {target}, which {layer} does not use")

    apps = os.path.join(root, "apps")
    for path in sources(apps):
        for number, name in includes(path):
            if not name.startswith("rolo/") and os.path.basename(name) in layer_of_private:
                problems.append(f"{os.path.relpath(path, root)}:{number}: includes {name}, a private header of "
                                f"libnet/src/{layer_of_private[os.path.basename(name)]}")
    return problems


def self_test(root):
    """Each broken copy must fail the check, and the tree itself must pass."""
    def broken(change):
        with tempfile.TemporaryDirectory() as copy:
            for part in ("libnet", "apps"):
                shutil.copytree(os.path.join(root, part), os.path.join(copy, part))
            change(copy)
            return check(copy)

    def append(path, text):
        with open(path, "a") as f:
            f.write(text)

    def replace(path, old, new):
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace(old, new))

    src = lambda copy, *parts: os.path.join(copy, "libnet", "src", *parts)
    cases = {
        "a back-arrow (base includes a messages header)":
            lambda c: append(src(c, "base", "text.cpp"), '#include "rolo/draft.hpp"\n'),
        "a cycle (store declares it uses people)":
            lambda c: replace(src(c, "store", "CMakeLists.txt"), "rolo_layer(store USES base)",
                              "rolo_layer(store USES base people)"),
        "a flat file in libnet/src":
            lambda c: shutil.copy(src(c, "base", "text.cpp"), src(c, "flat.cpp")),
        "an app including a private header":
            lambda c: append(os.path.join(c, "apps", "rolo", "main.cpp"), '#include "sql.hpp"\n'),
    }
    failed = False
    if check(root):
        print("self-test: the tree itself fails the check")
        failed = True
    for what, change in cases.items():
        if not broken(change):
            print(f"self-test: the check passes {what}")
            failed = True
    return 1 if failed else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) != 2:
        print("usage: check_layers.py [--self-test] ROOT", file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
