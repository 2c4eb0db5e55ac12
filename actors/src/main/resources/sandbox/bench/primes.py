from typing import List


def primes_below(n: int) -> List[int]:
    """Sieve of Eratosthenes."""
    sieve = [True] * max(n, 2)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n, i))
    return [i for i in range(n) if sieve[i]]
# --- tests ---
assert primes_below(10) == [2, 3, 5, 7]
assert len(primes_below(20000)) == 2262
assert primes_below(2) == []
