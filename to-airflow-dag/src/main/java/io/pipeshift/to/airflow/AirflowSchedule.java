package io.pipeshift.to.airflow;

import io.pipeshift.ir.Trigger;
import io.pipeshift.time.CronExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IR triggers -> the DAG's {@code schedule}, {@code start_date} and {@code catchup}. The first cron or rate
 * becomes the schedule (a cron in the IR's Unix dialect is already Airflow's; presets Airflow lacks are
 * expanded), its time zone becomes the start date's (Airflow evaluates a cron in the start date's zone), the
 * start date is fixed (2024-01-01) so the file is deterministic, and catchup is off. Manual triggers need
 * nothing; event triggers and further schedules become notes.
 */
final class AirflowSchedule {

  /** The fixed start date of every generated DAG. */
  static final int[] START = {2024, 1, 1};

  private static final Set<String> AIRFLOW_PRESETS = Set.of("@hourly", "@daily", "@weekly", "@monthly", "@yearly");
  private static final Map<String, String> PRESET_ALIASES = Map.of("@annually", "@yearly", "@midnight", "@daily");

  private final AirflowFile file;
  private final AirflowRetries retries;

  AirflowSchedule(AirflowFile file, AirflowRetries retries) {
    this.file = file;
    this.retries = retries;
  }

  /** The {@code @dag(...)} keyword arguments for the schedule. */
  List<PyExpr.Kwarg> arguments() {
    PyExpr schedule = PyExpr.none();
    String timezone = "UTC";
    boolean scheduled = false;
    List<String> extra = new ArrayList<>();
    for (Trigger t : file.pipeline.triggers()) {
      if (t instanceof Trigger.Cron c) {
        if (scheduled) {
          extra.add("cron " + c.cron().text());
          continue;
        }
        schedule = PyExpr.str(airflowCron(c.cron()));
        timezone = zone(c.timezone());
        scheduled = true;
      } else if (t instanceof Trigger.Rate r) {
        if (scheduled) {
          extra.add("rate " + io.pipeshift.time.Durations.format(r.every()));
          continue;
        }
        schedule = retries.timedelta(r.every());
        scheduled = true;
      } else if (t instanceof Trigger.Event e) {
        file.note(AirflowNote.EVENT_TRIGGER, null, "pattern on " + e.pattern().keySet()
            + "; an EventBridge rule can call the Airflow REST API to trigger the DAG");
      }
    }
    if (!extra.isEmpty()) {
      file.note(AirflowNote.EXTRA_SCHEDULE, null, "dropped " + String.join(", ", extra));
    }
    PyName pendulum = file.module("pendulum");
    PyExpr start = PyExpr.call(PyExpr.attr(PyExpr.name(pendulum), "datetime"),
        List.of(PyExpr.number(START[0]), PyExpr.number(START[1]), PyExpr.number(START[2])),
        List.of(PyExpr.kw("tz", PyExpr.str(timezone))));
    return List.of(
        PyExpr.kw("schedule", schedule),
        PyExpr.kw("start_date", start),
        PyExpr.kw("catchup", PyExpr.bool(false)));
  }

  /** Whether the DAG gets a schedule (parameters then need defaults). */
  boolean isScheduled() {
    return file.pipeline.triggers().stream().anyMatch(t -> t instanceof Trigger.Cron || t instanceof Trigger.Rate);
  }

  /** The cron as Airflow (croniter) reads it: presets Airflow knows, else the five numeric fields. */
  static String airflowCron(CronExpression cron) {
    if (cron.isPreset()) {
      String p = cron.text().toLowerCase(java.util.Locale.ROOT);
      if (AIRFLOW_PRESETS.contains(p)) {
        return p;
      }
      if (PRESET_ALIASES.containsKey(p)) {
        return PRESET_ALIASES.get(p);
      }
    }
    CronExpression.Fields f = cron.fields();
    return String.join(" ", f.minute(), f.hour(), f.dayOfMonth(), f.month(), f.dayOfWeek());
  }

  /** An IANA region id pendulum knows; fixed-offset ids fall back to UTC with a note. */
  private String zone(String id) {
    if (id.matches("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*")) {
      return id;
    }
    file.note(AirflowNote.EXTRA_SCHEDULE, null, "time zone " + id + " is not a region id: UTC is used");
    return "UTC";
  }
}
