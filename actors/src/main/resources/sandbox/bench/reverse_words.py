def reverse_words(text: str) -> str:
    """Words of text in reverse order, single-spaced."""
    return " ".join(reversed(text.split()))
# --- tests ---
assert reverse_words("the sky is blue") == "blue is sky the"
assert reverse_words("  hello world  ") == "world hello"
assert reverse_words("a") == "a"
assert reverse_words("") == ""
