import type { AddressInfo } from 'node:net';
import { bindPort } from './server.js';
import { StartupError } from './startup-error.js';

test('the port is taken first: until the app takes it over, every request is told the server is starting', async () => {
  const server = await bindPort({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }).toEqual({
      status: 503,
      retryAfter: '5',
      body: { status: 'starting' },
    });

    const second = bindPort({ port, host: '127.0.0.1' });
    await expect(second).rejects.toBeInstanceOf(StartupError);
    await expect(second).rejects.toThrow(
      `Port ${port} is already in use (127.0.0.1:${port}). Stop the program using it or choose another port: PORT=4100 npm start`,
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
