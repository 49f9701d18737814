import { S3Storage, parseS3Url } from './s3.storage';

const KEY = '0b6c2c9e-3f7e-4c53-9a55-4a1f7c2c1a11/5d8f1f9e-0c6a-4d8e-bb1e-2f4d4a0e9c22';

describe('parseS3Url', () => {
  it('reads endpoint, bucket, region and credentials', () => {
    expect(parseS3Url('https://AKID:se%2Fcret@minio.example.org:9000/eslabon-docs?region=sa-east-1')).toEqual({
      endpoint: new URL('https://minio.example.org:9000'),
      bucket: 'eslabon-docs',
      region: 'sa-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'se/cret',
    });
  });

  it.each(['https://AKID:SECRET@s3.example.org/', 'https://AKID:SECRET@s3.example.org/a/b', 'https://s3.example.org/bucket'])(
    'refuses %s',
    (url) => {
      expect(() => parseS3Url(url)).toThrow(/S3_URL/);
    },
  );
});

describe('S3Storage', () => {
  const location = parseS3Url('http://AKID:SECRET@127.0.0.1:9000/docs');

  it('signs a path-style PUT with the payload hash and content type', () => {
    const req = new S3Storage(location).request('PUT', KEY, Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(req.url).toBe(`http://127.0.0.1:9000/docs/${KEY}`);
    expect(req.headers['Content-Type']).toBe('application/pdf');
    expect(req.headers['X-Amz-Content-Sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(req.headers['Authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('refuses a key it did not generate', () => {
    expect(() => new S3Storage(location).request('GET', '../etc/passwd')).toThrow(/Refusing storage key/);
  });

  it('sends the signed request and reports a refusal with its status', async () => {
    const calls: { url: string; method: string }[] = [];
    const storage = new S3Storage(location, async (url, init) => {
      calls.push({ url, method: init.method });
      return new Response('<Error>AccessDenied</Error>', { status: 403 });
    });
    await expect(storage.get(KEY)).rejects.toThrow(/answered 403: <Error>AccessDenied/);
    expect(calls).toEqual([{ url: `http://127.0.0.1:9000/docs/${KEY}`, method: 'GET' }]);
  });
});
