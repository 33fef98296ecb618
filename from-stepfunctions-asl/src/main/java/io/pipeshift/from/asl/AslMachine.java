package io.pipeshift.from.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.diag.Suggestions;
import io.pipeshift.document.JsonDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked state machine: every (sub)machine ("region": the top level, each Parallel branch, each Map
 * body) with its states, and every structural rule of the States Language the importer relies on (types,
 * Next/End, targets that exist in the same region, Choice rules, Retry/Catch shapes, names unique across the
 * whole machine). Each violation is a located diagnostic; reading stops only after all are collected.
 */
final class AslMachine {

  static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
  private static final Set<String> TERMINAL = Set.of("Choice", "Succeed", "Fail");

  /** One state, wherever it is nested. */
  record State(String name, JsonNode node, String pointer, Region region) {
    String type() {
      return node.path("Type").asText("");
    }

    Optional<String> next() {
      JsonNode n = node.get("Next");
      return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    boolean jsonata() {
      String own = node.path("QueryLanguage").asText("");
      return own.isEmpty() ? region.jsonata() : own.equals("JSONata");
    }
  }

  /** A (sub)machine: StartAt and States. */
  static final class Region {
    final String pointer;
    final String startAt;
    final Map<String, State> states = new LinkedHashMap<>();
    final Region parent;
    /** The Parallel or Map state this region is a branch or body of (null for the top level). */
    final State owner;
    private final boolean jsonata;

    Region(String pointer, String startAt, Region parent, boolean jsonata, State owner) {
      this.pointer = pointer;
      this.startAt = startAt;
      this.parent = parent;
      this.jsonata = jsonata;
      this.owner = owner;
    }

    boolean jsonata() {
      return jsonata;
    }

    State state(String name) {
      return states.get(name);
    }
  }

  final JsonDocument doc;
  Region root;
  final Map<String, State> all = new LinkedHashMap<>();
  /** Every region by its pointer ("" for the top level). */
  final Map<String, Region> regions = new LinkedHashMap<>();
  private final Diagnostics diagnostics;

  private AslMachine(JsonDocument doc, Diagnostics diagnostics) {
    this.doc = doc;
    this.diagnostics = diagnostics;
  }

  /** Reads and checks the machine; errors go to {@code diagnostics} (the caller throws). */
  static AslMachine read(JsonDocument doc, Diagnostics diagnostics) {
    JsonNode r = doc.root();
    if (!r.isObject() || !r.has("States")) {
      diagnostics.add(AslProblem.NOT_A_MACHINE.at(doc, "", describe(r)));
      diagnostics.throwIfErrors();
    }
    boolean jsonata = "JSONata".equals(r.path("QueryLanguage").asText(""));
    AslMachine m = new AslMachine(doc, diagnostics);
    m.root = m.region(r, "", null, jsonata, null);
    return m;
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isTextual() ? "text '" + n.asText() + "'" : "'" + n.asText() + "'";
  }

  private Region region(JsonNode machine, String pointer, Region parent, boolean jsonata, State owner) {
    String start = machine.path("StartAt").asText("");
    if (!machine.path("StartAt").isTextual()) {
      diagnostics.add(AslProblem.MISSING.at(doc, pointer, "StartAt", pointer.isEmpty() ? "the state machine" : "a branch"));
    }
    String ql = machine.path("QueryLanguage").asText("");
    boolean regionJsonata = ql.isEmpty() ? jsonata : ql.equals("JSONata");
    Region region = new Region(pointer, start, parent, regionJsonata, owner);
    regions.put(pointer, region);
    JsonNode states = machine.path("States");
    if (!states.isObject()) {
      diagnostics.add(AslProblem.EXPECTED.at(doc, pointer + "/States", "an object of states", describe(states)));
      return region;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String ptr = pointer + "/States/" + JsonDocument.escape(e.getKey());
      State s = new State(e.getKey(), e.getValue(), ptr, region);
      State earlier = all.get(e.getKey());
      if (earlier != null) {
        diagnostics.add(AslProblem.DUPLICATE_STATE.at(doc, ptr, e.getKey(), doc.at(earlier.pointer())));
        region.states.put(e.getKey(), s); // so transitions to it are not reported as well
        continue;
      }
      if (e.getKey().length() > 80) {
        diagnostics.add(AslProblem.NAME_TOO_LONG.warningAt(doc, ptr, e.getKey()));
      }
      all.put(e.getKey(), s);
      region.states.put(e.getKey(), s);
    }
    if (!start.isEmpty() && !region.states.containsKey(start)) {
      diagnostics.add(AslProblem.UNKNOWN_STATE.at(doc, pointer + "/StartAt", "StartAt", start)
          .withHint(Suggestions.didYouMean(start, region.states.keySet()).orElse(null)));
    }
    for (State s : List.copyOf(region.states.values())) {
      check(s);
    }
    return region;
  }

