import { describe, expect, it } from "vitest";
import { readBodyAtMost } from "@/lib/http/read-body";

/** A body arriving in these chunks, as a chunked upload does (no declared length). */
function streamOf(...chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      chunks.forEach((size, index) => controller.enqueue(new Uint8Array(size).fill(index + 1)));
      controller.close();
    },
  });
}

describe("reading a body up to a limit", () => {
  it("joins the chunks of a body within the limit, in order", async () => {
    expect(Array.from((await readBodyAtMost(streamOf(2, 3), 5))!)).toEqual([1, 1, 2, 2, 2]);
  });

  it("refuses a body one byte over, whatever the chunking", async () => {
    expect(await readBodyAtMost(streamOf(6), 5)).toBeNull();
    expect(await readBodyAtMost(streamOf(3, 3), 5)).toBeNull();
    expect(await readBodyAtMost(streamOf(1, 1, 1, 1, 1, 1), 5)).toBeNull();
  });

  it("reads the whole of a refused body, so the server can answer before the client stops sending", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled <= 3) controller.enqueue(new Uint8Array(4));
        else controller.close();
      },
    });
    expect(await readBodyAtMost(body, 5)).toBeNull();
    // Three chunks and the end: nothing left unread past the limit.
    expect(pulled).toBe(4);
  });

  it("reads no body as empty", async () => {
    expect(await readBodyAtMost(null, 5)).toEqual(new Uint8Array());
  });
});
