// ESLint rule `mdm/domain-imports`: a file in a `domain/` folder imports only its own domain folder,
// `src/shared/` and `src/contracts/` (plus packages, which the `no-restricted-imports` rule vets).
// Relative specifiers are resolved against the importing file, so `../../ingestion/x` and
// `../domain/../../ingestion/x` are caught alike.
import path from 'node:path';

function domainRoot(file) {
  const parts = file.split('/');
  const at = parts.lastIndexOf('domain');
  return at < 0 ? undefined : parts.slice(0, at + 1).join('/');
}

export const domainImports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      outward:
        "domain/ imports only itself, src/shared/ and src/contracts/ ('{{target}}' is outside): move what crosses the border to src/contracts/.",
    },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const own = domainRoot(file);
    if (own === undefined) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const allowed = [own + '/', 'src/shared/', 'src/contracts/'];
      if (allowed.some((prefix) => target.startsWith(prefix) || target + '/' === prefix)) return;
      context.report({ node, messageId: 'outward', data: { target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'domain-imports': domainImports } };
