import { describe, expect, it } from 'vitest';
import { startAnthropicServer, startOpenAIServer } from './index.js';

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('loopback model servers', () => {
  it('answers from a function of the request, and records every request', async () => {
    const server = await startOpenAIServer([(req, index) => ({ text: `echo ${req.body.messages.length} #${index}` })]);
    try {
      const res = await post(`${server.url}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      const body = (await res.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]!.message.content).toBe('echo 1 #0');
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers['content-type']).toBe('application/json');
      expect(server.pending()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('says when the script is exhausted, telling SDKs not to retry', async () => {
    const server = await startAnthropicServer([]);
    try {
      const res = await post(`${server.url}/v1/messages`, {});
      expect(res.status).toBe(500);
      expect(res.headers.get('x-should-retry')).toBe('false');
      expect(await res.json()).toEqual({
        type: 'error',
        error: { type: 'api_error', message: 'test server script exhausted: request 1 has no scripted reply' },
        request_id: 'req_test',
      });
    } finally {
      await server.close();
    }
  });

  it('rejects unknown paths without using the script', async () => {
    const server = await startAnthropicServer([{ text: 'kept' }]);
    try {
      const res = await post(`${server.url}/v1/complete`, {});
      expect(res.status).toBe(404);
      expect(server.pending()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('closes with a stalled stream still open', async () => {
    const server = await startOpenAIServer([{ text: 'never ends', stallAfter: 1 }]);
    const res = await post(`${server.url}/chat/completions`, { stream: true });
    const reader = res.body!.getReader();
    await reader.read();
    await server.close();
    await expect(reader.read()).rejects.toThrow();
  });
});
