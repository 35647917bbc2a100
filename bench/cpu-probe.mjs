// Preloaded (`--import`) into the start-up subjects: writes the process's own CPU time to
// $GL_BENCH_CPU_FILE when it exits or is stopped with SIGTERM. CPU time is far less sensitive
// than wall time to other work on a shared machine.
import { writeFileSync } from 'node:fs';

const file = process.env.GL_BENCH_CPU_FILE;
if (file) {
  const report = () => {
    const usage = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (usage.user + usage.system) / 1000 }));
  };
  process.on('exit', report);
  process.on('SIGTERM', () => process.exit(143));
}
