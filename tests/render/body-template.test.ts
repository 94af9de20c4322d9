import { describe, expect, it } from "vitest";
import { packTemplate, unpackTemplate, type BodyTemplate } from "../../src/render/body-template.ts";

describe("packed body templates", () => {
  const paragraph = `<p><span class="dateline">NORTH HAVEN, Lakeshore —</span> The council voted 5–2 on the “harbour plan”; 市议会 and مجلس agreed.</p>\n`;
  const template: BodyTemplate = {
    html: paragraph.repeat(40) + "\u0000figure:0\u0000",
    live: {
      summaryHtml: "<p>Summary — pinned.</p>\n",
      updates: [
        { id: "u1", time: { iso: "2026-03-05T09:30:00-06:00", epoch: 1772724600000, hasTime: true, day: "2026-03-05" }, headline: "Polls close", html: "<p>Counting begins.</p>\n" },
        { id: "u2", time: { iso: "2026-03-05T10:00:00-06:00", epoch: 1772726400000, hasTime: true, day: "2026-03-05" }, html: "<p>No headline here.</p>\n" },
      ],
    },
  };

  it("unpacks to the same template, markers, text beyond Latin-1 and live updates included", () => {
    expect(unpackTemplate(packTemplate(template))).toEqual(template);
    expect(unpackTemplate(packTemplate({ html: "" }))).toEqual({ html: "" });
  });

  it("keeps a body as UTF-8 bytes in a buffer of its own: one byte a character of Latin text, not two", () => {
    const packed = packTemplate({ html: template.html });
    expect(packed).toBeInstanceOf(Uint8Array);
    expect(packed.byteLength).toBe(Buffer.byteLength(JSON.stringify({ html: template.html })));
    // Not a view of a shared pool: a clone (a worker's reply) copies a view's whole buffer.
    expect(packed.buffer.byteLength).toBe(packed.byteLength);
  });
});
