/**
 * Generated from src/contracts/golden-field-catalogue.ts by scripts/generate-from-catalogue.mjs (run by
 * the console build): do not edit. Regenerate with `npm run build && node scripts/generate-from-catalogue.mjs`.
 */
export const fieldLabelsZhCN = {
  'field.warehouseNo': '仓库编号',
  'field.name': '仓库名称',
  'field.typeCode': '仓库类型',
  'field.typeLabel': '仓库类型名称',
  'field.status': '状态',
  'field.isDefect': '残次品仓',
  'field.province': '省',
  'field.city': '市',
  'field.district': '区',
  'field.address': '地址',
  'field.contact': '联系人',
  'field.telno': '电话',
  'field.mobile': '手机',
  'field.zip': '邮编',
  'field.remark': '备注',
  'field.extWarehouseNo': '外部仓库编号',
  'field.coordinates': '坐标',
  'field.mergedInto': '已合并到',
} as const;

export const fieldLabelsEn: Record<keyof typeof fieldLabelsZhCN, string> = {
  'field.warehouseNo': 'Warehouse no.',
  'field.name': 'Name',
  'field.typeCode': 'Type',
  'field.typeLabel': 'Type name',
  'field.status': 'Status',
  'field.isDefect': 'Defective-goods',
  'field.province': 'Province',
  'field.city': 'City',
  'field.district': 'District',
  'field.address': 'Address',
  'field.contact': 'Contact',
  'field.telno': 'Telephone',
  'field.mobile': 'Mobile',
  'field.zip': 'Postcode',
  'field.remark': 'Remark',
  'field.extWarehouseNo': 'External no.',
  'field.coordinates': 'Coordinates',
  'field.mergedInto': 'Merged into',
};
