// Run an Amazon States Language machine locally with aws-local-stepfunctions, every Task mocked.
//
// Usage: node_modules/.bin/node oracles/scripts/run_asl.mjs < request.json      (needs Node 22)
//
// stdin: {"definition": {...ASL...}, "input": {...},
//         "fail":    {"StateName": {"times": 2, "error": "States.TaskFailed", "cause": "..."}
//                     | {"always": true, "error": "...", "cause": "..."}},   (optional)
//         "results": {"StateName": <value the Task returns instead of its input>},   (optional)
//         "timeoutMs": 30000}                                                         (optional)
// stdout: {"status": "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED", "output": ..., "error": ...,
//          "cause": ..., "calls": ["A", "A", "B"], "callLog": [{"state": "A", "input": ...}],
//          "events": [{"type": "StateRetried", "state": "A"}, ...]}
//   FAILED: the execution failed (error/cause from the failing state). TIMED_OUT: the machine's own
//   TimeoutSeconds elapsed. ABORTED: this script's watchdog (timeoutMs) stopped a run that hung.
// Exit 0 whenever a status was printed; 2 for a bad request or a definition the library rejects.
//
// Every Task state, including those nested in Parallel branches and Map item processors, is overridden
// with a local handler (the library would otherwise invoke each Resource as a Lambda function): it
// appends {state, input} to the call log and returns its input (or results[state]), or throws the
// configured error for the first `times` calls (every call with "always"). Retry intervals and Wait
// durations are overridden to 0 ms so retries and waits are instant.
import { readFileSync } from 'node:fs';
import {
  StateMachine,
  ExecutionError,
  ExecutionTimeoutError,
  ExecutionAbortedError,
} from 'aws-local-stepfunctions';

function usage(message) {
  process.stderr.write(`run_asl.mjs: ${message}\n`);
  process.exit(2);
}

// On Node 20 the library hits a missing Promise.withResolvers, and States.ALL catches that error:
// the run "works" with wrong results. Refuse instead.
if (Number(process.versions.node.split('.')[0]) < 22) {
  usage(`Node ${process.versions.node} gives wrong results; run with node_modules/.bin/node (22)`);
}

let request;
try {
  request = JSON.parse(readFileSync(0, 'utf8'));
} catch (e) {
  usage(`stdin is not JSON: ${e.message}`);
}
const { definition, input = {}, fail = {}, results = {}, timeoutMs = 30000 } = request;
if (!definition || typeof definition !== 'object' || !definition.States) {
  usage('request has no "definition" object with "States"');
}

// Walk the machine (recursively) and build the overrides.
const taskResourceLocalHandlers = {};
const retryIntervalOverrides = {};
const waitTimeOverrides = {};
const callLog = [];
const failuresSoFar = {};

function mockTask(name) {
  return async (taskInput) => {
    callLog.push({ state: name, input: taskInput });
    const f = fail[name];
    failuresSoFar[name] ??= 0;
    if (f && (f.always || failuresSoFar[name] < (f.times ?? 1))) {
      failuresSoFar[name]++;
      const err = new Error(f.cause ?? `injected failure #${failuresSoFar[name]} of ${name}`);
      err.name = f.error ?? 'States.TaskFailed'; // Retry/Catch match on the error's name
      throw err;
    }
    return name in results ? results[name] : taskInput;
  };
}

function walk(machine) {
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    if (state.Type === 'Task') taskResourceLocalHandlers[name] = mockTask(name);
    if (['Task', 'Parallel', 'Map'].includes(state.Type)) retryIntervalOverrides[name] = 0;
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (state.Type === 'Parallel') (state.Branches ?? []).forEach(walk);
    if (state.Type === 'Map') walk(state.ItemProcessor ?? state.Iterator ?? {});
  }
}
walk(definition);
for (const name of Object.keys(fail)) {
  if (!(name in taskResourceLocalHandlers)) usage(`"fail" names ${name}, which is not a Task state`);
}

let machine;
try {
  machine = new StateMachine(definition);
} catch (e) {
  usage(`aws-local-stepfunctions rejected the definition: ${e.message}`);
}

const execution = machine.run(input, {
  overrides: { taskResourceLocalHandlers, retryIntervalOverrides, waitTimeOverrides },
});

// Compact event trail (state entered/retried/caught/failed...), collected while the machine runs.
const events = [];
const eventsDone = (async () => {
  for await (const ev of execution.eventLogs) {
    const e = { type: ev.type };
    if (ev.state) e.state = ev.state.name;
    if (ev.Error !== undefined) e.error = ev.Error;
    events.push(e);
  }
})().catch(() => {});

// Watchdog: abort a run that takes too long, and exit even if the abort does not settle it.
const watchdog = setTimeout(() => execution.abort(), timeoutMs);
const hardStop = setTimeout(() => {
  print({ status: 'ABORTED', output: null, error: 'Watchdog', cause: `no result after ${timeoutMs} ms` });
  process.exit(0);
}, timeoutMs + 5000);
hardStop.unref();

const result = { status: 'SUCCEEDED', output: null, error: null, cause: null };
try {
  result.output = await execution.result;
} catch (e) {
  result.status = 'FAILED';
  if (e instanceof ExecutionTimeoutError) {
    Object.assign(result, { status: 'TIMED_OUT', error: 'States.Timeout', cause: e.message });
  } else if (e instanceof ExecutionAbortedError) {
    Object.assign(result, { status: 'ABORTED', error: 'Watchdog', cause: `no result after ${timeoutMs} ms` });
  } else if (e instanceof ExecutionError && e.cause) {
    Object.assign(result, { error: e.cause.name, cause: e.cause.message });
  } else {
    Object.assign(result, { error: e?.name ?? 'Error', cause: e?.message ?? String(e) });
  }
}
clearTimeout(watchdog);
await Promise.race([eventsDone, new Promise((r) => setTimeout(r, 1000))]);
print(result);
process.exit(0);

function print(r) {
  process.stdout.write(
    JSON.stringify({ ...r, calls: callLog.map((c) => c.state), callLog, events }, null, 1) + '\n',
  );
}
