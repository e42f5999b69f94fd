import { spawn, type ChildProcess } from 'node:child_process';
import { cpuBetween, processTreeCpu, type ProcessCpu } from './processTree';

describe('processTreeCpu', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  it('finds a process started under this one and the CPU it spends', async () => {
    // Spins until told to stop on stdin: it uses CPU for as long as the test waits.
    child = spawn(
      process.execPath,
      [
        '-e',
        'let on = true; process.stdin.on("data", () => (on = false)); (function spin() { const end = Date.now() + 20; while (Date.now() < end); if (on) setImmediate(spin); })()',
      ],
      { stdio: ['pipe', 'ignore', 'ignore'] },
    );
    const pid = child.pid!;
    const reading = () => processTreeCpu().find((process) => process.pid === pid);

    let spun: ProcessCpu | undefined;
    while (!(spun = reading()) || spun.cpuMs < 100) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(spun.label).toBe('node');
    expect(processTreeCpu().some((process) => process.pid === globalThis.process.pid)).toBe(false);
  });
});

describe('cpuBetween', () => {
  it('sums the CPU used per label between two readings, counting new processes from zero', () => {
    const before: ProcessCpu[] = [
      { pid: 1, label: 'loans', cpuMs: 100 },
      { pid: 2, label: 'kafka', cpuMs: 500 },
    ];
    const after: ProcessCpu[] = [
      { pid: 1, label: 'loans', cpuMs: 160 },
      { pid: 2, label: 'kafka', cpuMs: 520 },
      { pid: 3, label: 'loans', cpuMs: 15 },
    ];

    expect(cpuBetween(before, after)).toEqual(
      new Map([
        ['loans', 75],
        ['kafka', 20],
      ]),
    );
  });
});
