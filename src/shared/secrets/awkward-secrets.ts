/** Secrets as people type them, for tests: quotes, backslashes, dollars, Chinese, spaces, a tab. */
export const AWKWARD_SECRETS: readonly string[] = [
  'pa"ss\\wo$rd',
  '金蝶 密码$1"\\',
  'Tab\tand "quoted" \\n not a newline',
  '$$ spaced out $$',
];
