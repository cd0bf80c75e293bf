import { describe, expect, it } from "vitest";
import { lengthBand, reportFilterSchema } from "@/lib/reports/schema";

describe("CBSA length-of-detention bands", () => {
  it.each([
    [1, "UP_TO_24_HOURS"],
    [24, "UP_TO_24_HOURS"],
    [24.01, "25_TO_48_HOURS"],
    [48, "25_TO_48_HOURS"],
    [48.5, "3_TO_9_DAYS"],
    [9.99 * 24, "3_TO_9_DAYS"],
    [10 * 24, "10_TO_39_DAYS"],
    [39.9 * 24, "10_TO_39_DAYS"],
    [40 * 24, "40_TO_99_DAYS"],
    [99.9 * 24, "40_TO_99_DAYS"],
    [100 * 24, "OVER_99_DAYS"],
    [400 * 24, "OVER_99_DAYS"],
  ])("%d hours falls in %s", (hours, band) => {
    expect(lengthBand(hours)).toBe(band);
  });
});

describe("report filters", () => {
  it("default to the last twelve months grouped by office", () => {
    const filters = reportFilterSchema.parse({});
    expect(filters.groupBy).toBe("office");
    expect(Date.parse(filters.to) - Date.parse(filters.from)).toBe(365 * 86_400_000);
  });

  it("refuse an end before the start and unknown groupings", () => {
    expect(reportFilterSchema.safeParse({ from: "2026-05-01", to: "2026-04-01" }).success).toBe(false);
    expect(reportFilterSchema.safeParse({ groupBy: "facility" }).success).toBe(false);
    expect(reportFilterSchema.safeParse({ officeId: "not-a-uuid" }).success).toBe(false);
  });
});
