/**
 * The ceiling for Node on this machine: a bare node:http server that reads and parses a JSON
 * body and answers a JSON body of a given size, doing nothing else.
 */
import http from 'node:http';

export function startCeilingServer(
  responseBytes: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const filler = 'A'.repeat(Math.max(0, responseBytes - 60));
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key_id?: string };
      const body = JSON.stringify({ key_id: parsed.key_id ?? '', cipher_text: filler });
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
