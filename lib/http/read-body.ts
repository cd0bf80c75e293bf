/**
 * A request body's bytes, or null when it passes `limit`: a chunked body declares no length, so it is counted as it
 * arrives. Past the limit the rest is read and dropped, not cancelled: Next.js answers only once the request's body
 * has ended (a cancelled read left the request hanging), so the client gets the answer (413), not a reset. Used by
 * the proxy for server actions and by the document upload route, each with its own limit.
 */
export async function readBodyAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) return null;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
