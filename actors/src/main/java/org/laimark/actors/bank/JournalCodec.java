package org.laimark.actors.bank;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.laimark.data.Abduction;
import org.laimark.data.Calibration;
import org.laimark.data.Deduction;
import org.laimark.data.LearnabilityZone;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * Kryo encoding of journal entries and bank snapshots. Registration stays required: every class that may
 * appear is registered here with a fixed id, so an unknown class fails loudly instead of writing its name.
 * Ids are part of the file format: append new classes at the end, never reorder. Not thread-safe (Kryo is
 * not); each owner makes its own.
 */
public final class JournalCodec {

  private final Kryo kryo = new Kryo();

  public JournalCodec() {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    // Kryo's serializers for the List.of/Set.of/Map.of classes take the first free ids, in a fixed order.
    ImmutableCollectionsSerializers.registerSerializers(kryo);
    int id = 100;
    // JDK collections that events and snapshots hold; List.of/Map.of classes get Kryo's own serializers.
    kryo.register(ArrayList.class, id++);
    kryo.register(HashMap.class, id++);
    kryo.register(LinkedHashMap.class, id++);
    kryo.register(TreeMap.class, id++);
    kryo.register(Collections.unmodifiableMap(new HashMap<>()).getClass(), new UnmodifiableMap(), id++);
    kryo.register(Collections.emptyList().getClass(), id++);
    kryo.register(Collections.emptyMap().getClass(), id++);
    kryo.register(long[].class, id++);
    kryo.register(double[].class, id++);
    // The data module's problem record and its parts.
    kryo.register(Problem.class, id++);
    kryo.register(TaskType.class, id++);
    kryo.register(Calibration.class, id++);
    kryo.register(LearnabilityZone.class, id++);
    kryo.register(Deduction.class, id++);
    kryo.register(Abduction.class, id++);
    // The journal's own vocabulary.
    kryo.register(JournalEntry.class, id++);
    kryo.register(PipelineStage.class, id++);
    kryo.register(BankEvent.SessionStarted.class, id++);
    kryo.register(BankEvent.SessionEnded.class, id++);
    kryo.register(BankEvent.ProblemProposed.class, id++);
    kryo.register(BankEvent.ProblemVerified.class, id++);
    kryo.register(BankEvent.ProblemRejected.class, id++);
    kryo.register(BankEvent.ProblemAccepted.class, id++);
    kryo.register(BankEvent.ProblemTrained.class, id++);
    kryo.register(BankEvent.ProblemRetired.class, id++);
    kryo.register(BankEvent.ProblemAbandoned.class, id++);
    kryo.register(BankEvent.PolicyVersionPublished.class, id++);
    kryo.register(BankEvent.EvaluationRecorded.class, id++);
    // Snapshots.
    kryo.register(BankSnapshot.class, id++);
    kryo.register(ProblemHistory.class, id++);
    kryo.register(ProblemHistory.Status.class, id++);
    kryo.register(ProblemHistory.Estimate.class, id++);
    kryo.register(BankEvent.GenerationFailed.class, id++);
  }

  public byte[] encode(Object value) {
    Output out = new Output(4096, JournalFormat.MAX_RECORD_LENGTH);
    kryo.writeClassAndObject(out, value);
    return out.toBytes();
  }

  /** Decodes what {@link #encode} wrote; {@code where} names the file and offset for the error. */
  public <T> T decode(byte[] bytes, Class<T> type, String where) {
    try {
      Object value = kryo.readClassAndObject(new Input(bytes));
      if (!type.isInstance(value)) {
        throw new CorruptJournalException(
            where + ": expected a " + type.getSimpleName() + ", found " + value.getClass().getName());
      }
      return type.cast(value);
    } catch (KryoException | IllegalArgumentException e) {
      throw new CorruptJournalException(
          where + ": record passed its CRC but cannot be decoded (written by an incompatible version?): "
              + e.getMessage(), e);
    }
  }

  /** Collections.unmodifiableMap(LinkedHashMap) as Problem keeps its unknown fields: order preserved. */
  private static final class UnmodifiableMap extends Serializer<Map<Object, Object>> {
    UnmodifiableMap() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<Object, Object> map) {
      output.writeVarInt(map.size(), true);
      for (Map.Entry<Object, Object> e : map.entrySet()) {
        kryo.writeClassAndObject(output, e.getKey());
        kryo.writeClassAndObject(output, e.getValue());
      }
    }

    @Override
    public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
      int size = input.readVarInt(true);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableMap(map);
    }
  }
}
