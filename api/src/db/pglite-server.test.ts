import { ErrorSeverities } from './pglite-server.js';

/** A backend message: type byte, length (itself included), body. */
function backendMessage(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const errorResponse = (severity: string, message: string) => backendMessage('E', Buffer.from(`S${severity}\0V${severity}\0C53100\0M${message}\0\0`, 'utf8'));

test('error severities are found in a backend output cut anywhere, whatever else it holds', () => {
  const output = Buffer.concat([
    backendMessage('1', Buffer.alloc(0)), // ParseComplete: no body at all
    backendMessage('D', Buffer.from('\0\u0001\0\0\0\u0010PANIC in a value')), // a data row that merely says PANIC
    errorResponse('ERROR', 'could not extend file "base/5/16384": No space left on device'),
    errorResponse('PANIC', 'could not write to file "pg_wal/xlogtemp.42": No space left on device'),
    backendMessage('Z', Buffer.from('E')),
  ]);
  for (const size of [1, 2, 3, 7, 64, output.length]) {
    const found: [string, string][] = [];
    const severities = new ErrorSeverities((severity, message) => found.push([severity, message]));
    for (let at = 0; at < output.length; at += size) severities.feed(new Uint8Array(output.subarray(at, at + size)));
    expect({ size, found }).toEqual({
      size,
      found: [
        ['ERROR', 'could not extend file "base/5/16384": No space left on device'],
        ['PANIC', 'could not write to file "pg_wal/xlogtemp.42": No space left on device'],
      ],
    });
  }
});
