package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramFlagsTest {

  @Test
  void forgeryConstructsAreFlagged() {
    String forger =
        "import sys, ctypes, gc, os\nf = sys._getframe(1).f_back.f_locals\n"
            + "class A:\n    def __eq__(self, o):\n        return True\nimport builtins\n"
            + "builtins.len = lambda x: 0\nsys.settrace(None)\nos._exit(0)\nsys.exit(1)\n";

    assertEquals(
        List.of(
            "frame_introspection",
            "ctypes",
            "gc",
            "os_exit",
            "sys_exit",
            "eq_override",
            "builtins_assignment",
            "settrace"),
        ProgramFlags.of(forger));
  }

  @Test
  void ordinarySolutionsAreNotFlagged() {
    String solution =
        "from typing import List\n\ndef exit_code(xs: List[int]) -> int:\n"
            + "    frames = [x for x in xs if x]\n    return len(frames)  # gc-free\n";

    assertEquals(List.of(), ProgramFlags.of(solution));
  }
}
