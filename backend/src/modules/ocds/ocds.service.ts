import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { DomainError } from '../../core/http/domain-error';
import { OCDS_EXTENSIONS, OcdsPublisher, OcdsRelease, buildRelease, publisherOf } from './ocds-release';
import { loadOcdsSource } from './ocds-source';

export const RELEASES_PAGE = 100;
const BULK_BATCH = 500;

/** The metadata every OCDS package starts with. */
export function packageMeta(publisher: OcdsPublisher, uri: string, publishedDate: Date): Record<string, unknown> {
  return {
    uri,
    version: '1.1',
    publishedDate: publishedDate.toISOString(),
    publisher: { name: publisher.name, uri: publisher.publicUrl },
    publicationPolicy: `${publisher.publicUrl}/datos-abiertos`,
    extensions: OCDS_EXTENSIONS,
  };
}

/**
 * OCDS 1.1 publication (OCDS.md): release packages in publication order, paginated by `links.next`
 * (a cursor on the publication sequence, so pages never shift when new releases arrive), and records
 * with every release of a process plus its compiled release (its state now).
 */
@Injectable()
export class OcdsService {
  private readonly publisher: OcdsPublisher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() config: Pick<ServerConfig, 'ocdsPrefix' | 'ocdsPublisher' | 'publicUrl'>,
  ) {
    this.publisher = publisherOf(config);
  }

  async releasePackage(since: string | undefined, cursor: string | undefined): Promise<Record<string, unknown>> {
    const rows: { seq: string; release: OcdsRelease }[] = await this.db.query(
      `SELECT seq, release FROM ocds_releases
        WHERE ($1::timestamptz IS NULL OR date >= $1) AND seq > $2
        ORDER BY seq LIMIT ${RELEASES_PAGE + 1}`,
      [since ?? null, cursor ?? '0'],
    );
    const page = rows.slice(0, RELEASES_PAGE);
    const base = `${this.publisher.publicUrl}/api/v1/ocds/releases`;
    const query = (extra: Record<string, string>) => {
      const params = new URLSearchParams({ ...(since ? { since } : {}), ...extra }).toString();
      return params ? `${base}?${params}` : base;
    };
    return {
      ...packageMeta(this.publisher, query(cursor ? { cursor } : {}), new Date()),
      releases: page.map((r) => r.release),
      ...(rows.length > RELEASES_PAGE ? { links: { next: query({ cursor: page[page.length - 1].seq }) } } : {}),
    };
  }

  async recordPackage(ocid: string): Promise<Record<string, unknown>> {
    const releases: { release: OcdsRelease; tender_id: string }[] = await this.db.query(
      `SELECT release, tender_id FROM ocds_releases WHERE ocid = $1 ORDER BY seq`,
      [ocid],
    );
    const source = releases.length ? await loadOcdsSource(this.db.manager, releases[0].tender_id) : null;
    if (!source) throw new DomainError('not_found', 'record_not_found', 'No contracting process has this ocid');
    const latest = releases[releases.length - 1].release;
    const compiledRelease = buildRelease(
      source,
      { id: `${latest.id}-compiled`, date: new Date(latest.date), tag: ['compiled'] },
      this.publisher,
    );
    return {
      ...packageMeta(this.publisher, `${this.publisher.publicUrl}/api/v1/ocds/records/${ocid}`, new Date()),
      records: [{ ocid, releases: releases.map((r) => r.release), compiledRelease }],
    };
  }

  /**
   * Every release as one package, streamed as it is read (a batch at a time, with the stream's
   * back-pressure) so the whole history never sits in memory: the bulk download and `open-data.js export-ocds`.
   * Ends `out`; resolves with the number of releases.
   */
  async writeBulkPackage(out: Writable, now = new Date()): Promise<number> {
    let count = 0;
    const meta = JSON.stringify(packageMeta(this.publisher, `${this.publisher.publicUrl}/api/v1/ocds/bulk/releases.json`, now));
    const db = this.db;
    async function* chunks(): AsyncGenerator<string> {
      yield `${meta.slice(0, -1)},"releases":[`;
      for (let cursor = '0'; ;) {
        const rows: { seq: string; release: OcdsRelease }[] = await db.query(
          `SELECT seq, release FROM ocds_releases WHERE seq > $1 ORDER BY seq LIMIT ${BULK_BATCH}`,
          [cursor],
        );
        for (const row of rows) yield `${count++ ? ',' : ''}${JSON.stringify(row.release)}`;
        if (rows.length < BULK_BATCH) break;
        cursor = rows[rows.length - 1].seq;
      }
      yield ']}';
    }
    await pipeline(Readable.from(chunks()), out);
    return count;
  }
}
