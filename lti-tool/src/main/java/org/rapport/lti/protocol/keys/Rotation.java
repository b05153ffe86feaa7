package org.rapport.lti.protocol.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ToolKeyRing#rotate}: the new key (published now, signing from its {@code
 * activatesAt}) and the current key with its retirement time set. Persist both.
 *
 * @param retiring the key being replaced, with {@code retiresAt} set; empty for a first key
 */
public record Rotation(ToolKey next, Optional<ToolKey> retiring) {

  public Rotation {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(retiring, "retiring");
  }

  /** When the replaced key leaves the JWKS. */
  public Optional<Instant> retiresAt() {
    return retiring.map(ToolKey::retiresAt);
  }
}
