/** The simulator's own BD_STOCK field list (docs/kingdee-api.md): canonical key, kind and 中文 label for messages. */
export type SimFieldKind = 'id' | 'text' | 'int' | 'bool' | 'ref' | 'status';

export interface SimField {
  readonly key: string;
  readonly kind: SimFieldKind;
  readonly label: string;
}

const f = (key: string, kind: SimFieldKind, label: string): SimField => ({ key, kind, label });

export const STOCK_FIELDS: readonly SimField[] = [
  f('FStockId', 'id', '内码'),
  f('FNumber', 'text', '编码'),
  f('FName', 'text', '名称'),
  f('FCreateOrgId', 'ref', '创建组织'),
  f('FUseOrgId', 'ref', '使用组织'),
  f('FStockProperty', 'text', '仓库属性'),
  f('FStockStatusType', 'text', '库存状态类型'),
  f('FDefStockStatusId', 'ref', '默认库存状态'),
  f('FDefReceiveStatusId', 'ref', '默认收货状态'),
  f('FAllowMinusQty', 'bool', '允许即时库存出现负数'),
  f('FGroup', 'ref', '仓库分组'),
  f('FAddress', 'text', '仓库地址'),
  f('FTel', 'text', '联系电话'),
  f('FDescription', 'text', '描述'),
  f('FTHIRDSTOCKNO', 'text', '第三方仓库编码'),
  f('FGYStockNumber', 'text', '供应商仓库编码'),
  f('FLocListFormatter', 'text', '仓位格式'),
  f('FPrincipal', 'ref', '仓库负责人'),
  f('FThirdStockType', 'text', '第三方仓库类型'),
  f('FSupplierId', 'ref', '供应商'),
  f('FCustomerId', 'ref', '客户'),
  f('FDeptId', 'ref', '部门'),
  f('FIsOpenLocation', 'bool', '启用仓位管理'),
  f('FAllowLock', 'bool', '允许锁库'),
  f('FAllowMRPPlan', 'bool', '参与MRP计算'),
  f('FAvailablePicking', 'bool', '可用于拣货'),
  f('FAvailableAlert', 'bool', '可用库存预警'),
  f('FIsGYStock', 'bool', '供应商仓库'),
  f('FNotExpQty', 'bool', '不参与可用量计算'),
  f('FSortingPriority', 'int', '拣货优先级'),
  f('FDocumentStatus', 'status', '数据状态'),
  f('FForbidStatus', 'status', '禁用状态'),
];

const BY_LOWER = new Map(STOCK_FIELDS.map((x) => [x.key.toLowerCase(), x]));

/** Kingdee matches field keys case-insensitively: FALLOWMINUSQTY is FAllowMinusQty. */
export const stockField = (key: string): SimField | undefined => BY_LOWER.get(key.toLowerCase());

export const REQUIRED_ON_CREATE: readonly string[] = ['FName', 'FNumber', 'FUseOrgId', 'FCreateOrgId'];
/** 仓库属性 1 普通仓库 … 5 第三方仓储. */
export const STOCK_PROPERTIES: readonly string[] = ['1', '2', '3', '4', '5'];
