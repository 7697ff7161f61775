// The CLI's window on the world: output streams and files, injectable so commands are testable.
import fs from 'node:fs';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  exists(path: string): boolean;
  readDir(path: string): string[];
}

// A reader that closes the pipe early (`kaoping eval … | head`) is not an error of ours:
// stop writing quietly instead of dying with EPIPE.
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') stdoutClosed = true;
  else throw e;
});

export const processIo: Io = {
  out: text => { if (!stdoutClosed) process.stdout.write(text); },
  err: text => process.stderr.write(text),
  readFile: path => fs.readFileSync(path, 'utf8'),
  writeFile: (path, text) => fs.writeFileSync(path, text),
  exists: path => fs.existsSync(path),
  readDir: path => fs.readdirSync(path).sort(),
};

/** Collects output in memory; for tests. */
export function memoryIo(files: Record<string, string> = {}): Io & { stdout: string; stderr: string; files: Record<string, string> } {
  const io = {
    stdout: '',
    stderr: '',
    files,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    readFile(path: string) {
      if (!(path in io.files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return io.files[path];
    },
    writeFile(path: string, text: string) { io.files[path] = text; },
    exists: (path: string) => path in io.files || Object.keys(io.files).some(f => f.startsWith(path.replace(/\/$/, '') + '/')),
    readDir(path: string) {
      const prefix = path.replace(/\/$/, '') + '/';
      const names = new Set<string>();
      for (const f of Object.keys(io.files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      return [...names].sort();
    },
  };
  return io;
}

/** A usage error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
