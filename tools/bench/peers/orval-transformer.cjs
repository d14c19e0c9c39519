// Orval's input transformer for the bench (see orval.config.cjs for why): renames every
// components.schemas entry to the PascalCase name Orval gives it anyway, and rewrites the $refs.
// Orval imports this file and calls its export with the spec it converted to OpenAPI 3.
'use strict';

const SCHEMA_REF = '#/components/schemas/';

function decodePointerSegment(segment) {
  const unescaped = segment.replaceAll('~1', '/').replaceAll('~0', '~');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** Renames components.schemas to Orval's PascalCase names and rewrites every $ref to them. */
function pascalCaseSchemaNames(spec, pascal) {
  const schemas = spec.components?.schemas;
  if (!schemas) return spec;
  const taken = new Set(Object.keys(schemas));
  const renamed = new Map();
  for (const name of Object.keys(schemas)) {
    const next = pascal(name);
    // Leave a name alone where renaming would collide or not settle (Orval's output is unchanged then).
    if (next === name || next === '' || taken.has(next) || pascal(next) !== next) continue;
    taken.add(next);
    renamed.set(name, next);
  }
  if (renamed.size === 0) return spec;
  spec.components.schemas = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]));
  const rewrite = (ref) => {
    if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_REF)) return ref;
    const rest = ref.slice(SCHEMA_REF.length);
    const slash = rest.indexOf('/');
    const segment = slash === -1 ? rest : rest.slice(0, slash);
    const next = renamed.get(decodePointerSegment(segment));
    return next === undefined ? ref : `${SCHEMA_REF}${next}${slash === -1 ? '' : rest.slice(slash)}`;
  };
  const seen = new Set();
  const walk = (node) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node.$ref === 'string') node.$ref = rewrite(node.$ref);
    const mapping = node.discriminator?.mapping;
    if (mapping && typeof mapping === 'object')
      for (const key of Object.keys(mapping)) mapping[key] = renamed.get(mapping[key]) ?? rewrite(mapping[key]);
    for (const value of Object.values(node)) walk(value);
  };
  walk(spec);
  return spec;
}

module.exports = (spec) => pascalCaseSchemaNames(spec, require('@orval/core').pascal);
module.exports.pascalCaseSchemaNames = pascalCaseSchemaNames;
