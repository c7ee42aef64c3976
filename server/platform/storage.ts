import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors';

/** How many leading bytes a staged blob keeps for content sniffing. */
export const HEAD_BYTES = 4100;

/**
 * An upload written to the store but not yet visible: the caller inspects it (size, SHA-256, the
 * leading bytes) and then commits it under its hash or discards it. Nothing half-written is ever
 * visible under a hash.
 */
export interface StagedBlob {
  sha256: string;
  size: number;
  head: Buffer;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

/**
 * Content-addressed blob storage. The file-system store below is the one in use; an S3-compatible
 * store can implement the same interface (stage = multipart upload to a temporary key, commit = copy
 * to the hash key).
 */
export interface BlobStore {
  /**
   * Streams `source` into a staged blob; over `maxBytes` it throws 413 `files.too_large` and keeps
   * nothing. The source is never destroyed by the store (an HTTP request stays able to carry the
   * answer); a source that errors or closes before its end fails the staging.
   */
  stage(source: Readable, options: { maxBytes: number }): Promise<StagedBlob>;
  /** A stream of the blob's bytes, or of one inclusive range of them. */
  read(sha256: string, range?: ByteRange): Readable;
  /** The blob's size, or null when it is not stored. */
  size(sha256: string): Promise<number | null>;
  remove(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A stream fed from `source` that the pipeline may destroy on failure without destroying `source`
 * (for a request, the connection the error answer goes back on). A source that errors, is aborted
 * or closes before its end fails it.
 */
function detach(source: Readable): Readable {
  const through = new PassThrough({ highWaterMark: 1 << 20 });
  // The pipeline that takes `through` reads its failure from its errored state; an error emitted
  // before the pipeline attaches (the source closing while the staging area is made) must not go unhandled.
  through.on('error', () => undefined);
  const abort = (error?: Error) => {
    if (!through.destroyed) through.destroy(error ?? new Error('source closed before its end'));
  };
  source.once('error', abort);
  source.once('aborted', () => abort());
  source.once('close', () => {
    if (!source.readableEnded) abort();
  });
  if (source.destroyed && !source.readableEnded) abort();
  else source.pipe(through);
  return through;
}

/** Blobs under `<root>/<aa>/<bb>/<sha256>`; uploads staged under `<root>/tmp`. */
export function createFileSystemBlobStore(root: string): BlobStore {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async stage(source, { maxBytes }) {
      // Detached before anything is awaited, so that no event of the source is missed.
      const input = detach(source);
      await mkdir(tmpDir, { recursive: true });
      const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      const headChunks: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) {
            callback(new AppError('files.too_large', 413, { maxBytes, messageParams: { maxSize: formatBytes(maxBytes) } }));
            return;
          }
          hash.update(chunk);
          if (headLength < HEAD_BYTES) {
            headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
            headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
          }
          callback(null, chunk);
        },
      });
      const output = createWriteStream(tmpPath, { mode: 0o600 });
      try {
        await pipeline(input, meter, output);
      } catch (error) {
        // The pipeline fails without waiting for the file to close; it may even still be opening,
        // and would be created after its removal. Removed once it has closed.
        if (!output.closed) await new Promise<void>((resolve) => output.once('close', () => resolve()));
        await rm(tmpPath, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      let settled = false;
      return {
        sha256,
        size,
        head: Buffer.concat(headChunks),
        async commit() {
          if (settled) return;
          settled = true;
          const target = pathOf(sha256);
          await mkdir(path.dirname(target), { recursive: true });
          // Same content already stored: keep the existing copy.
          if ((await stat(target).catch(() => null))?.isFile()) await unlink(tmpPath);
          else await rename(tmpPath, target);
        },
        async discard() {
          if (settled) return;
          settled = true;
          await rm(tmpPath, { force: true });
        },
      };
    },
    read(sha256, range) {
      return createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end, highWaterMark: 1 << 20 } : { highWaterMark: 1 << 20 });
    },
    async size(sha256) {
      const found = await stat(pathOf(sha256)).catch(() => null);
      return found?.isFile() ? found.size : null;
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

/** A size for people: 4 GiB, 512 MiB, 10 KiB, 900 B. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
