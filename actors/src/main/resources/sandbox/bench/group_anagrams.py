from collections import defaultdict
from typing import Dict, List


def group_anagrams(words: List[str]) -> Dict[str, List[str]]:
    """Words grouped by their sorted letters."""
    groups = defaultdict(list)
    for w in words:
        groups["".join(sorted(w))].append(w)
    return dict(groups)
# --- tests ---
assert group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]) == {"aet": ["eat", "tea", "ate"], "ant": ["tan", "nat"], "abt": ["bat"]}
assert group_anagrams([]) == {}
assert group_anagrams(["a"]) == {"a": ["a"]}
