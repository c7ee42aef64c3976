// Issue 5's scenarios: the products list of a site licensed for 300 products × 30 releases, and a
// 1 GiB file downloaded alone (throughput, server memory growth) and 20 times in parallel.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { ServiceContext } from '../server/platform/context';
import type { Database } from '../server/platform/db';
import { rssMb } from './activity';

export interface CatalogBenchData {
  siteId: string;
  /** The product that holds the big file. */
  productId: string;
  fileId: string;
  fileSha256: string;
  fileBytes: number;
}

/**
 * Licenses the organization's first site for `products` products with `releasesPerProduct`
 * published releases each (one small file per release), under an active site contract, and adds
 * one file of `bigFileBytes` (pseudo-random bytes, streamed to the blob store) to the newest
 * release of the first product. Set-based SQL: the factories would take minutes at this size.
 */
export async function generateCatalogData(
  ctx: ServiceContext,
  database: Database,
  options: { organizationId: string; products: number; releasesPerProduct: number; bigFileBytes: number },
): Promise<CatalogBenchData> {
  const [site] = await database.raw<{ id: string }>('select id from sites where organization_id = $1 order by created_at, id limit 1', [options.organizationId]);
  if (!site) throw new Error('the bench organization has no site');
  const [family] = await database.raw<{ id: string }>('select id from product_families order by sort_order limit 1');
  await database.raw(
    `insert into products (family_id, name, description)
     select $1, 'Bench product ' || lpad(p::text, 4, '0'), 'Generated for the bench' from generate_series(1, $2) p`,
    [family!.id, options.products],
  );
  await database.raw(
    `insert into product_components (product_id, name, requirements)
     select id, name || ' core', '{"os":"Windows Server 2019","cpu":"4 cores","memory":"16 GB","disk":"100 GB","prerequisites":".NET 4.8"}'::jsonb
       from products where name like 'Bench product %'`,
  );
  await database.raw(
    `insert into releases (product_id, version, released_on, notes, published_at)
     select p.id, '1.' || r, date '2020-01-01' + r * 30, 'Release notes', now()
       from products p cross join generate_series(1, $1) r where p.name like 'Bench product %'`,
    [options.releasesPerProduct],
  );
  await database.raw(
    `insert into release_files (release_id, resource_type, file_name, content_type, size, sha256)
     select r.id, 'software', 'setup-' || r.version || '.zip', 'application/zip', 1024, repeat('0', 64)
       from releases r join products p on p.id = r.product_id where p.name like 'Bench product %'`,
  );
  await database.raw(
    `insert into support_contracts (organization_id, site_id, scope, tier, starts_on, ends_on)
     values ($1, $2, 'site', 'standard', current_date - 30, current_date + 300)`,
    [options.organizationId, site.id],
  );
  await database.raw(
    `insert into entitlements (organization_id, site_id, product_id, quantity)
     select $1, $2, id, 1 + (row_number() over (order by name))::int % 5 from products where name like 'Bench product %'`,
    [options.organizationId, site.id],
  );

  const staged = await ctx.blobs.stage(Readable.from(pseudoRandomChunks(options.bigFileBytes)), { maxBytes: options.bigFileBytes });
  await staged.commit();
  const [target] = await database.raw<{ product_id: string; release_id: string }>(
    `select r.product_id, r.id as release_id from releases r join products p on p.id = r.product_id
      where p.name = 'Bench product 0001' order by r.released_on desc limit 1`,
  );
  const [file] = await database.raw<{ id: string }>(
    `insert into release_files (release_id, resource_type, file_name, content_type, size, sha256)
     values ($1, 'software', '벤치 설치 파일.bin', 'application/octet-stream', $2, $3) returning id`,
    [target!.release_id, staged.size, staged.sha256],
  );
  return { siteId: site.id, productId: target!.product_id, fileId: file!.id, fileSha256: staged.sha256, fileBytes: staged.size };
}

/** `total` bytes in 1 MiB chunks: a random MiB repeated with a counter, cheap to make and not compressible. */
function* pseudoRandomChunks(total: number): Generator<Buffer> {
  const base = randomBytes(1 << 20);
  for (let offset = 0, n = 0; offset < total; offset += base.length, n += 1) {
    const chunk = Buffer.from(base.subarray(0, Math.min(base.length, total - offset)));
    chunk.writeUInt32LE(n, 0);
    yield chunk;
  }
}

