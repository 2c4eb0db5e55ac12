package org.laimark.actors.pipeline.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonLiteralTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '%',
      value = {
        "42|42",
        "-7|-7",
        "+3|3",
        "0x1F|31",
        "0o17|15",
        "0b101|5",
        "1_000|1000",
        "00|0",
        "3.14|3.14",
        "-.5|-.5",
        "1e3|1e3",
        "1_0.0_1|10.01",
        "2j|2j",
        "1+2j|(1+2j)",
        "-1 - 2.5j|(-1-2.5j)",
        "True|True",
        "None|None",
        "'a'|'a'",
        "\"it's\"|'it\\'s'",
        "'a' 'b'|'ab'",
        "b'\\x00z'|b'\\x00z'",
        "r'\\d'|'\\\\d'",
        "'\\u00e9'|'\\xe9'",
        "'\\N{GREEK SMALL LETTER ALPHA}'|'\\u03b1'",
        "[1, [2, (3,)]]|[1, [2, (3,)]]",
        "(1)|1",
        "()|()",
        "(1,)|(1,)",
        "{}|{}",
        "{1, 2,}|{1, 2}",
        "{'a': [1], 2: None}|{'a': [1], 2: None}",
        "[ 1 ,\t 2 ]|[1, 2]"
      })
  void readsLiteralsIntoCanonicalForm(String source, String canonical) {
    assertEquals(canonical, PythonLiteral.parse(source).canonical());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x",
        "f(1)",
        "1 + 1",
        "1) or (True",
        "__import__('os')",
        "f'{x}'",
        "[1, 2",
        "'abc",
        "1, 2",
        "01",
        "1abc",
        "0x",
        "-True",
        "--1",
        "{1: 2, 3}",
        "[1] [0]",
        "'a' b'b'",
        "1 if 1 else 2",
        "lambda: 1",
        "...",
        "'\\x4'",
        "\"\"\"a\"\"\" + 'b'",
        "1.__class__",
        "[*x]",
        ""
      })
  void refusesAnythingThatIsNotOneLiteral(String source) {
    assertThrows(PythonLiteral.NotALiteralException.class, () -> PythonLiteral.parse(source));
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String deep = "[".repeat(LiteralReader.MAX_DEPTH + 1) + "]".repeat(LiteralReader.MAX_DEPTH + 1);

    assertThrows(PythonLiteral.NotALiteralException.class, () -> PythonLiteral.parse(deep));
  }

  @Test
  void argumentListsKeepTupleArgumentsApartFromSeveralArguments() {
    assertEquals("[1, 2], 'a'", PythonLiteral.render(PythonLiteral.parseArguments("[1,2], 'a'")));
    assertEquals("(1, 2)", PythonLiteral.render(PythonLiteral.parseArguments("(1, 2)")));
    assertEquals("5", PythonLiteral.render(PythonLiteral.parseArguments("5,")));
    assertThrows(
        PythonLiteral.NotALiteralException.class, () -> PythonLiteral.parseArguments("x=1"));
  }

  @Test
  void aQuoteInsideAStringCannotEndItEarly() {
    String sneaky = "'a\\' + __import__(\"os\").system(\"id\") + \\''";

    String canonical = PythonLiteral.parse(sneaky).canonical();

    assertEquals("'a\\' + __import__(\"os\").system(\"id\") + \\''", canonical);
  }

  /**
   * Python itself confirms that each canonical form has the value of its source (literal_eval
   * only).
   */
  @Test
  void canonicalFormsHaveTheSameValueInPython() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
    List<String> sources =
        List.of(
            "0x_ff",
            "1_0.5e-3",
            "-0",
            "'\\101\\x42\\u0043\\U0001F600'",
            "r'\\'\\n'",
            "'''a\nb'''",
            "b'\\xff\\n'",
            "'\\ud83d\\ude00'",
            "{'k': (1, [2.5, {3}]), 'j': b''}",
            "\"tab\\there\"",
            "'\\\n'",
            "-1-0j",
            "[True, False, None]");
    List<String> lines = new ArrayList<>();
    for (String s : sources) {
      lines.add(escapeForPython(s) + "\t" + escapeForPython(PythonLiteral.parse(s).canonical()));
    }
    Path input = Files.createTempFile("literals", ".tsv");
    Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    String check =
        "import ast,sys\n"
            + "for line in open(sys.argv[1], encoding='utf-8'):\n"
            + "  a, b = (ast.literal_eval(x) for x in line.rstrip('\\n').split('\\t'))\n"
            + "  a, b = ast.literal_eval(a), ast.literal_eval(b)\n"
            + "  assert a == b and type(a) is type(b) and repr(a) == repr(b), (a, b)\n"
            + "print('ok')\n";
    Process p =
        new ProcessBuilder(python.toString(), "-I", "-S", "-c", check, input.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    Files.delete(input);

    assertEquals("ok", out.strip());
  }

  /** A Python string literal holding {@code s} (ASCII only), so the TSV line stays one line. */
  private static String escapeForPython(String s) {
    StringBuilder out = new StringBuilder("'");
    s.codePoints()
        .forEach(
            cp ->
                out.append(
                    cp == '\'' || cp == '\\'
                        ? "\\" + (char) cp
                        : cp >= 0x20 && cp < 0x7f
                            ? String.valueOf((char) cp)
                            : String.format("\\U%08x", cp)));
    return out.append("'").toString();
  }
}
