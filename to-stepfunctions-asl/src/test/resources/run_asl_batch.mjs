// Runs many Amazon States Language machines in ONE Node process with aws-local-stepfunctions, every Task
// mocked (the batch form of oracles/scripts/run_asl.mjs, for property tests with hundreds of machines).
//
// Usage: node_modules/.bin/node run_asl_batch.mjs < requests.json        (Node 22; run from the repository)
//
// stdin: [{"id": "...", "definition": {...}, "input": {...},
//          "fail": {"State": {"times": 2, "error": "...", "cause": "..."} | {"always": true, ...}},
//          "results": {"State": <what the Task returns instead of its input>},
//          "context": {...context object...},  "timeoutMs": 20000}, ...]
// stdout: [{"id", "status": SUCCEEDED|FAILED|TIMED_OUT|ABORTED|REJECTED, "output", "error", "cause",
//           "calls": ["A", "B", ...], "ms": <wall time of the run>}, ...]   in request order.
// Every Task (nested ones included) appends its name to "calls" and returns its input (or results[state]),
// or throws the configured error for its first `times` calls (every call with "always"). Retry intervals
// and Wait states take 0 ms. REJECTED: the library refused the definition.
import { readFileSync } from 'node:fs';
import {
  StateMachine,
  ExecutionError,
  ExecutionTimeoutError,
  ExecutionAbortedError,
} from 'aws-local-stepfunctions';

if (Number(process.versions.node.split('.')[0]) < 22) {
  process.stderr.write(`run_asl_batch.mjs: Node ${process.versions.node} gives wrong results; use Node 22\n`);
  process.exit(2);
}

const requests = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const request of requests) {
  out.push(await runOne(request));
}
// exit only once stdout is flushed: a pipe takes 64 KiB at a time and exit() would cut the rest
process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));

async function runOne({ id, definition, input = {}, fail = {}, results = {}, context, timeoutMs = 20000 }) {
  const calls = [];
  const failures = {};
  const taskResourceLocalHandlers = {};
  const retryIntervalOverrides = {};
  const waitTimeOverrides = {};
  const mock = (name) => async (taskInput) => {
    calls.push(name);
    const f = fail[name];
    failures[name] ??= 0;
    if (f && (f.always || failures[name] < (f.times ?? 1))) {
      failures[name]++;
      const err = new Error(f.cause ?? `injected failure #${failures[name]} of ${name}`);
      err.name = f.error ?? 'States.TaskFailed';
      throw err;
    }
    return name in results ? results[name] : taskInput;
  };
  const walk = (machine) => {
    for (const [name, state] of Object.entries(machine.States ?? {})) {
      if (state.Type === 'Task') taskResourceLocalHandlers[name] = mock(name);
      if (['Task', 'Parallel', 'Map'].includes(state.Type)) retryIntervalOverrides[name] = 0;
      if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
      if (state.Type === 'Parallel') (state.Branches ?? []).forEach(walk);
      if (state.Type === 'Map') walk(state.ItemProcessor ?? state.Iterator ?? {});
    }
  };
  let machine;
  try {
    walk(definition);
    // The library would run its own copy of asl-validator here (an ajv schema compile per machine, ~0.2 s);
    // the tests validate every definition with asl-validator separately, so it is skipped.
    machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
  } catch (e) {
    return { id, status: 'REJECTED', output: null, error: e?.name ?? 'Error', cause: e?.message ?? String(e), calls };
  }
  const options = { overrides: { taskResourceLocalHandlers, retryIntervalOverrides, waitTimeOverrides } };
  if (context) options.context = context;
  const started = Date.now();
  const execution = machine.run(input, options);
  const watchdog = setTimeout(() => execution.abort(), timeoutMs);
  const result = { id, status: 'SUCCEEDED', output: null, error: null, cause: null, calls };
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
  result.ms = Date.now() - started;
  return result;
}