export interface DownloadFigures {
  name: string;
  downloads: number;
  completed: number;
  errors: number;
  megabytes: number;
  seconds: number;
  /** Aggregate throughput, MB/s (10^6 bytes). */
  mbPerSecond: number;
  rssBeforeMb: number | null;
  rssPeakMb: number | null;
  rssGrowthMb: number | null;
  sha256Matches: boolean | null;
  budget: string;
  withinBudget: boolean;
}

/** Asks the API for a signed link to the file (a bearer token needs no CSRF header). */
export async function requestDownloadLink(baseUrl: string, token: string, organizationId: string, data: CatalogBenchData): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/organizations/${organizationId}/sites/${data.siteId}/products/${data.productId}/files/${data.fileId}/download-link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { url?: string };
  if (response.status !== 201 || !body.url) throw new Error(`download-link answered ${response.status}: ${JSON.stringify(body)}`);
  return body.url;
}

/** One GET of the whole file over node:http, counting bytes (and hashing them when asked). */
function downloadOnce(url: string, hash: boolean): Promise<{ bytes: number; status: number; sha256: string | null }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const digest = hash ? createHash('sha256') : null;
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          digest?.update(chunk);
        });
        response.on('end', () => resolve({ bytes, status: response.statusCode ?? 0, sha256: digest ? digest.digest('hex') : null }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Downloads the file `parallel` times at once, sampling the server's RSS every 50 ms. With one
 * download, the bytes of a second, untimed download are hashed and compared with the stored
 * SHA-256 (hashing in the timed run would take the client's CPU from the server on a small machine).
 */
export async function measureDownloads(
  baseUrl: string,
  serverPid: number,
  options: { name: string; url: string; parallel: number; data: CatalogBenchData; minMbPerSecond: number | null; maxGrowthMb: number | null },
): Promise<DownloadFigures> {
  await sleep(1000);
  const rssBefore = rssMb(serverPid);
  let peak = rssBefore;
  const timer = setInterval(() => {
    const now = rssMb(serverPid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 50);
  const started = performance.now();
  const hash = options.parallel === 1;
  const results = await Promise.allSettled(Array.from({ length: options.parallel }, () => downloadOnce(`${baseUrl}${options.url}`, false)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const verified = hash ? await downloadOnce(`${baseUrl}${options.url}`, true) : null;
  const ok = results.filter((r): r is PromiseFulfilledResult<{ bytes: number; status: number; sha256: string | null }> => r.status === 'fulfilled' && r.value.status === 200 && r.value.bytes === options.data.fileBytes);
  const bytes = ok.reduce((sum, r) => sum + r.value.bytes, 0);
  const mbPerSecond = Math.round(bytes / 1e6 / seconds);
  const growth = rssBefore !== null && peak !== null ? Math.round((peak - rssBefore) * 10) / 10 : null;
  const sha256Matches = verified ? verified.status === 200 && verified.sha256 === options.data.fileSha256 : null;
  const errors = options.parallel - ok.length;
  const checks: string[] = [];
  let within = errors === 0 && sha256Matches !== false;
  if (options.minMbPerSecond !== null) {
    checks.push(`≥ ${options.minMbPerSecond} MB/s`);
    within &&= mbPerSecond >= options.minMbPerSecond;
  }
  if (options.maxGrowthMb !== null) {
    checks.push(`growth < ${options.maxGrowthMb} MB`);
    within &&= growth !== null && growth < options.maxGrowthMb;
  }
  checks.push('no errors');
  return {
    name: options.name,
    downloads: options.parallel,
    completed: ok.length,
    errors,
    megabytes: Math.round(bytes / 1024 / 1024),
    seconds: Math.round(seconds * 10) / 10,
    mbPerSecond,
    rssBeforeMb: rssBefore,
    rssPeakMb: peak,
    rssGrowthMb: growth,
    sha256Matches,
    budget: checks.join(', '),
    withinBudget: within,
  };
}
