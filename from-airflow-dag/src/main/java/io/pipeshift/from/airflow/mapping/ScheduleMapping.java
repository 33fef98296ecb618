package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.ir.Trigger;
import io.pipeshift.time.CronExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DAG's {@code schedule} (or Airflow 2's {@code schedule_interval}/{@code timetable}) -> IR triggers. A cron
 * or preset is a cron trigger in the start date's time zone (Airflow evaluates crons there); a timedelta a
 * rate; {@code None} a manual trigger; assets an event pattern ({@code source: [airflow.asset]}); the cron
 * and delta timetables their cron or rate. {@code @once}, {@code @continuous} and custom timetables have no
 * IR form: a note, and the value stays in the pipeline's extensions.
 */
final class ScheduleMapping {

  private final MappingContext ctx;
  private final DagNode dag;

  ScheduleMapping(MappingContext ctx, DagNode dag) {
    this.ctx = ctx;
    this.dag = dag;
  }

  List<Trigger> triggers() {
    Map<String, PyValue> kw = dag.kwargs();
    PyValue schedule = kw.containsKey("schedule") ? kw.get("schedule")
        : kw.containsKey("schedule_interval") ? kw.get("schedule_interval") : kw.get("timetable");
    List<Trigger> out = new ArrayList<>();
    if (schedule == null || schedule == PyValue.None.NONE) {
      out.add(new Trigger.Manual());
      return out;
    }
    add(schedule, zone(), out);
    return out;
  }

  /** The DAG's time zone: its start date's, else {@code timezone=}, else UTC. */
  private String zone() {
    if (dag.kwargs().get("start_date") instanceof PyValue.DateTime d && d.timezone() != null) {
      return d.timezone();
    }
    PyValue defaults = dag.kwargs().get("default_args");
    if (defaults instanceof PyValue.Dict dd && dd.get("start_date") instanceof PyValue.DateTime d && d.timezone() != null) {
      return d.timezone();
    }
    if (dag.kwargs().get("timezone") instanceof PyValue.Str s) {
      return s.value();
    }
    return "UTC";
  }

  private void add(PyValue schedule, String zone, List<Trigger> out) {
    if (schedule instanceof PyValue.Str s) {
      cron(s.value(), zone, out);
    } else if (schedule instanceof PyValue.Timedelta t) {
      if (t.value().isZero() || t.value().isNegative()) {
        unsupported("a schedule of " + t.value());
      } else {
        out.add(new Trigger.Rate(t.value()));
      }
    } else if (schedule instanceof PyValue.Asset a) {
      assets(a.operator(), a.names(), out);
    } else if (schedule instanceof PyValue.PyList || schedule instanceof PyValue.Tuple) {
      List<String> names = new ArrayList<>();
      List<PyValue> items = schedule instanceof PyValue.PyList l ? l.items() : ((PyValue.Tuple) schedule).items();
      for (PyValue i : items) {
        if (i instanceof PyValue.Asset a) {
          names.addAll(a.names());
        } else if (i instanceof PyValue.Str s) {
          names.add(s.value());
        }
      }
      assets("all", names, out);
    } else if (schedule instanceof PyValue.Instance i) {
      timetable(i, zone, out);
    } else {
      unsupported("the schedule `" + describe(schedule) + "`");
    }
  }

  private void cron(String text, String zone, List<Trigger> out) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("@once") || lower.equals("@continuous")) {
      ctx.note(ImportNote.SCHEDULE, null, dag.line(), dag.column(), "schedule " + t
          + " has no IR trigger; the pipeline is started by hand (kept in extensions.airflow.schedule)");
      out.add(new Trigger.Manual());
      return;
    }
    String expr = lower.equals("@annually") ? "@yearly" : lower.equals("@midnight") ? "@daily" : t;
    try {
      out.add(new Trigger.Cron(CronExpression.parse(expr), zone));
    } catch (IllegalArgumentException bad) {
      unsupported("the cron `" + t + "` (" + bad.getMessage() + ")");
    }
  }

  private void assets(String operator, List<String> names, List<Trigger> out) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("asset", new ArrayList<Object>(names));
    if (names.size() > 1) {
      detail.put("condition", operator.equals("any") ? "any" : "all");
    }
    Map<String, Object> pattern = new LinkedHashMap<>();
    pattern.put("source", List.of("airflow.asset"));
    pattern.put("detail-type", List.of("Asset Updated"));
    pattern.put("detail", detail);
    out.add(new Trigger.Event(pattern));
    ctx.note(ImportNote.ASSET_SCHEDULE, null, dag.line(), dag.column(), "the DAG runs when the asset(s) " + names
        + " are updated (" + (names.size() > 1 ? operator + " of them" : "data-aware schedule")
        + "); the IR holds it as an event pattern that no AWS service emits by itself");
  }

  private void timetable(PyValue.Instance i, String zone, List<Trigger> out) {
    String name = i.qualifiedName().substring(i.qualifiedName().lastIndexOf('.') + 1);
    String tz = i.kwargs().get("timezone") instanceof PyValue.Str s ? s.value() : zone;
    switch (name) {
      case "CronTriggerTimetable", "CronDataIntervalTimetable" -> {
        PyValue c = i.args().isEmpty() ? i.kwargs().get("cron") : i.args().get(0);
        if (c instanceof PyValue.Str s) {
          cron(s.value(), tz, out);
          return;
        }
      }
      case "MultipleCronTriggerTimetable" -> {
        boolean all = !i.args().isEmpty();
        for (PyValue c : i.args()) {
          all &= c instanceof PyValue.Str;
        }
        if (all) {
          i.args().forEach(c -> cron(((PyValue.Str) c).value(), tz, out));
          return;
        }
      }
      case "DeltaTriggerTimetable", "DeltaDataIntervalTimetable" -> {
        PyValue d = i.args().isEmpty() ? i.kwargs().get("delta") : i.args().get(0);
        if (d instanceof PyValue.Timedelta t) {
          out.add(new Trigger.Rate(t.value()));
          return;
        }
      }
      case "AssetOrTimeSchedule", "DatasetOrTimeSchedule" -> {
        PyValue t = i.kwargs().get("timetable");
        PyValue a = i.kwargs().containsKey("assets") ? i.kwargs().get("assets") : i.kwargs().get("datasets");
        if (t != null) {
          add(t, zone, out);
        }
        if (a != null) {
          add(a, zone, out);
        }
        return;
      }
      default -> { }
    }
    unsupported("the timetable `" + i.asUnresolved().source() + "`");
  }

  private void unsupported(String what) {
    ctx.note(ImportNote.SCHEDULE, null, dag.line(), dag.column(), what
        + " has no IR trigger; it is kept in extensions.airflow.schedule and the pipeline is started by hand");
    ctx.construct("schedule");
  }

  private static String describe(PyValue v) {
    if (v instanceof PyValue.Unresolved u) {
      return u.source();
    }
    return Optional.ofNullable(v).map(Object::toString).orElse("None");
  }
}
