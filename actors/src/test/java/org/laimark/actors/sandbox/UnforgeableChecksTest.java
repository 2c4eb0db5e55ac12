package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Checks are judged outside the child with Python's equality, the child never holds an expected
 * value, and overriding equality or scanning memory does not turn a wrong answer into a pass.
 */
@Tag("sandbox")
class UnforgeableChecksTest {

  private static SandboxService sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxService.start(TestSettings.with(Map.of("pool.workers", 2)));
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static Verdict judge(String program, String tests) {
    return sandbox.runBlocking(SandboxJob.withTests("t", program, tests));
  }

  private static final String IDENTITY = "def f(x=None):\n    return x\n";

  @Test
  void comparisonsFollowPythonSemantics() {
    Verdict v =
        judge(
            IDENTITY,
            String.join(
                "\n",
                "assert f(1.0) == 1",
                "assert f(True) == 1",
                "assert f({3, 1, 2}) == {1, 2, 3}",
                "assert f({'b': 2, 'a': 1}) == {'a': 1, 'b': 2}",
                "assert f((1, [2, 3])) == (1, [2, 3])",
                "assert f(float('inf')) == float('inf')",
                "assert abs(f(0.1) + 0.2 - 0.3) < 1e-9",
                "assert f(3) in [1, 2, 3]",
                "assert f('abc') not in 'xyz'",
                "assert f(None) is None",
                "assert not f(0)",
                "assert f([1]) and f(2) == 2",
                "assert 0 < f(5) < 10",
                "assert f(b'ab') == b'ab'",
                "assert f(2 + 3j) == complex(2, 3)",
                "assert type(f(3)) == int",
                ""));

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
  }

  @Test
  void aFailedComparisonNamesTheLineAndBothValues() {
    Verdict v = judge(IDENTITY, "assert f(1) == 1\nassert f([1, 2]) == (1, 2)\nassert f(3) == 4\n");

    assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
    assertEquals("assert f([1, 2]) == (1, 2)", v.failedTest());
    assertEquals("AssertionError", v.errorType());
    assertEquals("got [1, 2], expected (1, 2)", v.message());
  }

  @Test
  void nanIsNotEqualToItself() {
    Verdict v = judge(IDENTITY, "assert f(float('nan')) == float('nan')\n");

    assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
  }

  @Test
  void overridingEqualityDoesNotPass() {
    Verdict liar =
        judge(
            "class Liar:\n    def __eq__(self, other):\n        return True\n"
                + "def f():\n    return Liar()\n",
            "assert f() == 5\n");
    Verdict lyingInt =
        judge(
            "class I(int):\n    def __eq__(self, other):\n        return True\n"
                + "    __hash__ = int.__hash__\ndef f():\n    return I(3)\n",
            "assert f() == 4\n");

    assertEquals(VerdictStatus.FAILED, liar.status(), liar.toString());
    assertTrue(liar.message().startsWith("got <__main__.Liar object"), liar.message());
    assertTrue(liar.flags().contains("eq_override"), liar.toString());
    assertEquals(VerdictStatus.FAILED, lyingInt.status(), lyingInt.toString());
    assertEquals("got 3, expected 4", lyingInt.message());
  }

  @Test
  void standardLibraryValuesCompareAsTheirBuiltinCounterparts() {
    Verdict v =
        judge(
            String.join(
                "\n",
                "from collections import namedtuple, defaultdict, OrderedDict, Counter",
                "from fractions import Fraction",
                "from decimal import Decimal",
                "P = namedtuple('P', 'x y')",
                "def point():\n    return P(1, 2)",
                "def counts():\n    d = defaultdict(int)\n    d['a'] += 1\n    return d",
                "def letters():\n    return Counter('aab')",
                "def ordered():\n    return OrderedDict([('b', 1), ('a', 2)])",
                "def half():\n    return Fraction(1, 2)",
                "def money():\n    return Decimal('1.50')",
                ""),
            String.join(
                "\n",
                "assert point() == (1, 2)",
                "assert counts() == {'a': 1}",
                "assert letters() == {'a': 2, 'b': 1}",
                "assert ordered() == {'a': 2, 'b': 1}",
                "assert half() == 0.5",
                "assert money() == 1.5",
                ""));

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
  }

