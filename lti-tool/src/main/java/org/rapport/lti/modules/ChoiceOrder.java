package org.rapport.lti.modules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order in which one learner sees the options of one decision point or question.
 *
 * <p>Module files list the best option wherever the author put it; shown as written, students learn
 * where to look rather than what to say. Each learner gets a shuffled order that depends only on
 * who they are and which decision it is, so it stays the same when they reload, resume on another
 * day or look back at their answers, while different learners see different orders. The seed is a
 * hash of the learner's key and the decision's place in the content; {@link Random} is used for its
 * specified, portable sequence, not for secrecy.
 */
final class ChoiceOrder {

  private ChoiceOrder() {}

  /**
   * The indexes {@code 0..count-1} in the order this learner sees them.
   *
   * @param learnerKey identifies the learner within Rapport (tenant and learner)
   * @param moduleId the module
   * @param decision the step and node or question, e.g. {@code the-scenario/n2}
   */
  static List<Integer> of(String learnerKey, String moduleId, String decision, int count) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
    Collections.shuffle(order, new Random(seed(learnerKey + "\n" + moduleId + "\n" + decision)));
    return order;
  }

  private static long seed(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
