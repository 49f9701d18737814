import { sign } from 'aws4';
import { ObjectStorage, assertStorageKey } from './object-storage';

export interface S3Location {
  endpoint: URL;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** `https://KEY:SECRET@host[:port]/bucket?region=…` (path-style addressing, which every S3-compatible service accepts). */
export function parseS3Url(url: string): S3Location {
  const u = new URL(url);
  const bucket = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, ''));
  if (!bucket || bucket.includes('/'))
    throw new Error('S3_URL must name one bucket as its path, e.g. https://KEY:SECRET@s3.example.org/eslabon');
  if (!u.username || !u.password) throw new Error('S3_URL must carry the access key and secret as user and password');
  return {
    endpoint: new URL(`${u.protocol}//${u.host}`),
    bucket,
    region: u.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
  };
}

export interface SignedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array<ArrayBuffer> }) => Promise<Response>;

/** S3 objects over plain HTTPS with Signature V4 (aws4), so no SDK is needed for three calls. */
export class S3Storage implements ObjectStorage {
  constructor(
    private readonly location: S3Location,
    private readonly fetcher: Fetch = (url, init) => fetch(url, init),
  ) {}

  /** The signed request for one object call; public so its shape can be checked without a server. */
  request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string): SignedRequest {
    assertStorageKey(key);
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = this.location;
    const path = `/${encodeURIComponent(bucket)}/${key}`;
    const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {};
    const signed = sign(
      { host: endpoint.host, path, method, service: 's3', region, headers, body, protocol: endpoint.protocol },
      { accessKeyId, secretAccessKey },
    );
    return { url: `${endpoint.origin}${path}`, method, headers: signed.headers as Record<string, string>, body };
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.send(this.request('PUT', key, body, contentType));
  }

  async get(key: string): Promise<Buffer> {
    return Buffer.from(await (await this.send(this.request('GET', key))).arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    await this.send(this.request('DELETE', key));
  }

  private async send(req: SignedRequest): Promise<Response> {
    // fetch sets Host itself from the URL, the same value that was signed.
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.toLowerCase() !== 'host'));
    const res = await this.fetcher(req.url, { method: req.method, headers, body: req.body && new Uint8Array(req.body) });
    if (!res.ok) throw new Error(`S3 ${req.method} ${req.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res;
  }
}
