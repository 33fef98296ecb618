"""Checks that generated DAG files run nothing at import but imports and DAG construction.

Usage: python check_dag_structure.py FILE...   -> prints one JSON object {file: [problems]} (empty lists = ok)

Rules, checked on the AST (the file is never executed):
- the module holds only imports, function definitions and, last, one call of the @dag function;
- code that runs at import (decorators, default values, the @dag function body, task group bodies it
  defines) calls only imported names (and attributes of them), TaskFlow functions of the file through
  .override(...)(...), task groups through .expand_kwargs(...), and task group functions it defines;
- it never calls a plain function of the file (helpers run only inside tasks), nor eval/exec/open/__import__;
- default values of every function are constants.
"""

import ast
import json
import sys

FORBIDDEN = {"eval", "exec", "open", "__import__", "compile", "getattr", "setattr", "globals", "locals", "input"}


def root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    if isinstance(node, ast.Call):
        return root_name(node.func)
    return node.id if isinstance(node, ast.Name) else None


def check(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), filename=path)
    imported, taskflow, plain, groups = set(), set(), set(), set()
    body = tree.body
    for node in body:
        if isinstance(node, ast.Import):
            imported.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.update(a.asname or a.name for a in node.names)
    dag_function = None
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.FunctionDef):
            names = {root_name(d) for d in node.decorator_list}
            if "dag" in names:
                dag_function = node
            elif node.decorator_list:
                taskflow.add(node.name)
            else:
                plain.add(node.name)
            continue
        if node is body[-1] and isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Name) and dag_function is not None \
                and node.value.func.id == dag_function.name and not node.value.args:
            continue
        problems.append(f"line {node.lineno}: top-level {type(node).__name__} is not an import or a definition")
    if dag_function is None:
        problems.append("no @dag function")
        return problems

    def defaults_are_constants(fn):
        for d in fn.args.defaults + [d for d in fn.args.kw_defaults if d is not None]:
            if not isinstance(d, ast.Constant):
                problems.append(f"line {fn.lineno}: default value of {fn.name} is not a constant")

    def executed(node, local_groups):
        """Checks code that runs at import."""
        for sub in ast.walk(node):
            if isinstance(sub, ast.Lambda):
                problems.append(f"line {sub.lineno}: lambda in DAG construction")
            if not isinstance(sub, ast.Call):
                continue
            func = sub.func
            name = root_name(func)
            if name in FORBIDDEN:
                problems.append(f"line {sub.lineno}: calls {name}")
            elif name in plain:
                problems.append(f"line {sub.lineno}: calls the plain function {name} while building the DAG")
            elif name in taskflow:
                # allowed forms: f.override(...)(...), f.override(...)(...) chains; f.branch never called
                ok = isinstance(func, ast.Attribute) and func.attr == "override" \
                    or isinstance(func, ast.Call) and isinstance(func.func, ast.Attribute) \
                    and func.func.attr == "override"
                if not ok:
                    problems.append(f"line {sub.lineno}: TaskFlow function {name} called without .override")
            elif name in local_groups:
                ok = isinstance(func, ast.Attribute) and func.attr == "expand_kwargs"
                if not ok:
                    problems.append(f"line {sub.lineno}: task group {name} called without expand_kwargs")
            elif name not in imported and name not in {"float"}:
                problems.append(f"line {sub.lineno}: calls {name}, which is not imported")

    for node in body:
        if isinstance(node, ast.FunctionDef):
            defaults_are_constants(node)
            for d in node.decorator_list:
                executed(d, set())
    # the @dag body runs when the DAG is built
    local_groups = set()
    for stmt in dag_function.body:
        if isinstance(stmt, ast.FunctionDef):
            names = {root_name(d) for d in stmt.decorator_list}
            if "task_group" not in names:
                problems.append(f"line {stmt.lineno}: nested function {stmt.name} is not a task group")
            defaults_are_constants(stmt)
            for d in stmt.decorator_list:
                executed(d, local_groups)
            for inner in stmt.body:
                if isinstance(inner, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
                    problems.append(f"line {inner.lineno}: {type(inner).__name__} inside a task group")
                executed(inner, local_groups)
            local_groups.add(stmt.name)
        elif isinstance(stmt, (ast.Assign, ast.Expr, ast.Pass)):
            executed(stmt, local_groups)
        else:
            problems.append(f"line {stmt.lineno}: {type(stmt).__name__} in the DAG function")
    return problems


def main():
    result = {}
    for path in sys.argv[1:]:
        try:
            result[path] = check(path)
        except SyntaxError as e:
            result[path] = [f"syntax error: {e}"]
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
