import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';

/** What the benchmarks read of other processes (Linux /proc) and how they start servers as children. */

/** User + system CPU of a process so far, in milliseconds (0 once it is gone). */
export function cpuMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // After "pid (comm) ": state is field 0, utime 11, stime 12, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : NaN;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `command args` and waits for the line "READY <url>" it prints once it listens. */
export function startChildServer(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): Promise<ChildServer> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': the process may have ended before the last of what it wrote was read.
    child.once('close', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(output);
      if (!ready) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      child.removeAllListeners('close');
      resolve({
        url: ready[1],
        pid: child.pid!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    });
  });
}

/**
 * The CPU a PostgreSQL server's processes (its postmaster and the postmaster's children: backends,
 * writers) use from the call on: `postgresCpu(url)` returns a function that starts a count, and
 * that count's function gives the milliseconds so far. Null when the server does not run on this
 * machine (its data folder is not readable here). A process that ends meanwhile takes its share along.
 */
export async function postgresCpu(databaseUrl: string): Promise<(() => () => number) | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let dataDirectory: string;
  try {
    dataDirectory = (await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`)).rows[0].dir;
  } catch {
    return null;
  } finally {
    await client.end();
  }
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const snapshot = () => {
    const used = new Map<number, number>([[postmaster, cpuMs(postmaster)]]);
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]);
        if (parent === postmaster) used.set(Number(entry), cpuMs(Number(entry)));
      } catch {
        // gone meanwhile
      }
    }
    return used;
  };
  return () => {
    const start = snapshot();
    return () => [...snapshot()].reduce((sum, [pid, ms]) => sum + ms - (start.get(pid) ?? 0), 0);
  };
}
