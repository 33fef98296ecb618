"""The Python standard-library corpus used by StdlibCorpusTest and ParseSpeedProbe.

Usage:  python stdlib_corpus.py classify [ROOT]  -> JSON: every file and whether ast.parse accepts it
        python stdlib_corpus.py list [ROOT]      -> JSON: the same file set, without parsing
ROOT (developer use, e.g. a site-packages directory) replaces the stdlib directory; below an
explicit ROOT nothing is excluded except __pycache__.

The corpus is every *.py file below sysconfig's 'stdlib' path, excluding third-party
directories (site-packages, dist-packages) and files that are not valid UTF-8.
Files are parsed exactly as the Java side sees them: the UTF-8 decoded text, passed as a
str (so a leading BOM is a character, and coding cookies are ignored).

Classification uses ast.parse, i.e. CPython's tokenizer and parser only: errors that CPython
raises later, in the compiler or symbol table ('return' outside a function, 'nonlocal' at module
level, starred assignment targets such as '*a = 1', ...) do not make a file "rejected".
"""
import ast
import json
import os
import sys
import sysconfig
import warnings

EXCLUDED_DIRS = {"site-packages", "dist-packages", "__pycache__"}


def stdlib_root():
    return sysconfig.get_paths()["stdlib"]


def corpus(root, excluded=EXCLUDED_DIRS):
    """Returns [(relative path, text)] for every UTF-8 .py file, and the undecodable paths."""
    undecodable = []
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in excluded)
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            with open(path, "rb") as f:
                data = f.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                undecodable.append(rel)
                continue
            files.append((rel, text))
    return files, undecodable


def classify(text, name):
    """Returns None if ast.parse accepts the text, else (message, line, column)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(text, name)
            return None
        except SyntaxError as e:  # includes IndentationError and TabError
            return (f"{type(e).__name__}: {e.msg}", e.lineno or 0, e.offset or 0)
        except ValueError as e:  # "source code string cannot contain null bytes" (3.11)
            return (f"ValueError: {e}", 0, 0)


def main(argv):
    mode = argv[1] if len(argv) > 1 else "classify"
    if len(argv) > 2:
        root = os.path.abspath(argv[2])
        files, undecodable = corpus(root, {"__pycache__"})
    else:
        root = stdlib_root()
        files, undecodable = corpus(root)
    out = {
        "python": sys.version.split()[0],
        "stdlib": root,
        "undecodable": undecodable,
        "files": [],
    }
    for rel, text in files:
        entry = {"path": rel}
        if mode == "classify":
            err = classify(text, rel)
            entry["accepted"] = err is None
            if err is not None:
                entry["error"], entry["line"], entry["column"] = err
        out["files"].append(entry)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main(sys.argv)
