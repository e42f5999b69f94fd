import express from 'express';
import { Agent, request } from 'node:http';
import { closeServer, listen } from './httpServer';

function get(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('closeServer: a graceful stop', () => {
  it('refuses new connections, answers the request in flight, and drops idle keep-alive connections', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const app = express();
    app.get('/fast', (_req, res) => {
      res.send('fast');
    });
    app.get('/slow', (_req, res) => {
      arrived();
      void released.then(() => res.send('slow, but answered'));
    });
    // Idle connections would otherwise stay open for two minutes: closing must not wait for that.
    const { server, url } = await listen(app, '127.0.0.1', 0, { keepAliveTimeoutMs: 120_000 });
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 2 });
    expect(await get(`${url}/fast`, keepAlive)).toBe('fast'); // leaves an idle keep-alive socket

    const slow = get(`${url}/slow`, keepAlive);
    await inFlight;
    // A grace longer than any test ceiling: the stop must end because the work did, not by the cut.
    const closing = closeServer(server, 600_000);

    await expect(get(`${url}/fast`, new Agent({ keepAlive: false }))).rejects.toThrow(/ECONNREFUSED/);
    release();
    expect(await slow).toBe('slow, but answered');
    await closing;
    expect(server.listening).toBe(false);
    keepAlive.destroy();
  });
});
