import { redisOptionsFromUrl } from './redis-options';

describe('redisOptionsFromUrl', () => {
  it.each([
    ['redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380, db: 0 }],
    ['redis://localhost', { host: 'localhost', port: 6379, db: 0 }],
    ['redis://:s%40cret@cache:6379/3', { host: 'cache', port: 6379, db: 3, password: 's@cret' }],
    ['rediss://user:pw@cache.example:6390', { host: 'cache.example', port: 6390, db: 0, username: 'user', password: 'pw', tls: {} }],
  ])('%s', (url, expected) => {
    expect(JSON.parse(JSON.stringify(redisOptionsFromUrl(url)))).toEqual(expected);
  });
});
