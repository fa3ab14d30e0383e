// Bash(pattern) grants from an agent's `tools:` list, with Claude Code's semantics: "git diff:*"
// allows commands starting with "git diff", "npm test" allows exactly that command. This is a
// policy on top of the sandbox, not a replacement for it.

export type AllowCheck = { ok: true } | { ok: false; error: string };

/** Accepts "git diff:*" or "Bash(git diff:*)". */
export function normaliseGrant(grant: string): string {
  const m = /^\s*Bash\((.*)\)\s*$/s.exec(grant);
  return (m ? (m[1] ?? '') : grant).trim();
}

function grantAllows(grant: string, command: string): boolean {
  if (grant === '*' || grant === '') return true;
  if (grant.endsWith(':*')) {
    const prefix = grant.slice(0, -2).trim();
    return command === prefix || command.startsWith(`${prefix} `);
  }
  return command === grant;
}

/** Splits on unquoted ;, &, &&, |, || and newlines; undefined if it hides command substitution. */
export function splitCommands(command: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      current += c;
      continue;
    }
    if (c === '\\' && i + 1 < command.length) {
      current += c + command[i + 1];
      i += 1;
      continue;
    }
    if (c === '`' || (c === '$' && command[i + 1] === '(') || ((c === '<' || c === '>') && command[i + 1] === '(')) {
      return undefined;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current += c;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '\n') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== '');
}

export function checkAllowed(command: string, grants: readonly string[] | undefined): AllowCheck {
  if (grants === undefined) return { ok: true };
  const normalised = grants.map(normaliseGrant);
  if (normalised.some((g) => g === '*' || g === '')) return { ok: true };
  const allowed = `allowed for this agent: ${normalised.map((g) => `Bash(${g})`).join(', ') || 'none'}`;
  const parts = splitCommands(command);
  if (parts === undefined) {
    return { ok: false, error: `Command refused: command substitution ($(...), backticks, <(...)) is not allowed when Bash is restricted (${allowed}).` };
  }
  for (const part of parts) {
    if (!normalised.some((grant) => grantAllows(grant, part))) {
      return { ok: false, error: `Command refused: "${part}" is not ${allowed}.` };
    }
  }
  return { ok: true };
}
