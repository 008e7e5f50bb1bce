import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { cpuMs, exited, freePort, rssMb } from './bench-process.js';

/**
 * `npm run bench` (issue 16): how long `node api/dist/main.js` takes from its start to a 200 on
 * /health in embedded mode (PGlite in a data folder), the CPU it spent on the way, what the process
 * said about its own start phases, and its resident memory once idle. Cold: an empty data folder
 * (migrations, demo data, the development sign-in key). Warm: the same folder again, as every
 * later `npm start` finds it. Goal: warm under 3 s.
 */

const WARM_RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const WARM_GOAL_MS = 3000;
const IDLE_MS = 3000;
const main = path.join(repoRoot, 'api/dist/main.js');

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

interface Start {
  wallMs: number;
  cpuMs: number;
  idleRssMb: number;
  phases: string;
}

async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'development', MPS_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), MPS_LOG_FORMAT: 'readable' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const health = `http://127.0.0.1:${port}/health`;
    while (!(await healthy(health))) {
      if (child.exitCode !== null) throw new Error(`MPS exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - began > 120_000) throw new Error(`No 200 on /health within 120 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const wallMs = performance.now() - began;
    const cpu = cpuMs(child.pid!);
    // Idle: the job worker polls, nothing else happens; what stays resident is what a small machine must hold.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleRssMb = rssMb(child.pid!);
    const phases = /Started in .*/.exec(output)?.[0] ?? '(no phase line)';
    return { wallMs, cpuMs: cpu, idleRssMb, phases };
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-start-bench-'));
  try {
    const row = (name: string, s: Start) =>
      `${name.padEnd(6)} ${(s.wallMs / 1000).toFixed(2).padStart(6)} s wall   ${(s.cpuMs / 1000).toFixed(2).padStart(5)} s CPU   idle RSS ${s.idleRssMb.toFixed(0).padStart(4)} MB   ${s.phases}`;
    console.log(`\nstart of the embedded instance (node api/dist/main.js, PGlite in a data folder) until /health answers 200; ${os.cpus().length} cores`);
    const cold = await startOnce(dataDir);
    console.log(row('cold', cold));
    const warm: Start[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      warm.push(await startOnce(dataDir));
      console.log(row('warm', warm[i]));
    }
    const wall = median(warm.map((s) => s.wallMs));
    console.log(
      `warm start median ${(wall / 1000).toFixed(2)} s (goal < ${WARM_GOAL_MS / 1000} s: ${wall < WARM_GOAL_MS ? 'met' : 'NOT met'}), ` +
        `CPU ${(median(warm.map((s) => s.cpuMs)) / 1000).toFixed(2)} s, idle RSS ${median(warm.map((s) => s.idleRssMb)).toFixed(0)} MB`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await run();
