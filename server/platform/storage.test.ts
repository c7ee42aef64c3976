import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSystemBlobStore, type BlobStore } from './storage';

let root: string;
let store: BlobStore;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'atrium-store-'));
  store = createFileSystemBlobStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the file-system blob store', () => {
  it('stores bytes under their SHA-256 and reads them back whole or by range', async () => {
    const bytes = Buffer.from('제품 설치 파일 🙂 bytes');
    const staged = await store.stage(Readable.from([bytes]), { maxBytes: 1024 });
    expect(staged.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    await staged.commit();
    expect(await store.size(staged.sha256)).toBe(bytes.length);
    expect(await readAll(store.read(staged.sha256))).toEqual(bytes);
    expect(await readAll(store.read(staged.sha256, { start: 2, end: 5 }))).toEqual(bytes.subarray(2, 6));
  });

  it('refuses a source over the limit with 413, keeps nothing and leaves the source itself undestroyed', async () => {
    const source = new PassThrough();
    const staging = store.stage(source, { maxBytes: 10 });
    source.write(Buffer.alloc(8));
    source.write(Buffer.alloc(8));
    await expect(staging).rejects.toMatchObject({ code: 'files.too_large', statusCode: 413 });
    expect(source.destroyed).toBe(false);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('fails and keeps nothing when the source closes before its end', async () => {
    const source = new PassThrough();
    const staging = store.stage(source, { maxBytes: 1024 });
    source.write(Buffer.alloc(8));
    source.destroy();
    await expect(staging).rejects.toThrow();
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });
});
