import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testAssertion, testToken } from './support/service-tokens';
import { ShoplinkTestApp } from './support/shoplink-test-app';

interface HttpFileRequest {
  readonly title: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** The requests of a `.http` file (VS Code REST Client / JetBrains format) with its `@name = value` variables filled in. */
function requestsOf(text: string, values: Record<string, string>): HttpFileRequest[] {
  const [preamble, ...blocks] = text.split(/^### /m);
  const variables: Record<string, string> = {};
  for (const match of preamble.matchAll(/^@(\w+)\s*=\s*(.*)$/gm)) variables[match[1]] = match[2].trim();
  Object.assign(variables, values);
  const fill = (line: string) => line.replace(/\{\{(\w+)\}\}/g, (_, name: string) => variables[name] ?? `{{${name}}}`);
  return blocks.map((block) => {
    const lines = block.split('\n');
    const title = lines[0].trim();
    const [method, url] = fill(lines[1]).split(' ');
    const headers: Record<string, string> = {};
    let at = 2;
    for (; at < lines.length && lines[at].trim() !== ''; at += 1) {
      const line = fill(lines[at]);
      headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
    }
    const body = lines.slice(at).join('\n').trim();
    return { title, method, url, headers, body: body === '' ? undefined : fill(body) };
  });
}

/** The walkthrough shipped in docs/, sent as written against a fresh service: only the token and the assertion are pasted in. */
describe('docs/linking-story.http, as shipped', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(() => app.destroy());

  it('answers every request as its title says: 2xx, or the refusal it names', async () => {
    const text = readFileSync(join(__dirname, '..', 'docs', 'linking-story.http'), 'utf8');
    // What its comment says to paste: `npm run -s token -- --scopes all --actors all` and `npm run -s assertion -- --member m-17 --mfa`.
    const requests = requestsOf(text, {
      base: app.baseUrl,
      token: await testToken({ service: 'my-laptop' }),
      assertion: await testAssertion({ kind: 'member', id: 'm-17', amr: ['pwd', 'otp'] }),
    });
    expect(requests).toHaveLength(11);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const request of requests) {
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
      const body = (await response.json()) as { code?: string };
      const refusal = /: (\d{3}) ([A-Z_]+)/.exec(request.title);
      const step = request.title.slice(0, request.title.indexOf('.'));
      answers.push(`${step}. ${response.status < 300 ? '2xx' : `${response.status} ${body.code}`}`);
      expected.push(`${step}. ${refusal ? `${refusal[1]} ${refusal[2]}` : '2xx'}`);
    }
    expect(answers).toEqual(expected);
    expect(expected.filter((line) => !line.endsWith('2xx'))).toEqual(['7. 422 MARKETING_LIMIT_REACHED', '8. 422 ACCOUNT_INELIGIBLE']);
  });
});
