package org.laimark.cli;

/** The user's input is wrong; the message is the one line they see (names the file/line/key and what was expected). */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
