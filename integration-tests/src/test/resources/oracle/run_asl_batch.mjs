// Runs many state machines in one Node process with aws-local-stepfunctions, every Task handled locally.
// Written for pipeshift's importer trace tests: one process for all runs instead of one per run.
//
// Usage: node_modules/.bin/node run_asl_batch.mjs < runs.json     (Node 22, from inside the repository)
// stdin:  [{"definition": {...}, "input": {...}, "results": {"State": value},
//           "fail": {"State": {"times": n} | {"always": true}, "error": "Name"}}, ...]
// stdout: [{"status": "SUCCEEDED" | "FAILED" | "ABORTED", "error": name|null, "calls": ["State", ...]}, ...]
// A Task handler records its state's name, then fails as asked (the error's name is what Retry and Catch
// match) or returns results[state] (else its input). Retry intervals and waits are zero.
import { readFileSync } from 'node:fs';
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

if (Number(process.versions.node.split('.')[0]) < 22) {
  process.stderr.write('run_asl_batch.mjs needs Node 22 (older versions give wrong results)\n');
  process.exit(2);
}

const runs = JSON.parse(readFileSync(0, 'utf8'));
const answers = [];
for (const run of runs) {
  answers.push(await execute(run));
}
process.stdout.write(JSON.stringify(answers) + '\n');
process.exit(0);

async function execute({ definition, input = {}, results = {}, fail = {} }) {
  const calls = [];
  const failures = {};
  const handlers = {};
  const retries = {};
  const waits = {};
  const visit = (machine) => {
    for (const [name, state] of Object.entries(machine.States ?? {})) {
      if (state.Type === 'Task') {
        handlers[name] = async (taskInput) => {
          calls.push(name);
          const f = fail[name];
          failures[name] = (failures[name] ?? 0);
          if (f && (f.always || failures[name] < (f.times ?? 1))) {
            failures[name]++;
            const e = new Error(`injected failure of ${name}`);
            e.name = f.error ?? 'States.TaskFailed';
            throw e;
          }
          return name in results ? results[name] : taskInput;
        };
      }
      if (['Task', 'Parallel', 'Map'].includes(state.Type)) retries[name] = 0;
      if (state.Type === 'Wait') waits[name] = 0;
      (state.Branches ?? []).forEach(visit);
      if (state.Type === 'Map') visit(state.ItemProcessor ?? state.Iterator ?? {});
    }
  };
  visit(definition);
  let execution;
  try {
    execution = new StateMachine(definition).run(input, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: retries, waitTimeOverrides: waits },
    });
  } catch (e) {
    return { status: 'REJECTED', error: e.message, calls };
  }
  const watchdog = setTimeout(() => execution.abort(), 20000);
  try {
    await execution.result;
    return { status: 'SUCCEEDED', error: null, calls };
  } catch (e) {
    const error = e instanceof ExecutionError && e.cause ? e.cause.name : (e?.name ?? 'Error');
    return { status: e?.constructor?.name === 'ExecutionAbortedError' ? 'ABORTED' : 'FAILED', error, calls };
  } finally {
    clearTimeout(watchdog);
  }
}
