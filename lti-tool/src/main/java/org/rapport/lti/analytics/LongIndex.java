package org.rapport.lti.analytics;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} ids 0, 1, 2… in the order they are first seen: an open-addressing
 * table of primitives. Reading a tenant's scores looks up a million response ids and hundreds of
 * thousands of student ids; a {@code HashMap<Long, …>} spent more time boxing, allocating and
 * chasing its nodes than the rest of the reading.
 */
final class LongIndex {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;
  private boolean emptyKeyPresent;
  private int emptyKeyValue;

  LongIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new int[capacity];
  }

  /** How many distinct ids were seen. */
  int size() {
    return size;
  }

  /** The id's number, or -1 when it was never added. */
  int get(long key) {
    if (key == EMPTY) {
      return emptyKeyPresent ? emptyKeyValue : -1;
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The id's number, giving it the next one when it is new. */
  int add(long key) {
    if (key == EMPTY) {
      if (!emptyKeyPresent) {
        emptyKeyPresent = true;
        emptyKeyValue = size++;
      }
      return emptyKeyValue;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = size;
        return size++;
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long key = oldKeys[j];
      if (key != EMPTY) {
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = oldValues[j];
      }
    }
  }
}
