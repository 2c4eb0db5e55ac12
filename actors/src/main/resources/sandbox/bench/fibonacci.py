from functools import lru_cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    """The n-th Fibonacci number."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)
# --- tests ---
assert fib(0) == 0
assert fib(10) == 55
assert fib(90) == 2880067194370816120
