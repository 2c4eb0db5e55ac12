"""Canonical tagged-JSON form of a value, and its reconstruction into plain builtin objects.

Forms (JSON arrays, strings and booleans only, so they survive any JSON library unchanged):
  ["N"] None, ["b", true] bool, ["i", "12"] / ["ix", "-ff"] int,
  ["f", "0.5"] float (repr, so nan/inf), ["c", re, im] complex,
  ["s", text] / ["sx", hex] str (hex when it holds lone surrogates), ["y", hex] bytes,
  ["ya", hex] bytearray, ["l", [...]] list, ["t", [...]] tuple, ["d", [[k, v]...]] dict,
  ["S", [...]] set, ["F", [...]] frozenset, ["fr", num, den] Fraction, ["dec", text] Decimal,
  ["r", start, stop, step] range, ["ty", name] builtin type, ["o", type name, truthy, repr] opaque.
Subclasses of these types are read through the base type's own C methods, so an overridden __eq__,
__iter__ or __repr__ never runs and never matters: the value is compared as its base type. Anything
else is opaque and reconstructs to an object equal to nothing. Forms are compared outside the child.
"""
import builtins
import sys

MAX_DEPTH = 100
MAX_NODES = 1_000_000

_int_repr = int.__repr__
_int_format = int.__format__
_float_repr = float.__repr__
_str_str = str.__str__
_bytes_hex = bytes.hex
_bytearray_hex = bytearray.hex
_list_iter = list.__iter__
_tuple_iter = tuple.__iter__
_dict_items = dict.items
_set_iter = set.__iter__
_frozenset_iter = frozenset.__iter__
_complex_real = complex.real.__get__
_complex_imag = complex.imag.__get__
_range_start = range.start.__get__
_range_stop = range.stop.__get__
_range_step = range.step.__get__
_type = type
_issubclass = issubclass
_BUILTIN_TYPES = {id(v): k for k, v in vars(builtins).items() if isinstance(v, type)}


class _TooLarge(Exception):
  pass


def canonical(value):
  budget = [MAX_NODES]
  try:
    return _canon(value, 0, budget)
  except _TooLarge:
    return ["o", "value too large to report", True, ""]


def _canon(v, depth, budget):
  budget[0] -= 1
  if budget[0] < 0:
    raise _TooLarge()
  if depth > MAX_DEPTH:
    return ["o", "value nested too deeply", True, ""]
  t = _type(v)
  try:
    if v is None:
      return ["N"]
    if t is bool:
      return ["b", v is True]
    if _issubclass(t, int):
      try:
        return ["i", _int_repr(v)]
      except ValueError:  # beyond the decimal conversion limit
        return ["ix", _int_format(v, "x")]
    if _issubclass(t, float):
      return ["f", _float_repr(v)]
    if _issubclass(t, str):
      text = _str_str(v)
      try:
        text.encode("utf-8")
        return ["s", text]
      except UnicodeEncodeError:
        return ["sx", text.encode("utf-8", "surrogatepass").hex()]
    if _issubclass(t, list):
      return ["l", [_canon(x, depth + 1, budget) for x in _list_iter(v)]]
    if _issubclass(t, tuple):
      return ["t", [_canon(x, depth + 1, budget) for x in _tuple_iter(v)]]
    if _issubclass(t, dict):
      return ["d", [[_canon(k, depth + 1, budget), _canon(x, depth + 1, budget)]
                    for k, x in _dict_items(v)]]
    if _issubclass(t, set):
      return ["S", [_canon(x, depth + 1, budget) for x in _set_iter(v)]]
    if _issubclass(t, frozenset):
      return ["F", [_canon(x, depth + 1, budget) for x in _frozenset_iter(v)]]
    if _issubclass(t, bytes):
      return ["y", _bytes_hex(v)]
    if _issubclass(t, bytearray):
      return ["ya", _bytearray_hex(v)]
    if _issubclass(t, complex):
      return ["c", _float_repr(_complex_real(v)), _float_repr(_complex_imag(v))]
    if t is range:
      return ["r", _int_repr(_range_start(v)), _int_repr(_range_stop(v)), _int_repr(_range_step(v))]
    if _issubclass(t, type) and id(v) in _BUILTIN_TYPES and _BUILTIN_TYPES[id(v)] == v.__name__:
      return ["ty", v.__name__]
    special = _numeric_module_form(v, t)
    if special is not None:
      return special
  except _TooLarge:
    raise
  except Exception:  # a broken object is opaque, never an error of ours
    pass
  return _opaque(v, t)


