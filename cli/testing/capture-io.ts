// An Io that reads the real file system but collects output, for CLI tests over fixture folders.
import { processIo, type Io } from '../io.ts';

export function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    ...processIo,
    stdout: '',
    stderr: '',
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    writeFile() { throw new Error('tests do not write files'); },
  };
  return io;
}
