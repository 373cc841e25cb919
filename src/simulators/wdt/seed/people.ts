import { Pick } from './prng';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '海燕',
  '晓东',
  '丽娟',
  '国庆',
  '文博',
  '子涵',
  '雨欣',
  '俊杰',
  '浩然',
  '思远',
];
// Real mobile prefixes (China Mobile, Unicom, Telecom).
const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '176',
  '133',
  '153',
  '180',
  '181',
  '189',
  '177',
  '199',
];

export function personName(pick: Pick): string {
  return pick.one(SURNAMES) + pick.one(GIVEN);
}

/** 11 digits, a real operator prefix. */
export function mobile(pick: Pick): string {
  return pick.one(MOBILE_PREFIXES) + pick.digits(8);
}

/** `021-58761234`: 3-digit area codes go with 8-digit numbers, 4-digit ones with 7 or 8. */
export function landline(pick: Pick, areaCode: string): string {
  const length = areaCode.length === 3 ? 8 : pick.int(7, 8);
  return `${areaCode}-${String(pick.int(2, 8))}${pick.digits(length - 1)}`;
}
