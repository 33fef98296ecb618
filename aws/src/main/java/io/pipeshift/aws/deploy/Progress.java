package io.pipeshift.aws.deploy;

import java.util.ArrayList;
import java.util.List;

/** Every change AWS accepted in this run, in order: reported exactly when a later call fails. */
final class Progress {
  private final List<String> done = new ArrayList<>();

  void did(String what) {
    done.add(what);
  }

  List<String> done() {
    return List.copyOf(done);
  }
}
