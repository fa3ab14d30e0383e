import type { Val } from './values.js';

/** Names visible at one point: a function's locals over the module's globals. */
export class Scope {
  private readonly vars = new Map<string, Val>();
  /** Whether any dotted name (`obj.attr`) was ever bound here: most scopes never bind one. */
  private dottedKeys = false;
  constructor(readonly parent?: Scope) {}

  mayHaveDotted(): boolean {
    return this.dottedKeys || (this.parent?.mayHaveDotted() ?? false);
  }

  get(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name) || (this.parent?.has(name) ?? false);
  }

  set(name: string, value: Val): void {
    if (name.includes('.')) this.dottedKeys = true;
    this.vars.set(name, value);
  }
}