  @Test
  void nonLiteralExpectedValuesAreComputedApartFromTheProgram() {
    Verdict passed =
        judge(
            IDENTITY,
            "assert f(2.0) == math.sqrt(4)\nassert f(10) == sum(range(5))\n"
                + "assert f([1, 2, 3]) == sorted([3, 1, 2])\n");
    Verdict raising = judge(IDENTITY, "assert f(1) == 1\nassert f(1) == 1 / 0\n");

    assertEquals(VerdictStatus.PASSED, passed.status(), passed.toString());
    assertEquals(VerdictStatus.FAILED, raising.status(), raising.toString());
    assertEquals("assert f(1) == 1 / 0", raising.failedTest());
    assertEquals("ZeroDivisionError", raising.errorType());
  }

  @Test
  void sidesThatNeedTheProgramAreBothProbed() {
    String program = "EXPECTED = 3\n" + IDENTITY;

    Verdict passed = judge(program, "assert f(3) == EXPECTED\n");
    Verdict failed = judge(program, "assert f(2) == EXPECTED\n");

    assertEquals(VerdictStatus.PASSED, passed.status(), passed.toString());
    assertEquals(VerdictStatus.FAILED, failed.status(), failed.toString());
    assertEquals("2 == 3 is false", failed.message());
  }

  @Test
  void theProgramsOwnFunctionNamedLikeABuiltinIsTheOneTested() {
    // MBPP/126: the task's function is called `sum`; its calls must be probed, not taken for the
    // builtin and evaluated apart from the program.
    String divisors =
        "def sum(a, b):\n"
            + "    total = 0\n"
            + "    for i in range(1, min(a, b) + 1):\n"
            + "        if a % i == 0 and b % i == 0:\n"
            + "            total += i\n"
            + "    return total\n";
    String tests = "assert sum(10, 15) == 6\nassert sum(100, 150) == 93\n";

    Verdict passed = judge(divisors, tests);
    Verdict failed = judge("def sum(a, b):\n    return 0\n", tests);
    Verdict builtin = judge(IDENTITY, "assert sum([1, 2]) == 3\n");

    assertEquals(VerdictStatus.PASSED, passed.status(), passed.toString());
    assertTrue(passed.flags().contains("shadows_builtin"), passed.flags().toString());
    assertEquals(VerdictStatus.FAILED, failed.status(), failed.toString());
    assertEquals("assert sum(10, 15) == 6", failed.failedTest());
    assertEquals("got 0, expected 6", failed.message());
    assertEquals(VerdictStatus.PASSED, builtin.status(), builtin.toString());
    assertTrue(!builtin.flags().contains("shadows_builtin"), builtin.flags().toString());
  }

  @Test
  void shadowingABuiltinDoesNotChangeTheExpectedSideOfACheckThatCallsTheProgram() {
    // Python would let this pass; the split keeps the builtin `sorted`, so the program cannot
    // make its answer and the expected value agree by redefining the expected side.
    String forger = "def sorted(x):\n    return None\n\ndef f(x):\n    return None\n";

    Verdict v = judge(forger, "assert f([2, 1]) == sorted([2, 1])\n");

    assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
    assertEquals("got None, expected [1, 2]", v.message());
  }

