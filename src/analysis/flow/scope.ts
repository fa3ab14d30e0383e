import type { Val } from './values.js';

/** Names visible at one point: a function's locals over the module's globals. */
export class Scope {
  private readonly vars = new Map<string, Val>();
  constructor(readonly parent?: Scope) {}

  get(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name) || (this.parent?.has(name) ?? false);
  }

  set(name: string, value: Val): void {
    this.vars.set(name, value);
  }
}
