package io.schedlab.traces.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.schedlab.api.Quantity;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;

/**
 * Quantities as traces write them, parsed without BigInteger: up to 15 digits and one of the
 * suffixes "", m, k, M, G, Ki, Mi, Gi, Ti. The result equals {@link Quantity#parse} (same amount
 * and format); anything else goes to the codec's own reader, errors included.
 *
 * <p>Implementation note: the writer emits canonical quantities, which nearly always take this
 * path; Quantity parsing was the largest single cost of reading a trace.
 */
final class FastQuantities {
  private static final ObjectReader GENERAL = KubeCodec.jsonMapper().readerFor(Quantity.class);
  private static final long MAX_DIGITS_VALUE = 999_999_999_999_999L;

  private FastQuantities() {}

  /** The quantity written in {@code text[off, off+len)}, or null when it is not a simple one. */
  static Quantity simple(char[] text, int off, int len) {
    int end = off + len;
    int i = off;
    long v = 0;
    while (i < end && i - off < 15) {
      char c = text[i];
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      i++;
    }
    if (i == off || v > MAX_DIGITS_VALUE) {
      return null;
    }
    int suffix = end - i;
    if (suffix == 0) {
      return Quantity.of(v, Quantity.Format.DECIMAL_SI);
    }
    char s = text[i];
    if (suffix == 1) {
      return switch (s) {
        case 'm' -> Quantity.ofMilli(v, Quantity.Format.DECIMAL_SI);
        case 'k' -> Quantity.of(v * 1_000L, Quantity.Format.DECIMAL_SI);
        case 'M' -> Quantity.of(v * 1_000_000L, Quantity.Format.DECIMAL_SI);
        case 'G' -> v < 1_000_000_000L ? Quantity.of(v * 1_000_000_000L, Quantity.Format.DECIMAL_SI) : null;
        default -> null;
      };
    }
    if (suffix == 2 && text[i + 1] == 'i') {
      int shift = switch (s) {
        case 'K' -> 10;
        case 'M' -> 20;
        case 'G' -> 30;
        case 'T' -> 40;
        default -> -1;
      };
      if (shift < 0 || v >= 1L << (62 - shift)) {
        return null;
      }
      return Quantity.of(v << shift, Quantity.Format.BINARY_SI);
    }
    return null;
  }

  /** Replaces the codec's Quantity reader in the trace reader's mapper. */
  @JsonDeserialize(using = Reader.class)
  abstract static class Mixin {}

  static final class Reader extends StdDeserializer<Quantity> {
    Reader() {
      super(Quantity.class);
    }

    @Override
    public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        Quantity q = simple(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (q != null) {
          return q;
        }
      }
      return GENERAL.readValue(p);
    }
  }
}
