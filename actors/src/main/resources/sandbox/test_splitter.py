"""Child side of a "split" request: turns test text into a plan the JVM caches per test text.

Only ast.parse and ast.literal_eval run here: no test code is executed. Each `assert` made of single
comparisons, `and`, `not` and plain expressions becomes checks whose sides are
  {"literal": form}  - a literal, already in canonical form (stays with the JVM),
  {"setup": src}     - uses only builtins and standard modules: evaluated apart from the program,
  {"probe": src}     - needs the program: evaluated in the child, only its value comes back.
Every other statement (imports, set-up, asserts we cannot split) stays a statement run in the
child."""
import ast
import builtins

import canonical
import child_prelude

# Builtins whose value depends on the namespace or the process, or that do I/O: evaluating them
# apart from the program would change their meaning.
_NOT_SETUP = {"globals", "locals", "vars", "dir", "eval", "exec", "compile", "__import__", "input",
              "open", "breakpoint", "help", "exit", "quit", "print", "id", "hash", "memoryview",
              "super", "object", "iter", "next"}
SETUP_BUILTINS = {n for n in dir(builtins) if not n.startswith("_")} - _NOT_SETUP
SETUP_MODULES = {"math", "cmath", "string", "re", "collections", "itertools", "functools",
                 "operator", "heapq", "bisect", "fractions", "decimal", "statistics", "datetime",
                 "time", "calendar", "json", "typing", "copy", "sys", "array"}
_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
        ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}


def main(body, result_fd, nonce):
  child_prelude.report(result_fd, nonce, split(body.decode("utf-8", "replace")))


def split(text):
  try:
    tree = ast.parse(text, "<tests>")
  except SyntaxError as e:
    return _syntax_error(e.lineno or 0, e.msg, e.text)
  except (ValueError, RecursionError, MemoryError) as e:
    return _syntax_error(0, str(e), "")
  imported = _imported_names(tree)
  bound = _names_bound_by_statements(tree)
  entries, imports = [], []
  for stmt in tree.body:
    src = ast.get_source_segment(text, stmt) or ast.unparse(stmt)
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
      imports.append(src)
    checks = _checks(stmt.test, imported, bound) if isinstance(stmt, ast.Assert) else None
    if checks is None:
      entries.append({"kind": "exec", "line": stmt.lineno, "src": src})
    else:
      for check in checks:
        entries.append(dict(check, kind="check", line=stmt.lineno, src=src))
  return {"syntax_error": None, "entries": entries, "imports": imports}


def _syntax_error(line, message, text):
  return {"syntax_error": {"line": line, "message": str(message), "text": (text or "").strip()},
          "entries": [], "imports": []}


def _checks(test, imported, bound):
  is_and = isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And)
  conjuncts = test.values if is_and else [test]
  checks = []
  for node in conjuncts:
    negate = False
    while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
      negate, node = not negate, node.operand
    if isinstance(node, ast.Compare):
      operands = [node.left] + node.comparators
      ops = [_OPS[type(op)] for op in node.ops]
      for i, op in enumerate(ops):
        if op in ("is", "is not") and not (_singleton(operands[i]) or _singleton(operands[i + 1])):
          return None  # identity of anything else does not survive reconstruction
      sides = [_side(n, imported, bound) for n in operands]
    else:
      ops, sides = [], [_side(node, imported, bound)]
    checks.append({"sides": sides, "ops": ops, "negate": negate})
  return checks


def _singleton(node):
  if isinstance(node, ast.Constant):
    return node.value is None or node.value is True or node.value is False
  return isinstance(node, ast.Name) and isinstance(getattr(builtins, node.id, None), type)


def _side(node, imported, bound):
  src = ast.unparse(node)
  try:
    return {"literal": canonical.canonical(ast.literal_eval(node)), "src": src}
  except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
    pass
  free = _free_names(node)
  if free is not None and not (free & bound):
    modules = free & SETUP_MODULES
    unknown = free - SETUP_BUILTINS - SETUP_MODULES - imported
    if not unknown:
      return {"setup": src, "modules": sorted(modules - imported)}
  return {"probe": src}


def program_names(program):
  """Names the program binds at module level (def, class, assignment, for/with/except targets,
  `import x as y`, `from m import y`, `global` declarations), found with ast.parse only: the program
  is never run here. A plain `import math` is left out: it binds the module a setup side would
  import itself. Empty when the program does not parse (its run then reports the syntax error)."""
  try:
    tree = ast.parse(program, "<program>")
  except (SyntaxError, ValueError, RecursionError, MemoryError):
    return set()
  names = set()
  pending = list(tree.body)
  while pending:
    node = pending.pop()
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
      names.add(node.name)
      # Only `global` reaches the module namespace from inside a body.
      names.update(n for g in ast.walk(node) if isinstance(g, ast.Global) for n in g.names)
      continue
    if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
      continue  # their variables are their own
    if isinstance(node, ast.Import):
      names.update(a.asname for a in node.names if a.asname)
    elif isinstance(node, ast.ImportFrom):
      names.update(a.asname or a.name for a in node.names)
    elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
      names.add(node.id)
    elif isinstance(node, ast.ExceptHandler) and node.name:
      names.add(node.name)
    elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
      names.add(node.name)
    pending.extend(ast.iter_child_nodes(node))
  return names


def free_names_of_expression(src):
  """The names an expression reads, or None when it does not parse as one."""
  try:
    return _free_names(ast.parse("(\n" + src + "\n)", "<expected>", "eval"))
  except (SyntaxError, ValueError, RecursionError, MemoryError):
    return None


def _free_names(node):
  """Names the expression reads from outside, or None when it binds or yields (keep it in place)."""
  loaded, stored = set(), set()
  for n in ast.walk(node):
    if isinstance(n, (ast.NamedExpr, ast.Yield, ast.YieldFrom, ast.Await)):
      return None
    if isinstance(n, ast.Name):
      (loaded if isinstance(n.ctx, ast.Load) else stored).add(n.id)
    elif isinstance(n, ast.arg):
      stored.add(n.arg)
  return loaded - stored


def _imported_names(tree):
  names = set()
  for stmt in tree.body:
    if isinstance(stmt, ast.Import):
      names.update((a.asname or a.name).split(".")[0] for a in stmt.names)
    elif isinstance(stmt, ast.ImportFrom):
      names.update(a.asname or a.name for a in stmt.names)
  return names


def _names_bound_by_statements(tree):
  bound = set()
  for stmt in tree.body:
    if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.Assert)):
      continue
    for n in ast.walk(stmt):
      if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
        bound.add(n.id)
      elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        bound.add(n.name)
  return bound
