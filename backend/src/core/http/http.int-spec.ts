import { Body, Controller, Module, Post } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@eslabon/contracts';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { Public } from '../auth/auth.decorators';
import { TestStack, createTestStack } from '../../testing';

class LotInput {
  @IsInt()
  @Min(1)
  valueCop!: number;
}

class EchoInput {
  @IsString()
  @IsNotEmpty()
  title!: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => LotInput)
  lots!: LotInput[];
}

/** Exercises the global pipe and filter exactly as feature controllers will use them. */
@Controller('echo')
class EchoController {
  @Public()
  @Post()
  echo(@Body() input: EchoInput): EchoInput {
    return input;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('HTTP conventions', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStack({ BODY_LIMIT: '2kb' }, [EchoModule])));
  afterAll(() => stack.close());

  const server = () => stack.api.getHttpServer();

  it('routes feature endpoints under /api/v1 and accepts valid input', async () => {
    await request(server())
      .post('/api/v1/echo')
      .send({ title: 'Paneles', lots: [{ valueCop: 5 }] })
      .expect(201, {
        title: 'Paneles',
        lots: [{ valueCop: 5 }],
      });
  });

  it('rejects invalid fields with problem+json naming each field', async () => {
    const res = await request(server())
      .post('/api/v1/echo')
      .send({ title: '', lots: [{ valueCop: 1.5 }], extra: true })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      instance: '/api/v1/echo',
      requestId: res.headers['x-request-id'],
    });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/title', field: 'title', code: 'required', messages: ['title should not be empty'] },
        { pointer: '/lots/0/valueCop', field: 'lots.0.valueCop', code: 'integer', messages: ['valueCop must be an integer number'] },
        { pointer: '/extra', field: 'extra', code: 'not_allowed', messages: ['property extra should not exist'] },
      ]),
    );
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const res = await request(server()).get('/api/v1/nothing-here?token=s3cret').expect(404);
    expect(res.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/nothing-here' });
    expect(JSON.stringify(res.body)).not.toContain('s3cret');
  });

  it('refuses bodies over the limit and malformed JSON as problems', async () => {
    const big = await request(server())
      .post('/api/v1/echo')
      .send({ title: 'x'.repeat(4096), lots: [] })
      .expect(413);
    expect(big.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
    const broken = await request(server()).post('/api/v1/echo').set('content-type', 'application/json').send('{"title":').expect(400);
    expect(broken.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('sends security headers', async () => {
    const res = await request(server()).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const doc = await request(server()).get('/api/docs-json').expect(200);
    expect(doc.body.info.title).toBe('Eslabón API');
    expect(Object.keys(doc.body.paths)).toContain('/api/health');
    await request(server()).get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
