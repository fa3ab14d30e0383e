// Files one script writes and another reads (`prepare.py` saves `features.parquet`, `train.py` loads and
// splits it): what the rows carried when written (statistics learned from all of them, augmented copies,
// time order) is still true of them when read back.
import type { Expr } from '../python/ast.js';
import { normalisePath } from '../paths.js';
import type { Interpreter } from './interpreter.js';
import type { Leak, TimeEvidence, Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** What a written file holds, as far as the dataflow knows. */
export interface WrittenRows {
  file: string;
  line: number;
  leaks: readonly Leak[];
  time?: TimeEvidence;
}

/** The files written during one review, by normalised path. */
export class Handoffs {
  private readonly byPath = new Map<string, WrittenRows>();

  note(path: string, rows: WrittenRows): void {
    this.byPath.set(normalisePath(path), rows);
  }

  /** The rows written to `path`: the same path, else the one written file with that name. */
  read(path: string): WrittenRows | undefined {
    const exact = this.byPath.get(normalisePath(path));
    if (exact) return exact;
    const name = basename(path);
    const same = [...this.byPath.entries()].filter(([p]) => basename(p) === name);
    return same.length === 1 ? same[0]![1] : undefined;
  }
}

const WRITE_METHODS = /^(to_csv|to_parquet|to_pickle|to_feather|to_json|to_hdf|write_csv|write_parquet|write_ipc)$/;
const WRITE_FUNCTIONS = /^((np|numpy)\.(save|savez|savez_compressed)|(scipy\.)?sparse\.save_npz|torch\.save|joblib\.dump|pickle\.dump)$/;

/** `df.to_parquet("features.parquet")`, `np.save("X.npy", X)`, `torch.save(t, "x.pt")`, `joblib.dump(X, "x.pkl")`. */
export function noteWrite(it: Interpreter, call: Call, qual: string | undefined, method: string | undefined, receiver: Val | undefined, args: Val[], kwargs: Map<string, Val>): void {
  let rows: Val | undefined;
  let target: Val | undefined;
  if (method !== undefined && WRITE_METHODS.test(method) && receiver?.data) {
    rows = receiver;
    target = args[0] ?? kwargs.get('path_or_buf') ?? kwargs.get('path') ?? kwargs.get('file');
  } else if (qual !== undefined && WRITE_FUNCTIONS.test(qual)) {
    // (path, array) for numpy and scipy.sparse; (object, path) for the others.
    const numpy = /^(np|numpy)\.|sparse\.save_npz$/.test(qual);
    rows = numpy ? args[1] ?? [...kwargs.values()][0] : args[0];
    target = numpy ? args[0] : args[1] ?? kwargs.get('f') ?? kwargs.get('filename');
  }
  const path = typeof target?.const === 'string' ? target.const : target?.opened;
  if (!rows?.data || path === undefined) return;
  // Origins are numbered per file: the reader cannot match them, so the leaks travel without them.
  const leaks = (rows.leaks ?? []).map((l) => ({ ...l, file: l.file ?? it.path, origins: undefined }));
  it.handoffs?.note(path, { file: it.path, line: call.line, leaks, ...(rows.time ? { time: { ...rows.time, file: rows.time.file ?? it.path } } : {}) });
}

/** Rows read from a file another script of the review wrote: they carry what was written. */
export function readBack(it: Interpreter, path: string, v: Val): void {
  const written = it.handoffs?.read(path);
  if (!written || written.file === it.path) return;
  if (written.leaks.length > 0) v.leaks = [...(v.leaks ?? []), ...written.leaks];
  if (written.time && !v.time) v.time = written.time;
}


function basename(path: string): string {
  return path.replace(/\\/g, '/').replace(/^.*\//, '');
}

const WRITTEN_LITERAL = /\.(?:to_csv|to_parquet|to_pickle|to_feather|write_csv|write_parquet)\(\s*f?["']([^"'{}]+)["']|(?:np|numpy)\.save\w*\(\s*f?["']([^"'{}]+)["']|(?:torch\.save|joblib\.dump)\([^,]+,\s*f?["']([^"'{}]+)["']/g;

/**
 * Scripts in the order their files are handed over: a script that writes a file another one reads runs
 * first (`make_features.py` before `build_model.py`), otherwise by path. Only literal paths are seen here.
 */
export function writersFirst<T extends { path: string; text: string }>(files: readonly T[]): T[] {
  const writes = files.map((f) => new Set([...f.text.matchAll(WRITTEN_LITERAL)].map((m) => basename(m[1] ?? m[2] ?? m[3] ?? ''))));
  const readers = files.map((f) => (name: string) => f.text.includes(name));
  const before = files.map(() => new Set<number>());
  files.forEach((_, w) => {
    for (const name of writes[w]!) files.forEach((__, r) => r !== w && readers[r]!(name) && !writes[r]!.has(name) && before[r]!.add(w));
  });
  const out: T[] = [];
  const done = new Set<number>();
  while (out.length < files.length) {
    // The first file (by the given order) whose writers are all done; on a cycle, the first left.
    const next = files.findIndex((_, i) => !done.has(i) && [...before[i]!].every((w) => done.has(w)));
    const pick = next >= 0 ? next : files.findIndex((_, i) => !done.has(i));
    done.add(pick);
    out.push(files[pick]!);
  }
  return out;
}
