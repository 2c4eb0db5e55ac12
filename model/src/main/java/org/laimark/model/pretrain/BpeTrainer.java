package org.laimark.model.pretrain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains a byte-level BPE vocabulary as Hugging Face's {@code BpeTrainer} does: count the pre-tokens of the
 * corpus, start from the 256 byte characters, and repeatedly merge the most frequent adjacent pair (ties go
 * to the pair of smaller token ids, so a corpus always gives the same vocabulary) until the vocabulary has
 * the requested size or no pair occurs twice. Pair counts are updated only in the words a merge touches.
 */
public final class BpeTrainer {

  private final List<String> specialTokens;
  private final int vocabularySize;

  public BpeTrainer(List<String> specialTokens, int vocabularySize) {
    if (vocabularySize < specialTokens.size() + 256) {
      throw new IllegalArgumentException("vocabulary size must be at least " + (specialTokens.size() + 256)
          + " (special tokens + 256 bytes), got " + vocabularySize);
    }
    this.specialTokens = List.copyOf(specialTokens);
    this.vocabularySize = vocabularySize;
  }

  public BpeVocabulary train(Iterable<String> texts) {
    Map<String, Long> wordCounts = new LinkedHashMap<>();
    ByteLevelSplitter splitter = new ByteLevelSplitter(specialTokens);
    for (String text : texts) {
      for (String word : splitter.split(text)) {
        wordCounts.merge(word, 1L, Long::sum);
      }
    }
    List<String> tokens = new ArrayList<>(specialTokens);
    Map<String, Integer> ids = new HashMap<>();
    for (char c : ByteLevelAlphabet.sortedAlphabet().toCharArray()) {
      ids.put(String.valueOf(c), tokens.size());
      tokens.add(String.valueOf(c));
    }
    Words words = new Words(wordCounts, ids);
    List<BpeVocabulary.Merge> merges = new ArrayList<>();
    while (tokens.size() < vocabularySize) {
      long best = words.mostFrequentPair();
      if (best < 0) {
        break;
      }
      String left = tokens.get(Words.left(best));
      String right = tokens.get(Words.right(best));
      String merged = left + right;
      Integer id = ids.get(merged);
      if (id == null) {
        id = tokens.size();
        ids.put(merged, id);
        tokens.add(merged);
      }
      merges.add(new BpeVocabulary.Merge(left, right));
      words.merge(best, id);
    }
    return new BpeVocabulary(specialTokens, tokens, merges);
  }

  /** The corpus as unique words of token ids, with counts, and the counts of every adjacent pair. */
  private static final class Words {
    private final List<int[]> symbols = new ArrayList<>();
    private final long[] counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>();

    Words(Map<String, Long> wordCounts, Map<String, Integer> ids) {
      counts = new long[wordCounts.size()];
      for (Map.Entry<String, Long> e : wordCounts.entrySet()) {
        String word = e.getKey();
        int[] s = new int[word.length()];
        for (int i = 0; i < s.length; i++) {
          s[i] = ids.get(String.valueOf(word.charAt(i)));
        }
        counts[symbols.size()] = e.getValue();
        symbols.add(s);
        count(symbols.size() - 1, +1);
      }
    }

    static long pair(int left, int right) {
      return ((long) left << 32) | right;
    }

    static int left(long pair) {
      return (int) (pair >>> 32);
    }

    static int right(long pair) {
      return (int) pair;
    }

    /** The most frequent pair (count at least 2; ties to the smaller ids), or -1. */
    long mostFrequentPair() {
      long best = -1;
      long bestCount = 1;
      for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
        long c = e.getValue();
        if (c > bestCount || (c == bestCount && best >= 0 && e.getKey() < best)) {
          best = e.getKey();
          bestCount = c;
        }
      }
      return best;
    }

    void merge(long pair, int mergedId) {
      for (int w : new ArrayList<>(pairWords.getOrDefault(pair, Set.of()))) {
        count(w, -1);
        symbols.set(w, replace(symbols.get(w), left(pair), right(pair), mergedId));
        count(w, +1);
      }
      pairCounts.remove(pair);
      pairWords.remove(pair);
    }

    private static int[] replace(int[] s, int left, int right, int merged) {
      int[] out = new int[s.length];
      int n = 0;
      for (int i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
          out[n++] = merged;
          i++;
        } else {
          out[n++] = s[i];
        }
      }
      return java.util.Arrays.copyOf(out, n);
    }

    private void count(int w, int sign) {
      int[] s = symbols.get(w);
      for (int i = 0; i + 1 < s.length; i++) {
        long p = pair(s[i], s[i + 1]);
        long updated = pairCounts.getOrDefault(p, 0L) + sign * counts[w];
        if (updated <= 0) {
          pairCounts.remove(p);
        } else {
          pairCounts.put(p, updated);
        }
        if (sign > 0) {
          pairWords.computeIfAbsent(p, k -> new HashSet<>()).add(w);
        }
      }
    }
  }
}
