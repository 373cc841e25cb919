/**
 * One warehouse as WDT's warehouse query returns it, decoded leniently (numbers as strings, 0/1 as
 * booleans) into typed fields. `raw` keeps every field exactly as sent, unknown extras included.
 * Empty strings decode to undefined.
 */
export interface WdtWarehouse {
  readonly warehouseNo: string;
  /** Kept as a string: WDT sends it as a number or a numeric string. */
  readonly warehouseId: string | undefined;
  readonly name: string;
  /** 仓库类型 code (`type`, or `warehouse_type` where only that is sent): 1 普通仓库, 11 奇门仓储, … */
  readonly type: number | undefined;
  readonly subType: number | undefined;
  readonly extWarehouseNo: string | undefined;
  readonly province: string | undefined;
  readonly city: string | undefined;
  readonly district: string | undefined;
  readonly address: string | undefined;
  readonly contact: string | undefined;
  readonly telno: string | undefined;
  readonly mobile: string | undefined;
  readonly zip: string | undefined;
  readonly isDefect: boolean | undefined;
  readonly isDisabled: boolean | undefined;
  readonly remark: string | undefined;
  readonly coordinatesX: number | undefined;
  readonly coordinatesY: number | undefined;
  readonly matchWarehouseId: string | undefined;
  readonly priority: number | undefined;
  /** `yyyy-MM-dd HH:mm:ss`, Asia/Shanghai, as WDT sends it. */
  readonly created: string | undefined;
  readonly modified: string | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}
