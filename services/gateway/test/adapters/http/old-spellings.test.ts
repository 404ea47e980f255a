import { z } from "zod";
import { acceptingOldSpellings, respell } from "../../../src/adapters/http/old-spellings";

const schema = acceptingOldSpellings(z.object({ a: z.object({ newName: z.number() }), topName: z.string() }), {
  "a.old_name": "a.newName",
  top_name: "topName",
});

describe("old request spellings", () => {
  it("moves each old spelling to its new name, nested too, and says which were used, leaving the given body as it was", () => {
    const given = { a: { old_name: 1 }, top_name: "x" };
    expect(respell(schema, given)).toEqual({ body: { a: { newName: 1 }, topName: "x" }, used: ["a.old_name", "top_name"] });
    expect(given).toEqual({ a: { old_name: 1 }, top_name: "x" });
  });

  it("uses nothing when the body has the new spellings, or the schema takes no old ones", () => {
    expect(respell(schema, { a: { newName: 1 }, topName: "x" }).used).toEqual([]);
    expect(respell(z.object({ top_name: z.string() }), { top_name: "x" })).toEqual({ body: { top_name: "x" }, used: [] });
    expect(respell(schema, "not an object")).toEqual({ body: "not an object", used: [] });
    expect(respell(schema, { a: 3, top_name: "x" })).toEqual({ body: { a: 3, topName: "x" }, used: ["top_name"] });
  });

  it("takes both spellings with the same value, and refuses them with different values naming the new field", () => {
    expect(respell(schema, { a: { newName: 1, old_name: 1 } }).body).toEqual({ a: { newName: 1 } });
    expect(() => respell(schema, { a: { newName: 1, old_name: 2 } })).toThrow(
      expect.objectContaining({ code: "SPELLINGS_DIFFER", status: 400, field: "a.newName" }),
    );
  });
});
