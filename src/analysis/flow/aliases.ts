// Names that stand for others in a piece of code: `Z_te = clr(X_te)` makes `Z_te` stand for `X_te`, read from the
// text of a function body or loop (the dataflow proper tracks values; these checks read what a body does by name).

/** The names and those assigned from them in the code (`a, b = f(x), g(y)` pairs positionally), to a fixed point. */
export function aliasesOf(code: string, seeds: readonly string[]): string[] {
  const names = new Set(seeds);
  const pairs: [string, string][] = [];
  for (const m of code.matchAll(/^[ \t]*([\w, ]+?)\s*=(?!=)\s*(.+)$/gm)) {
    const targets = m[1]!.split(',').map((t) => t.trim());
    const values = splitTopLevel(m[2]!);
    if (targets.length > 1 && values.length === targets.length) targets.forEach((t, i) => pairs.push([t, values[i]!]));
    else for (const t of targets) pairs.push([t, m[2]!]);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [t, v] of pairs) {
      if (!/^\w+$/.test(t) || names.has(t)) continue;
      if ([...names].some((n) => new RegExp(`\\b${n}\\b`).test(v))) {
        names.add(t);
        grew = true;
      }
    }
  }
  return [...names];
}

/** `clr(a[:, k]), clr(b[:, k])` → its two top-level comma-separated parts. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}
