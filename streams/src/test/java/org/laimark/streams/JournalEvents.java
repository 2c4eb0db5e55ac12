package org.laimark.streams;

import java.util.ArrayList;
import java.util.List;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalEntry;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.RunDirectory;

/** Every event of a run's journal, in journal order (for assertions on what a run recorded). */
final class JournalEvents {

  private JournalEvents() {}

  static List<BankEvent> read(RunDirectory run) {
    JournalCodec codec = new JournalCodec();
    List<BankEvent> events = new ArrayList<>();
    JournalScanner.scan(run.journal(), (offset, payload) ->
        events.addAll(codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset).events()));
    return events;
  }

  static <T extends BankEvent> List<T> of(List<BankEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
