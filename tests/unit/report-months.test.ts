import { describe, expect, it } from "vitest";
import { labelledTicks, MAX_AXIS_MONTHS, monthSeries } from "@/lib/reports/months";

describe("a month axis is time: missing months are gaps", () => {
  it("fills the months between the first and the last with nothing recorded", () => {
    expect(monthSeries([{ label: "2026-01", value: 0.5 }, { label: "2026-04", value: 0.75 }])).toEqual([
      { label: "2026-01", value: 0.5 },
      { label: "2026-02", value: null },
      { label: "2026-03", value: null },
      { label: "2026-04", value: 0.75 },
    ]);
  });

  it("rolls over the year, in order whatever order the rows came in", () => {
    expect(monthSeries([{ label: "2026-01", value: 1 }, { label: "2025-11", value: 0 }]).map((point) => point.label)).toEqual(["2025-11", "2025-12", "2026-01"]);
  });

  it("keeps a month with a value of zero as zero, not a gap", () => {
    expect(monthSeries([{ label: "2026-05", value: 0 }])).toEqual([{ label: "2026-05", value: 0 }]);
  });

  it("ignores labels that are not months, and an axis too long to draw month by month", () => {
    expect(monthSeries([{ label: "2026-13", value: 1 }, { label: "Toronto", value: 1 }])).toEqual([]);
    const far = [{ label: "2000-01", value: 1 }, { label: "2026-01", value: 2 }];
    expect(monthSeries(far)).toEqual(far);
    expect(MAX_AXIS_MONTHS).toBe(120);
  });
});

describe("axis labels that fit", () => {
  it.each([
    [3, 12, [0, 1, 2]],
    [12, 12, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    [13, 12, [0, 2, 4, 6, 8, 10, 12]],
    [14, 12, [0, 2, 4, 6, 8, 10, 13]],
    [1, 12, [0]],
    [0, 12, []],
  ])("%i ticks with room for %i: %j", (count, room, shown) => {
    expect([...labelledTicks(count, room)].sort((a, b) => a - b)).toEqual(shown);
  });
});
