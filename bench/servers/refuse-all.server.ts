/**
 * The flood benchmark's floor: a bare node:http server that answers every request 429 with a short
 * JSON body, as cheaply as Node can answer at all. Flooding it instead of the service, while the
 * legitimate reads still go to the service, measures what the flood costs the machine (its sender,
 * the loopback, the kernel) apart from anything the service does. PORT, HOST from the environment.
 */
import { createServer } from 'node:http';

const BODY = JSON.stringify({
  statusCode: 429,
  error: 'Too Many Requests',
  code: 'RATE_LIMITED',
  message: 'retry after 10 s',
  details: [],
});

createServer((request, response) => {
  const ready = request.url === '/ready';
  response.writeHead(ready ? 200 : 429, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(ready ? '{}' : BODY),
    'retry-after': '10',
  });
  response.end(ready ? '{}' : BODY);
}).listen(Number(process.env.PORT ?? 3102), process.env.HOST ?? '127.0.0.1');
