import http from 'node:http';

export interface RawRequest {
  readonly method: string;
  /** Sent as is: may hold bad escapes, dot segments, latin-1 bytes. */
  readonly path: string;
  /** An array value sends the header once per element (duplicate header lines). */
  readonly headers: Record<string, string | string[]>;
  readonly body?: string | Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly json: any;
}

/**
 * One request over node:http rather than fetch: fetch merges duplicate headers, normalises the
 * path and refuses some header values, and a fuzzer wants to send exactly what it generated.
 * A streamed answer (the SSE feed) is cut once its status is known.
 */
export function sendRaw(baseUrl: string, request: RawRequest, agent: http.Agent, timeoutMs = 15_000): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const headers = { ...request.headers };
  // Without framing, Node's client sends the body of a GET or DELETE bare, and the server reads it as the next request.
  if (request.body !== undefined && headers['transfer-encoding'] === undefined)
    headers['content-length'] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent, timeout: timeoutMs },
      (res) => {
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '', json: null });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text === '' ? null : JSON.parse(text);
          } catch {
            // Not JSON (the OpenAPI page, an export): the text is kept.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${request.method} ${request.path.slice(0, 200)}`)));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
