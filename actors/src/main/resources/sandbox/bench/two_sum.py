from typing import List


def two_sum(nums: List[int], target: int) -> List[int]:
    """Indices of the two numbers that add up to target."""
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
    return []
# --- tests ---
assert two_sum([2, 7, 11, 15], 9) == [0, 1]
assert two_sum([3, 2, 4], 6) == [1, 2]
assert two_sum([3, 3], 6) == [0, 1]
assert two_sum([1, 2], 7) == []
assert two_sum([], 0) == []
