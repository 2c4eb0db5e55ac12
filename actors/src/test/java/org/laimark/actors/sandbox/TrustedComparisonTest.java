package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedComparisonTest {

  private static JsonNode form(String json) {
    try {
      return WorkerProcess.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean equal(String a, String b) {
    return TrustedComparison.surelyHolds(List.of("=="), false, List.of(form(a), form(b)));
  }

  @Test
  void identicalPlainFormsAreEqualWithoutAsking() {
    assertTrue(equal("[\"i\", \"4\"]", "[\"i\", \"4\"]"));
    assertTrue(
        equal(
            "[\"l\", [[\"s\", \"a\"], [\"f\", \"1.5\"]]]",
            "[\"l\", [[\"s\", \"a\"], [\"f\", \"1.5\"]]]"));
  }

  @Test
  void nanOpaqueAndDifferentFormsAreLeftToPython() {
    assertFalse(equal("[\"f\", \"nan\"]", "[\"f\", \"nan\"]"));
    assertFalse(equal("[\"l\", [[\"f\", \"nan\"]]]", "[\"l\", [[\"f\", \"nan\"]]]"));
    assertFalse(equal("[\"o\", \"x.Y\", true, \"\"]", "[\"o\", \"x.Y\", true, \"\"]"));
    assertFalse(equal("[\"i\", \"1\"]", "[\"f\", \"1.0\"]"));
    assertFalse(equal("[\"i\", \"3\"]", "[\"i\", \"4\"]"));
  }

  @Test
  void negationsAndOtherOperatorsAreLeftToPython() {
    assertFalse(
        TrustedComparison.surelyHolds(
            List.of("=="), true, List.of(form("[\"i\", \"4\"]"), form("[\"i\", \"4\"]"))));
    assertFalse(
        TrustedComparison.surelyHolds(
            List.of("<"), false, List.of(form("[\"i\", \"3\"]"), form("[\"i\", \"4\"]"))));
  }

  @Test
  void truthOfSimpleFormsIsKnown() {
    assertTrue(TrustedComparison.surelyHolds(List.of(), false, List.of(form("[\"b\", true]"))));
    assertTrue(TrustedComparison.surelyHolds(List.of(), true, List.of(form("[\"N\"]"))));
    assertTrue(
        TrustedComparison.surelyHolds(List.of(), false, List.of(form("[\"l\", [[\"N\"]]]"))));
    assertFalse(TrustedComparison.surelyHolds(List.of(), false, List.of(form("[\"i\", \"0\"]"))));
    assertFalse(TrustedComparison.surelyHolds(List.of(), false, List.of(form("[\"f\", \"0.0\"]"))));
  }
}
