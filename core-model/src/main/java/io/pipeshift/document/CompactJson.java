package io.pipeshift.document;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Immutable, insertion-ordered copies of finished JSON trees, held in flat arrays. An emitter that keeps
 * the document of a large pipeline in memory until it is printed holds millions of small objects; a
 * {@code LinkedHashMap} costs one entry object per key and a hash table, an object here costs two objects
 * (itself and one array) whatever its size. On a 100,000-step pipeline that is the difference between
 * the garbage collector copying most of the document on every young collection and copying a fraction.
 *
 * <p>Lookup by key scans the keys: meant for the small objects of request bodies and states, not for a
 * States map of 100,000 entries (which an emitter keeps as a {@code LinkedHashMap}).
 */
public final class CompactJson {

  private CompactJson() {}

  /**
   * A deep immutable copy of a tree of maps and lists; every other value (text, numbers, {@code null},
   * run-time values an emitter puts in its tree) is kept as it is. Already compact parts are shared.
   */
  public static Object of(Object tree) {
    if (tree instanceof ObjectNode o && o.deep || tree instanceof ArrayNode) {
      return tree; // deep-immutable already: shared, not copied
    }
    if (tree instanceof Map<?, ?> m) {
      Object[] pairs = new Object[2 * m.size()];
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pairs[i++] = String.valueOf(e.getKey());
        pairs[i++] = of(e.getValue());
      }
      return new ObjectNode(pairs, true);
    }
    if (tree instanceof List<?> l) {
      Object[] items = new Object[l.size()];
      int i = 0;
      for (Object x : l) {
        items[i++] = of(x);
      }
      return new ArrayNode(items);
    }
    return tree;
  }

  /**
   * A compact immutable copy of the object itself whose values are kept as they are (the same map and list
   * objects): for a finished object whose nested parts may still be filled in (a catcher's target).
   */
  public static Map<String, Object> shallow(Map<String, ?> object) {
    if (object instanceof ObjectNode o) {
      return o;
    }
    Object[] pairs = new Object[2 * object.size()];
    int i = 0;
    for (Map.Entry<String, ?> e : object.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    return new ObjectNode(pairs, false);
  }

  /** {@link #of(Object)} for a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, ?> tree) {
    return (Map<String, Object>) of(tree);
  }

  /**
   * A JSON object being filled in, in insertion order (putting a key again replaces its value in place,
   * as a {@code LinkedHashMap} does), then {@link #build() built} into a compact object without a second
   * copy of the tree. For the small objects of payloads: {@code put} scans the keys.
   */
  public static final class ObjectBuilder extends AbstractMap<String, Object> {
    private Object[] pairs;
    private int used;

    public ObjectBuilder(int expectedSize) {
      pairs = new Object[2 * Math.max(1, expectedSize)];
    }

    @Override
    public Object put(String key, Object value) {
      java.util.Objects.requireNonNull(key, "key");
      for (int i = 0; i < used; i += 2) {
        if (pairs[i].equals(key)) {
          Object old = pairs[i + 1];
          pairs[i + 1] = value;
          return old;
        }
      }
      if (used == pairs.length) {
        pairs = java.util.Arrays.copyOf(pairs, 2 * pairs.length);
      }
      pairs[used++] = key;
      pairs[used++] = value;
      return null;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return build().entrySet();
    }

    /** The object as it is now, deeply compact and immutable (later puts do not change it). */
    public Map<String, Object> build() {
      Object[] copy = java.util.Arrays.copyOf(pairs, used);
      for (int i = 1; i < copy.length; i += 2) {
        copy[i] = of(copy[i]); // values that are already compact are shared
      }
      return new ObjectNode(copy, true);
    }
  }

  /** A JSON object: keys at even, values at odd positions of one array. */
  static final class ObjectNode extends AbstractMap<String, Object> {
    private final Object[] pairs;
    /** False for a {@link #shallow} copy, whose nested maps and lists may still change. */
    private final boolean deep;

    private ObjectNode(Object[] pairs, boolean deep) {
      this.pairs = pairs;
      this.deep = deep;
    }

    @Override
    public int size() {
      return pairs.length / 2;
    }

    String key(int index) {
      return (String) pairs[2 * index];
    }

    Object value(int index) {
      return pairs[2 * index + 1];
    }

    @Override
    public Object get(Object key) {
      int at = indexOf(key);
      return at < 0 ? null : pairs[at + 1];
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    /** A new view per call: AbstractMap would keep one in a field of every object. */
    @Override
    public java.util.Collection<Object> values() {
      return new java.util.AbstractList<>() {
        @Override
        public Object get(int index) {
          return pairs[2 * index + 1];
        }

        @Override
        public int size() {
          return pairs.length / 2;
        }
      };
    }

    /** A new view per call, like {@link #values()}. */
    @Override
    public Set<String> keySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<String> iterator() {
          return new Pairs<>(i -> (String) pairs[i]);
        }

        @Override
        public int size() {
          return pairs.length / 2;
        }

        @Override
        public boolean contains(Object key) {
          return indexOf(key) >= 0;
        }
      };
    }

    /** Iterates over the pairs: {@code at} makes the element from the position of a key. */
    private final class Pairs<T> implements Iterator<T> {
      private final java.util.function.IntFunction<T> at;
      private int next;

      Pairs(java.util.function.IntFunction<T> at) {
        this.at = at;
      }

      @Override
      public boolean hasNext() {
        return next < pairs.length;
      }

      @Override
      public T next() {
        if (next >= pairs.length) {
          throw new NoSuchElementException();
        }
        T element = at.apply(next);
        next += 2;
        return element;
      }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return pairs.length / 2;
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Pairs<>(i -> new SimpleImmutableEntry<>((String) pairs[i], pairs[i + 1]));
        }
      };
    }
  }

  /** A JSON array. */
  static final class ArrayNode extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    private ArrayNode(Object[] items) {
      this.items = items;
    }

    @Override
    public Object get(int index) {
      return items[index];
    }

    @Override
    public int size() {
      return items.length;
    }
  }
}
