from typing import List


def median(xs: List[float]) -> float:
    """Median of xs (wrong on purpose for even lengths: a failing program in the mix)."""
    ys = sorted(xs)
    return ys[len(ys) // 2]
# --- tests ---
assert median([3, 1, 2]) == 2
assert median([4, 1, 3, 2]) == 2.5
