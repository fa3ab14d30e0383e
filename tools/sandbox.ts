// Sandbox policy and backend for Bash. The policy says what a command may see; bwrapArgs turns it
// into a bubblewrap command line. Nothing here is chosen by the model: the mode comes from the user.
import { spawn } from 'node:child_process';
import { lstat, readlink } from 'node:fs/promises';

/** 'unsafe-none' only when the user passed --unsafe-no-sandbox. */
export type SandboxMode = 'bwrap' | 'unsafe-none';

/** The whole environment a command gets: no variable of the parent process is passed on. */
export function sandboxEnv(): Record<string, string> {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/tmp', TMPDIR: '/tmp', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
}

/** Top-level system folders programs need; merged-/usr systems have symlinks instead of folders. */
const SYSTEM_DIRS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/** The parts of /etc that dynamic linking, `alternatives` and common tools read. No secrets. */
const ETC_ENTRIES = [
  '/etc/alternatives',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/localtime',
  '/etc/nsswitch.conf',
  '/etc/os-release',
  '/etc/debian_version',
  '/etc/mime.types',
  '/etc/magic',
  '/etc/magic.mime',
];

/** How the host lays out its system folders; probed once, then bwrapArgs is a pure function. */
export interface HostLayout {
  entries: Array<{ path: string; kind: 'dir' | 'symlink'; target?: string }>;
  shell: string;
}

export async function probeHostLayout(): Promise<HostLayout> {
  const entries: HostLayout['entries'] = [];
  for (const dir of SYSTEM_DIRS) {
    try {
      const info = await lstat(dir);
      if (info.isSymbolicLink()) entries.push({ path: dir, kind: 'symlink', target: await readlink(dir) });
      else if (info.isDirectory()) entries.push({ path: dir, kind: 'dir' });
    } catch {
      // absent on this host
    }
  }
  let shell = '/bin/sh';
  for (const candidate of ['/usr/bin/bash', '/bin/bash']) {
    try {
      await lstat(candidate);
      shell = candidate;
      break;
    } catch {
      // try the next one
    }
  }
  return { entries, shell };
}

/**
 * bubblewrap arguments running `command` with: system folders read-only, the review root read-only
 * at its own path as working directory, a private /tmp, no network, its own PID/IPC/UTS/user
 * namespaces as an unprivileged user with no capabilities, and a cleared environment.
 */
export function bwrapArgs(layout: HostLayout, root: string, command: string): string[] {
  const args = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--uid', '65534',
    '--gid', '65534',
    '--die-with-parent',
    '--new-session',
    '--cap-drop', 'ALL',
    '--clearenv',
    '--hostname', 'sandbox',
  ];
  for (const [key, value] of Object.entries(sandboxEnv())) args.push('--setenv', key, value);
  args.push('--ro-bind', '/usr', '/usr');
  for (const entry of layout.entries) {
    if (entry.kind === 'symlink' && entry.target) args.push('--symlink', entry.target, entry.path);
    else args.push('--ro-bind', entry.path, entry.path);
  }
  for (const etc of ETC_ENTRIES) args.push('--ro-bind-try', etc, etc);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--ro-bind', root, root, '--chdir', root);
  args.push('--', layout.shell, '-c', command);
  return args;
}

export type SandboxCheck = { ok: true } | { ok: false; error: string };

const FIX =
  'Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap) and make sure ' +
  'unprivileged user namespaces are allowed (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04+ also ' +
  'kernel.apparmor_restrict_unprivileged_userns=0). Only if you trust the code under review, rerun with --unsafe-no-sandbox.';

/** Starts the exact sandbox a command would get, running `true`; fails closed with the reason. */
export function checkBwrap(bwrap: string, layout: HostLayout, root: string): Promise<SandboxCheck> {
  return new Promise((resolve) => {
    const child = spawn(bwrap, bwrapArgs(layout, root, 'true'), { stdio: ['ignore', 'ignore', 'pipe'], env: sandboxEnv() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const what = error.code === 'ENOENT' ? `bubblewrap (${bwrap}) is not installed or not on PATH` : `bubblewrap could not start (${error.message})`;
      resolve({ ok: false, error: `Bash is unavailable: ${what}. Commands never run unsandboxed by default. ${FIX}` });
    });
    child.on('close', (code) => {
      if (code === 0) resolve({ ok: true });
      else {
        const reason = stderr.trim() || `exit code ${code}`;
        resolve({ ok: false, error: `Bash is unavailable: bubblewrap failed to create the sandbox (${reason}). ${FIX}` });
      }
    });
  });
}
