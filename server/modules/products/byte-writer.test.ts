import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer';

describe('ByteWriter', () => {
  it('appends text as UTF-8 and bytes as they are, growing as needed', () => {
    const writer = new ByteWriter(4);
    const big = 'x'.repeat(300 * 1024);
    writer.text('{"name":"').text('제품 설치').bytes(Buffer.from('"}')).text(big);
    expect(writer.result().toString('utf8')).toBe(`{"name":"제품 설치"}${big}`);
    writer.release();
  });

  it('reuses a released buffer for the next answer', () => {
    const first = new ByteWriter();
    first.text('first answer');
    const firstBytes = first.result();
    first.release();
    first.release();
    const second = new ByteWriter();
    second.text('second');
    // The same memory, now holding the second answer.
    expect(second.result().buffer).toBe(firstBytes.buffer);
    expect(second.result().toString()).toBe('second');
    second.release();
  });

  it('gives an empty result when nothing was written', () => {
    const writer = new ByteWriter();
    expect(writer.result().length).toBe(0);
    writer.release();
  });
});
