import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../config.js';

/**
 * `npm run bench`: the embedded system (`npm start`: one process, PGlite) on a busy machine, offered
 * more mixed reads than it can answer (issue 15 §6). Busy means twice as many CPU-bound processes
 * as cores besides it. Once with the admission line turned off, once as shipped; each run prints how
 * many answers came, how many were turned away with 503 SERVICE_BUSY and how many clients gave up
 * after 10 s. Without the line every request waits its turn, later and later, until most time out;
 * with it the excess is told to come back (Retry-After) and the rest is answered in time.
 */

const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

const CLIENT_TIMEOUT_MS = 10_000;
const PORT = 4600 + Math.floor(Math.random() * 300);
const base = `http://127.0.0.1:${PORT}`;

const CARD = 'id title summary format language hours priceCents hasDate nextSessionStartsAt topic { id name }';
const graphql = (query: string, variables?: Record<string, unknown>) => ({
  path: '/graphql',
  init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) } as RequestInit,
});

/** What the portal asks for, in the shares people ask for it. */
function requestMix(courseIds: string[]): [string, number, () => { path: string; init: RequestInit }][] {
  return [
    [
      'catalog',
      30,
      () => graphql(`query($page: Int!) { courses(page: $page, perPage: 20) { total items { ${CARD} } } }`, { page: 1 + Math.floor(Math.random() * 3) }),
    ],
    ['search', 10, () => graphql(`{ courses(filter: { q: "vad" }, perPage: 20) { total items { ${CARD} } } }`)],
    ['upcoming', 10, () => graphql(`{ courses(filter: { hasDate: true }, sort: { field: NEXT_DATE, order: ASC }, perPage: 6) { items { ${CARD} } } }`)],
    [
      'course',
      25,
      () =>
        graphql(
          `
            query ($id: ID!) {
              course(id: $id) {
                id
                title
                description
                hours
                openGroups {
                  id
                  seatsLeft
                  sessions {
                    startsAt
                    endsAt
                    place {
                      localName
                      address
                    }
                    lecturer {
                      name
                    }
                  }
                }
              }
            }
          `,
          { id: courseIds[Math.floor(Math.random() * courseIds.length)] },
        ),
    ],
    ['topics', 10, () => graphql('{ topics(perPage: 100) { items { id name } } }')],
    ['portal page', 10, () => ({ path: '/', init: {} })],
    ['health', 5, () => ({ path: '/health', init: {} })],
  ];
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the system did not start within 3 minutes');
}

function startSystem(dataDir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(repoRoot, 'api/dist/main.js')], {
    // As `npm start` runs it: development mode, demo data.
    env: { ...process.env, NODE_ENV: 'development', PORT: String(PORT), HOST: '127.0.0.1', MPS_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stopSystem(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU-bound processes that keep every core busy, as other work on a shared machine does. */
function busyMachine(): ChildProcess[] {
  return Array.from({ length: os.availableParallelism() * 2 }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

interface Outcome {
  answered: number;
  busy: number;
  gaveUp: number;
  other: number;
  p50: number;
  p95: number;
}

/** Open loop: RATE requests a second whatever the answers, as people arrive. */
async function offerLoad(courseIds: string[]): Promise<Outcome> {
  const mix = requestMix(courseIds);
  const total = mix.reduce((sum, [, share]) => sum + share, 0);
  const pick = () => {
    let r = Math.random() * total;
    for (const entry of mix) if ((r -= entry[1]) < 0) return entry;
    return mix[0];
  };
  const outcome: Outcome = { answered: 0, busy: 0, gaveUp: 0, other: 0, p50: 0, p95: 0 };
  const latencies: number[] = [];
  const one = async () => {
    const { path: at, init } = pick()[2]();
    const began = performance.now();
    try {
      const response = await fetch(base + at, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
      const text = await response.text();
      if (response.status === 503 && text.includes('SERVICE_BUSY') && response.headers.get('retry-after')) outcome.busy += 1;
      else if (response.ok && !text.startsWith('{"errors"')) outcome.answered += 1;
      else outcome.other += 1;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') outcome.gaveUp += 1;
      else outcome.other += 1;
    }
    latencies.push(performance.now() - began);
  };
  const started = performance.now();
  const sent: Promise<void>[] = [];
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    while (sent.length < due) sent.push(one());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(sent);
  latencies.sort((a, b) => a - b);
  outcome.p50 = Math.round(latencies[Math.floor(latencies.length * 0.5)]);
  outcome.p95 = Math.round(latencies[Math.floor(latencies.length * 0.95)]);
  return outcome;
}

async function run(name: string, dataDir: string, env: Record<string, string>): Promise<string> {
  const system = startSystem(dataDir, env);
  try {
    await waitForHealth();
    const first = (await (await fetch(`${base}/graphql`, graphql('{ courses(perPage: 100) { items { id } } }').init)).json()) as {
      data: { courses: { items: { id: string }[] } };
    };
    const burners = busyMachine();
    try {
      const o = await offerLoad(first.data.courses.items.map((course) => course.id));
      const sent = o.answered + o.busy + o.gaveUp + o.other;
      const share = (n: number) => `${n} (${Math.round((100 * n) / sent)} %)`;
      return `${name.padEnd(34)} answered ${share(o.answered).padEnd(11)} 503 busy ${share(o.busy).padEnd(11)} gave up after 10 s ${share(o.gaveUp).padEnd(11)} other ${o.other}   p50 ${o.p50} ms  p95 ${o.p95} ms`;
    } finally {
      burners.forEach((burner) => burner.kill('SIGKILL'));
    }
  } finally {
    await stopSystem(system);
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mps-overload-'));
try {
  // The first start migrates and loads the demo data; both runs then start warm from the same folder.
  const first = startSystem(dataDir, {});
  await waitForHealth();
  await stopSystem(first);
  const rows = [
    await run('no admission line', dataDir, { MPS_LIMIT_CONCURRENT_REQUESTS: '10000', MPS_LIMIT_QUEUE_LENGTH: '100000' }),
    await run('admission line (as shipped)', dataDir, {}),
  ];
  console.log(`\noverload: embedded database, ${RATE} mixed reads/s for ${SECONDS} s, ${os.availableParallelism() * 2} CPU-bound processes beside it`);
  rows.forEach((row) => console.log(row));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
