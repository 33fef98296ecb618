package io.pipeshift.aws;

import io.pipeshift.oracles.MotoServer;

/**
 * One moto server for all test classes of this JVM (its first answers take seconds while it loads its
 * service models); tests reset it before use. Closed when the JVM exits.
 */
public final class SharedMoto {

  private static MotoServer server;

  private SharedMoto() {}

  public static synchronized MotoServer get() {
    if (server == null) {
      server = MotoServer.start();
      MotoServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "shared-moto-close"));
    }
    return server;
  }

  /** The server, emptied. */
  public static MotoServer fresh() {
    MotoServer s = get();
    s.reset();
    return s;
  }
}
