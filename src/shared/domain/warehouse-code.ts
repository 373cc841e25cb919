/**
 * The one definition of a warehouse code (WDT warehouse_no, the hub's source key, Kingdee FNumber).
 *
 * Shop staff type the same code several ways: `ＷＨ－ＦＷ０１` with a full-width input method,
 * `WH-SP-02 ` with a trailing space. Every place that compares or stores a code uses this function,
 * so those spellings are one warehouse:
 *
 * - leading and trailing whitespace is dropped (the ideographic space U+3000 included);
 * - full-width ASCII (U+FF01–U+FF5E: letters, digits, `－`, `＿`, `．`, …) becomes half-width;
 * - a run of inner whitespace becomes one space. Inner spaces are kept, not removed: `A 1` and `A1`
 *   may be two warehouses in WDT, and removing them could merge the two;
 * - letter case is kept. WDT stores warehouse_no as typed and Kingdee's FNumber is as sent, so `wh-01`
 *   and `WH-01` can be two warehouses; upper-casing would merge them.
 *
 * Nothing else changes: CJK characters and other dashes (`—`) stay as typed. The result is empty
 * (null) when nothing but whitespace was typed.
 */
const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;

export function warehouseCode(typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined) return null;
  let folded = '';
  for (const char of typed) {
    const code = char.codePointAt(0)!;
    folded += code >= FULL_WIDTH_START && code <= FULL_WIDTH_END ? String.fromCodePoint(code - FULL_TO_HALF_OFFSET) : char;
  }
  // \s with the u flag covers U+3000 and the other Unicode spaces.
  const code = folded.replace(/\s+/gu, ' ').trim();
  return code === '' ? null : code;
}

/** The code of a warehouse_no known to be usable (decoded rows always have one); else the text as typed. */
export function codeOf(typed: string): string {
  return warehouseCode(typed) ?? typed;
}