  private void check(State s) {
    JsonNode n = s.node();
    if (!n.isObject()) {
      diagnostics.add(AslProblem.EXPECTED.at(doc, s.pointer(), "a state object", describe(n)));
      return;
    }
    String type = s.type();
    if (!TYPES.contains(type)) {
      diagnostics.add(type.isEmpty()
          ? AslProblem.MISSING.at(doc, s.pointer(), "Type", "state '" + s.name() + "'")
          : AslProblem.UNKNOWN_TYPE.at(doc, s.pointer() + "/Type", type)
              .withHint(Suggestions.didYouMean(type, TYPES).orElse(null)));
      return;
    }
    if (!TERMINAL.contains(type)) {
      boolean end = n.path("End").asBoolean(false);
      if (n.has("Next") && end) {
        diagnostics.add(AslProblem.NEXT_AND_END.at(doc, s.pointer(), s.name()));
      } else if (!n.has("Next") && !end) {
        diagnostics.add(AslProblem.NO_NEXT.at(doc, s.pointer(), s.name()));
      }
      if (n.has("Next")) {
        target(s, n.get("Next"), s.pointer() + "/Next", "Next of state '" + s.name() + "'");
      }
    }
    switch (type) {
      case "Task" -> {
        JsonNode r = n.get("Resource");
        if (r == null || !r.isTextual() || r.asText().isEmpty()) {
          diagnostics.add(AslProblem.MISSING.at(doc, s.pointer(), "Resource", "Task state '" + s.name() + "'"));
        }
      }
      case "Choice" -> {
        JsonNode choices = n.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
          diagnostics.add(AslProblem.MISSING.at(doc, s.pointer(), "Choices", "Choice state '" + s.name() + "'"));
        } else {
          for (int i = 0; i < choices.size(); i++) {
            target(s, choices.get(i).get("Next"), s.pointer() + "/Choices/" + i + "/Next",
                "choice rule " + i + " of '" + s.name() + "'");
          }
        }
        if (n.has("Default")) {
          target(s, n.get("Default"), s.pointer() + "/Default", "Default of '" + s.name() + "'");
        }
      }
      case "Parallel" -> {
        JsonNode branches = n.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
          diagnostics.add(AslProblem.MISSING.at(doc, s.pointer(), "Branches", "Parallel state '" + s.name() + "'"));
        } else {
          for (int i = 0; i < branches.size(); i++) {
            region(branches.get(i), s.pointer() + "/Branches/" + i, s.region(), s.jsonata(), s);
          }
        }
      }
      case "Map" -> {
        String key = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode body = n.get(key);
        if (body == null || !body.isObject()) {
          diagnostics.add(AslProblem.MISSING.at(doc, s.pointer(), "ItemProcessor", "Map state '" + s.name() + "'"));
        } else {
          region(body, s.pointer() + "/" + key, s.region(), s.jsonata(), s);
        }
      }
      default -> { }
    }
    if (type.equals("Task") || type.equals("Parallel") || type.equals("Map")) {
      errorHandlers(s, "Retry", false);
      errorHandlers(s, "Catch", true);
    }
  }

  private void errorHandlers(State s, String key, boolean catcher) {
    JsonNode list = s.node().get(key);
    if (list == null) {
      return;
    }
    String ptr = s.pointer() + "/" + key;
    if (!list.isArray()) {
      diagnostics.add(AslProblem.BAD_RETRY.at(doc, ptr, key + " must be a list"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode h = list.get(i);
      String p = ptr + "/" + i;
      JsonNode errors = h.get("ErrorEquals");
      if (errors == null || !errors.isArray() || errors.isEmpty()) {
        diagnostics.add(AslProblem.BAD_RETRY.at(doc, p, "ErrorEquals must be a non-empty list of error names"));
      } else {
        for (int j = 0; j < errors.size(); j++) {
          if (errors.get(j).asText("").equals("States.ALL") && (j != errors.size() - 1 || i != list.size() - 1)) {
            diagnostics.add(AslProblem.BAD_RETRY.at(doc, p + "/ErrorEquals/" + j,
                "States.ALL must be alone and in the last " + (catcher ? "catcher" : "retrier")));
          }
        }
      }
      if (catcher) {
        target(s, h.get("Next"), p + "/Next", "catcher " + i + " of '" + s.name() + "'");
      } else {
        for (String num : List.of("MaxAttempts", "IntervalSeconds", "MaxDelaySeconds")) {
          if (h.has(num) && (!h.get(num).isIntegralNumber() || h.get(num).asLong() < 0)) {
            diagnostics.add(AslProblem.BAD_RETRY.at(doc, p + "/" + num, num + " must be a whole number of 0 or more"));
          }
        }
        if (h.has("BackoffRate") && (!h.get("BackoffRate").isNumber() || h.get("BackoffRate").asDouble() < 1.0)) {
          diagnostics.add(AslProblem.BAD_RETRY.at(doc, p + "/BackoffRate", "BackoffRate must be a number of 1.0 or more"));
        }
        String jitter = h.path("JitterStrategy").asText("NONE");
        if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
          diagnostics.add(AslProblem.BAD_RETRY.at(doc, p + "/JitterStrategy", "JitterStrategy must be FULL or NONE"));
        }
      }
    }
  }

  private void target(State from, JsonNode target, String pointer, String what) {
    if (target == null || !target.isTextual()) {
      diagnostics.add(AslProblem.MISSING.at(doc, pointer.substring(0, pointer.lastIndexOf('/')), "Next", what));
      return;
    }
    String name = target.asText();
    if (!from.region().states.containsKey(name)) {
      diagnostics.add(AslProblem.UNKNOWN_STATE.at(doc, pointer, what, name)
          .withHint(Suggestions.didYouMean(name, from.region().states.keySet()).orElse(null)));
    }
  }

  /** The states a state can go to next in its region (Next, Choice rules and Default), in order. */
  static List<String> successors(State s) {
    List<String> out = new ArrayList<>();
    if (s.type().equals("Choice")) {
      for (JsonNode rule : s.node().path("Choices")) {
        String n = rule.path("Next").asText("");
        if (!n.isEmpty() && !out.contains(n)) {
          out.add(n);
        }
      }
      String d = s.node().path("Default").asText("");
      if (!d.isEmpty() && !out.contains(d)) {
        out.add(d);
      }
    } else {
      s.next().ifPresent(out::add);
    }
    return out;
  }
}
