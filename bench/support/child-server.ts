import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';

export interface ChildServer {
  readonly process: ChildProcess;
  readonly port: number;
  /** From spawning the process to the first 200 of its readiness route. */
  readonly readyMs: number;
  /** Peak resident set of the process so far (Linux VmHWM), in MiB; null elsewhere. */
  peakRssMiB(): number | null;
  stop(): Promise<void>;
}

/** Starts a server script in its own Node process (its own core, apart from the load generator) and waits until it is ready. */
export async function startChildServer(
  script: string,
  options: { port: number; env?: Record<string, string>; readyPath: string; args?: string[] },
): Promise<ChildServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.args ?? []), script], {
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${script} exited before it was ready`);
    if ((await statusOf(options.port, options.readyPath)) === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = Math.round(performance.now() - started);
  return {
    process: child,
    port: options.port,
    readyMs,
    peakRssMiB: () => {
      try {
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

export function getJson(port: number, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    }).on('error', reject);
  });
}

/** User + system CPU seconds the server's process has used so far (Linux /proc); NaN elsewhere. */
export function cpuSecondsOf(server: ChildServer): number {
  try {
    const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
