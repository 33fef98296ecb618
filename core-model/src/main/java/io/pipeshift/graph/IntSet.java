package io.pipeshift.graph;

import java.util.Arrays;

/**
 * A set of non-negative ints (node indices) with open addressing: no boxing, for graph passes that merge
 * and re-point adjacency on 100,000-node graphs. Iteration order is deterministic (slot order).
 */
final class IntSet {
  private static final int EMPTY = -1;
  private static final int REMOVED = -2;

  private int[] slots;
  private int size;
  private int used; // live + removed slots

  IntSet() {
    slots = new int[4];
    Arrays.fill(slots, EMPTY);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(int v) {
    int mask = slots.length - 1;
    for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == v) {
        return true;
      }
      if (s == EMPTY) {
        return false;
      }
    }
  }

  boolean add(int v) {
    if ((used + 1) * 2 > slots.length) {
      rehash(size + 1 > slots.length / 4 ? slots.length * 2 : slots.length);
    }
    int mask = slots.length - 1;
    int tomb = -1;
    for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == v) {
        return false;
      }
      if (s == REMOVED && tomb < 0) {
        tomb = i;
      }
      if (s == EMPTY) {
        if (tomb >= 0) {
          slots[tomb] = v;
        } else {
          slots[i] = v;
          used++;
        }
        size++;
        return true;
      }
    }
  }

  boolean remove(int v) {
    int mask = slots.length - 1;
    for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == v) {
        slots[i] = REMOVED;
        size--;
        if (slots.length > 16 && size * 8 < slots.length) {
          rehash(slots.length / 4); // shrink, so iterating a set that lost most elements stays cheap
        }
        return true;
      }
      if (s == EMPTY) {
        return false;
      }
    }
  }

  /** Any element (the first in slot order); the set must not be empty. */
  int any() {
    for (int s : slots) {
      if (s >= 0) {
        return s;
      }
    }
    throw new IllegalStateException("empty set");
  }

  /** The elements, in slot order (a copy: safe to modify the set while using it). */
  int[] toArray() {
    int[] out = new int[size];
    int k = 0;
    for (int s : slots) {
      if (s >= 0) {
        out[k++] = s;
      }
    }
    return out;
  }

  /** The elements in ascending order. */
  int[] sorted() {
    int[] out = toArray();
    Arrays.sort(out);
    return out;
  }

  boolean sameElements(IntSet other) {
    if (other.size != size) {
      return false;
    }
    for (int s : slots) {
      if (s >= 0 && !other.contains(s)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the two sets share an element (iterates the smaller one). */
  boolean intersects(IntSet other) {
    IntSet small = size <= other.size ? this : other;
    IntSet large = small == this ? other : this;
    for (int s : small.slots) {
      if (s >= 0 && large.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private void rehash(int capacity) {
    int[] old = slots;
    slots = new int[capacity];
    Arrays.fill(slots, EMPTY);
    size = 0;
    used = 0;
    for (int s : old) {
      if (s >= 0) {
        add(s);
      }
    }
  }

  private static int mix(int v) {
    int h = v * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
