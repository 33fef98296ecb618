package io.pipeshift.ir;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The components, accessors and canonical constructor of a record class, looked up once per class.
 * Everything that walks IR records generically (the YAML reader and writer, reference rewriting, the
 * emitters' generic field walks) goes through here: {@link Class#getRecordComponents()} builds new
 * reflection objects on every call, which made reading a large pipeline spend most of its time in
 * reflection.
 */
public final class RecordShape {

  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  private final Class<?> type;
  private final RecordComponent[] components;
  private final Method[] accessors;
  private final Type[] genericTypes;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    this.type = type;
    this.components = type.getRecordComponents();
    this.accessors = new Method[components.length];
    this.genericTypes = new Type[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
      genericTypes[i] = components[i].getGenericType();
      types[i] = components[i].getType();
    }
    try {
      this.constructor = type.getDeclaredConstructor(types);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type + " has no canonical constructor", e);
    }
  }

  public static RecordShape of(Class<?> recordType) {
    return SHAPES.get(recordType);
  }

  public Class<?> type() {
    return type;
  }

  public int size() {
    return components.length;
  }

  public RecordComponent component(int index) {
    return components[index];
  }

  public List<RecordComponent> components() {
    return List.of(components);
  }

  public String name(int index) {
    return components[index].getName();
  }

  public Type genericType(int index) {
    return genericTypes[index];
  }

  /** The value of component {@code index} of {@code record} (which must be of this shape's type). */
  public Object get(Record record, int index) {
    try {
      return accessors[index].invoke(record);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("accessor " + accessors[index] + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new record from its component values. Throws {@link InvocationTargetException} when the record's
   * constructor rejects them (its compact constructor checks invariants).
   */
  public Object construct(Object[] args) throws InvocationTargetException {
    try {
      return constructor.newInstance(args);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  /** {@link #construct} for callers that pass values the record accepts by construction. */
  public Object rebuild(Object[] args) {
    try {
      return construct(args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot rebuild " + type.getName(), e.getCause());
    }
  }
}