  @Test
  void otherStatementsRunInsideTheChildInOrder() {
    Verdict passed = judge(IDENTITY, "x = f(3)\nassert x == 3\n");
    Verdict failed = judge(IDENTITY, "def check(c):\n    assert c(1) == 2\n\ncheck(f)\n");
    Verdict raising = judge(IDENTITY, "assert f(1) == 1\nassert f('a') + 1 == 2\n");

    assertEquals(VerdictStatus.PASSED, passed.status(), passed.toString());
    assertEquals(VerdictStatus.FAILED, failed.status(), failed.toString());
    assertEquals("check(f)", failed.failedTest());
    assertEquals("AssertionError", failed.errorType());
    assertEquals(VerdictStatus.FAILED, raising.status(), raising.toString());
    assertEquals("TypeError", raising.errorType());
  }

  @Test
  void syntaxErrorsAndEarlyFailuresHaveTheirOwnVerdicts() {
    Verdict badProgram = judge("def f(:\n    pass\n", "assert f() == 1\n");
    Verdict badTests = judge(IDENTITY, "assert f(1) == 1\nassert f(2 == 2\n");
    Verdict raisesFirst = judge("def f():\n    return 1\nx = 1 / 0\n", "assert f() == 1\n");

    assertEquals(VerdictStatus.SYNTAX_ERROR, badProgram.status(), badProgram.toString());
    assertTrue(badProgram.message().startsWith("program line 1:"), badProgram.toString());
    assertEquals(VerdictStatus.SYNTAX_ERROR, badTests.status(), badTests.toString());
    assertTrue(badTests.message().startsWith("tests line 2:"), badTests.toString());
    assertEquals(VerdictStatus.FAILED, raisesFirst.status(), raisesFirst.toString());
    assertEquals("program line 3: division by zero", raisesFirst.message());
  }

  @Test
  void aProgramWithoutTestsPassesWhenItEndsWithoutAnUncaughtException() {
    Verdict clean =
        sandbox.runBlocking(SandboxJob.program("p", "import sys\nprint('hi')\nsys.exit(0)\n"));
    Verdict dirty = sandbox.runBlocking(SandboxJob.program("p", "import sys\nsys.exit(3)\n"));

    assertEquals(VerdictStatus.PASSED, clean.status(), clean.toString());
    assertEquals("hi\n", clean.output());
    assertEquals(VerdictStatus.FAILED, dirty.status(), dirty.toString());
  }

  /**
   * The program reads every readable page of its own address space through ctypes and looks for the
   * expected value's text. A canary it creates itself is found (the scan works); the expected
   * values are not (they were never in the process).
   */
  @Test
  void expectedValuesAreNowhereInTheChildsMemory() {
    String scanner =
        String.join(
            "\n",
            "import ctypes",
            "def scan(left, right):",
            "    hits = 0",
            "    for line in open('/proc/self/maps'):",
            "        parts = line.split()",
            "        if not parts[1].startswith('rw') or (len(parts) > 5 and"
                + " parts[5].startswith('[v')):",
            "            continue",
            "        start, end = (int(x, 16) for x in parts[0].split('-'))",
            "        try:",
            "            data = ctypes.string_at(start, end - start)",
            "        except Exception:",
            "            continue",
            "        i = data.find(left)",
            "        while i >= 0:",
            "            if data[i + len(left):i + len(left) + len(right)] == right:",
            "                hits += 1",
            "            i = data.find(left, i + 1)",
            "    return hits",
            "canary = '-'.join(['canary', 'in', 'the', 'mine'])",
            "print('canary hits', scan(b'canary-in', b'-the-mine'))",
            "def f():",
            "    return 'found' if scan(b'98765', b'4321') else None",
            "def g():",
            "    return 'found' if scan(b'zebra-', b'quartz') else None",
            "");

    Verdict v = judge(scanner, "assert f() == 987654321\nassert g() == 'zebra-quartz'\n");

    assertTrue(v.output().matches("(?s)canary hits [1-9].*"), v.toString());
    assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
    assertEquals("got None, expected 987654321", v.message());
    assertTrue(v.flags().contains("ctypes"), v.toString());
  }
}