def _numeric_module_form(v, t):
  fractions = sys.modules.get("fractions")
  if fractions is not None and _issubclass(t, fractions.Fraction):
    return ["fr", _int_repr(fractions.Fraction.numerator.__get__(v)),
            _int_repr(fractions.Fraction.denominator.__get__(v))]
  decimal = sys.modules.get("decimal")
  if decimal is not None and _issubclass(t, decimal.Decimal):
    return ["dec", decimal.Decimal.__str__(v)]
  return None


def _opaque(v, t):
  try:
    name = "%s.%s" % (t.__module__, t.__qualname__)
    if not isinstance(name, str):
      name = "?"
  except Exception:
    name = "?"
  try:
    truthy = bool(v)
  except Exception:
    truthy = True
  try:
    text = repr(v)
    text = text[:200] if isinstance(text, str) else ""
  except Exception:
    text = ""
  return ["o", name[:200], truthy, text]


class Opaque:
  """Stands in for a value of a type we do not reconstruct: equal to nothing, not even itself."""

  __slots__ = ("name", "truthy", "text")

  def __init__(self, name, truthy, text):
    self.name, self.truthy, self.text = name, truthy, text

  def __eq__(self, other):
    return False

  def __ne__(self, other):
    return True

  __hash__ = object.__hash__

  def __bool__(self):
    return self.truthy

  def __repr__(self):
    return "<%s object%s>" % (self.name, (": " + self.text) if self.text else "")


class MalformedForm(ValueError):
  """A form no canonical() call produces: the child that sent it was tampered with."""


def rebuild(form, depth=0):
  if depth > MAX_DEPTH + 2 or not isinstance(form, list) or not form:
    raise MalformedForm("not a canonical form: %r" % (form,))
  tag = form[0]
  try:
    if tag == "N":
      return None
    if tag == "b":
      return bool(_expect(form[1], bool))
    if tag == "i":
      return int(_expect(form[1], str))
    if tag == "ix":
      return int(_expect(form[1], str), 16)
    if tag == "f":
      return float(_expect(form[1], str))
    if tag == "c":
      return complex(float(_expect(form[1], str)), float(_expect(form[2], str)))
    if tag == "s":
      return _expect(form[1], str)
    if tag == "sx":
      return bytes.fromhex(_expect(form[1], str)).decode("utf-8", "surrogatepass")
    if tag == "y":
      return bytes.fromhex(_expect(form[1], str))
    if tag == "ya":
      return bytearray.fromhex(_expect(form[1], str))
    if tag in ("l", "t", "S", "F"):
      items = [rebuild(x, depth + 1) for x in _expect(form[1], list)]
      return {"l": list, "t": tuple, "S": set, "F": frozenset}[tag](items)
    if tag == "d":
      return {rebuild(_pair(p)[0], depth + 1): rebuild(_pair(p)[1], depth + 1)
              for p in _expect(form[1], list)}
    if tag == "r":
      return range(int(form[1]), int(form[2]), int(form[3]))
    if tag == "ty":
      value = getattr(builtins, _expect(form[1], str))
      if not isinstance(value, type):
        raise MalformedForm("not a builtin type: %r" % (form[1],))
      return value
    if tag == "fr":
      import fractions
      return fractions.Fraction(int(form[1]), int(form[2]))
    if tag == "dec":
      import decimal
      return decimal.Decimal(_expect(form[1], str))
    if tag == "o":
      return Opaque(str(form[1]), bool(form[2]), str(form[3]))
  except MalformedForm:
    raise
  except (ValueError, TypeError, IndexError, AttributeError, ArithmeticError) as e:
    raise MalformedForm("bad %r form: %s" % (tag, e))
  raise MalformedForm("unknown tag %r" % (tag,))


def _expect(value, kind):
  if not isinstance(value, kind):
    raise MalformedForm("expected %s, got %r" % (kind.__name__, value))
  return value


def _pair(p):
  if not isinstance(p, list) or len(p) != 2:
    raise MalformedForm("not a key/value pair: %r" % (p,))
  return p
