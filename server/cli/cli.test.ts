import { createServer } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAtrium, startAtrium, tempDataDir } from '../test/processes';

// These tests run the real CLI in child processes on embedded data directories.

async function api(url: string, pathname: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${url}${pathname}`, { ...init, headers });
}

// Each test starts real processes (about a second each to load); generous time under a loaded CI machine.
describe('atrium CLI', { timeout: 120_000 }, () => {
  it('prints help for every command', () => {
    const main = runAtrium(['--help'], {});
    expect(main.status).toBe(0);
    for (const command of ['start', 'create-admin', 'token create', 'backup', 'restore', 'demo', 'migrate', 'search reindex']) {
      expect(main.stdout).toContain(command);
      const help = runAtrium([...command.split(' '), '--help'], {});
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`Usage: atrium ${command}`);
    }
  });

  it('starts on an empty data directory, creates the administrator once, and reuses the data on the next start', async () => {
    const dataDir = tempDataDir();
    const first = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    const password = /one-time password (\S+)/.exec(first.stdout())?.[1];
    expect(password).toBeDefined();
    expect((await api(first.url, '/readyz')).status).toBe(200);
    const signIn = await api(first.url, '/api/v1/auth/sign-in', { method: 'POST', body: JSON.stringify({ email: 'admin@atrium.local', password }) });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ status: 'signed_in', me: { mustChangePassword: true, staffRole: 'vendor_admin' } });
    expect(await first.stop()).toBe(0);
    expect(existsSync(path.join(dataDir, 'logs'))).toBe(true);

    const second = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    try {
      expect(second.stdout()).not.toContain('one-time password');
      const again = await api(second.url, '/api/v1/auth/sign-in', { method: 'POST', body: JSON.stringify({ email: 'admin@atrium.local', password }) });
      expect(again.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('lets one process own an embedded data directory; commands go through the running server', async () => {
    const dataDir = tempDataDir();
    const server = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    try {
      const rival = runAtrium(['start'], { ATRIUM_DATA_DIR: dataDir });
      expect(rival.status).toBe(1);
      expect(rival.stderr.trim().split('\n')).toHaveLength(1);
      expect(rival.stderr).toContain('in use by another Atrium process');

      const token = runAtrium(['token', 'create', '--email', 'admin@atrium.local', '--name', 'ci'], { ATRIUM_DATA_DIR: dataDir });
      expect(token.status).toBe(0);
      const me = await api(server.url, '/api/v1/me', { token: token.stdout.trim() });
      expect(me.status).toBe(200);

      const demo = runAtrium(['demo'], { ATRIUM_DATA_DIR: dataDir });
      expect(demo.status).toBe(0);
      expect(demo.stdout).toContain('A석유화학');

      const restore = runAtrium(['restore', '--in', '/nonexistent'], { ATRIUM_DATA_DIR: dataDir });
      expect(restore.status).toBe(1);
      expect(restore.stderr).toContain('stop it before running "restore"');
    } finally {
      await server.stop();
    }
  });

  it('backs up while the server runs and restores into an empty data directory', async () => {
    const dataDir = tempDataDir();
    const backupFile = path.join(tempDataDir(), 'atrium.backup');
    const server = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    let token: string;
    try {
      token = runAtrium(['token', 'create', '--email', 'admin@atrium.local', '--name', 'ci'], { ATRIUM_DATA_DIR: dataDir }).stdout.trim();
      expect(runAtrium(['demo'], { ATRIUM_DATA_DIR: dataDir }).status).toBe(0);
      const backup = runAtrium(['backup', '--out', backupFile], { ATRIUM_DATA_DIR: dataDir });
      expect(backup.status).toBe(0);
      expect(backup.stdout).toContain('Backup written');
    } finally {
      await server.stop();
    }
    const restoredDir = tempDataDir();
    const restore = runAtrium(['restore', '--in', backupFile], { ATRIUM_DATA_DIR: restoredDir });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const restored = await startAtrium({ ATRIUM_DATA_DIR: restoredDir });
    try {
      expect(restored.stdout()).not.toContain('one-time password');
      const me = await api(restored.url, '/api/v1/me', { token });
      expect(me.status).toBe(200);
      const demo = runAtrium(['demo'], { ATRIUM_DATA_DIR: restoredDir });
      expect(demo.stdout).toContain('already loaded');
    } finally {
      await restored.stop();
    }
    const again = runAtrium(['restore', '--in', backupFile], { ATRIUM_DATA_DIR: restoredDir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds data');
  });

  it('loses no acknowledged write when stopped with SIGTERM mid-stream', async () => {
    const dataDir = tempDataDir();
    const token = await (async () => {
      const server = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
      try {
        return runAtrium(['token', 'create', '--email', 'admin@atrium.local', '--name', 'writer'], { ATRIUM_DATA_DIR: dataDir }).stdout.trim();
      } finally {
        await server.stop();
      }
    })();
    const server = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    let acknowledged = 0;
    let stopping = false;
    const writers = Array.from({ length: 4 }, async () => {
      for (;;) {
        try {
          const response = await api(server.url, '/api/v1/me/tokens', { method: 'POST', token, body: JSON.stringify({ name: 'loop' }) });
          if (response.status === 201) acknowledged += 1;
          else if (stopping) return;
        } catch {
          return; // the server has gone away
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    stopping = true;
    const code = await server.stop('SIGTERM');
    await Promise.all(writers);
    expect(code).toBe(0);
    expect(acknowledged).toBeGreaterThan(5);

    const restarted = await startAtrium({ ATRIUM_DATA_DIR: dataDir });
    try {
      const list = await api(restarted.url, '/api/v1/me/tokens', { token });
      const { items } = (await list.json()) as { items: { name: string }[] };
      expect(items.filter((i) => i.name === 'loop').length).toBeGreaterThanOrEqual(acknowledged);
    } finally {
      await restarted.stop();
    }
  });

  it.each([
    ['a DATABASE_URL that is not a URL', { DATABASE_URL: 'not-a-url' }, 'Invalid setting DATABASE_URL'],
    ['a data directory that cannot be written', { ATRIUM_DATA_DIR: '/dev/null/atrium' }, 'cannot be written'],
    ['an unreachable PostgreSQL', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'Cannot open the PostgreSQL server'],
  ])('stops with one clear line and exit code 1 on %s', (_name, env, message) => {
    const result = runAtrium(['start'], { ATRIUM_DATA_DIR: tempDataDir(), ...env });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('stops with one clear line and exit code 1 when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = runAtrium(['start'], { ATRIUM_DATA_DIR: tempDataDir(), PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses bad command input with one line', () => {
    const dataDir = tempDataDir();
    const badEmail = runAtrium(['create-admin', '--email', 'nope'], { ATRIUM_DATA_DIR: dataDir });
    expect(badEmail.status).toBe(1);
    expect(badEmail.stderr).toContain('--email: must be an email address');
    const weak = runAtrium(['create-admin', '--email', 'ops@example.com', '--password', 'weak'], { ATRIUM_DATA_DIR: dataDir });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('at least 7 characters with a lower-case letter, an upper-case letter, a digit and a special character.');
    expect(weak.stderr).not.toContain('{{');
    // The same policy as everyone's: a common password in disguise is refused too.
    const common = runAtrium(['create-admin', '--email', 'ops@example.com', '--password', 'Password1!'], { ATRIUM_DATA_DIR: dataDir });
    expect(common.status).toBe(1);
    expect(common.stderr).toContain('too common');
    const unknown = runAtrium(['backup', '--bogus', 'x'], { ATRIUM_DATA_DIR: dataDir });
    expect(unknown.status).toBe(1);
    const made = runAtrium(['create-admin', '--email', 'ops@example.com', '--password', 'Strong!2026'], { ATRIUM_DATA_DIR: dataDir });
    expect(made.status).toBe(0);
    const badFile = path.join(dataDir, 'bad.backup');
    writeFileSync(badFile, 'x');
    const restore = runAtrium(['restore', '--in', badFile], { ATRIUM_DATA_DIR: tempDataDir() });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('not an Atrium backup');
  });
});
