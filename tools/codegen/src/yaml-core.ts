import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

/**
 * The fast path for YAML specs: js-yaml with exactly YAML 1.2's core schema (the schema `yaml`
 * parses with by default). js-yaml loads in about a tenth of the time of the `yaml` package and
 * parses the Complero spec 5–10× faster, but it knows no alias limit and gives no positions. So it
 * is used only where neither is needed: `parseYamlFast` returns undefined when the text may hold
 * anchors (then aliases could multiply the document) or when js-yaml rejects it; the caller then
 * parses with `yaml`, which expands aliases under a limit and says where an error is.
 */
export function parseYamlFast(text: string): { value: unknown } | undefined {
  // An anchor is `&name` at the start of a node: after a line start, a space, `[`, `{` or `,`.
  // This also matches a few `&` inside strings; those texts just take the slower path.
  if (/(?:^|[\s[{,])&\S/.test(text)) return undefined;
  const { load, schema } = loadJsYaml();
  try {
    return { value: load(text, { schema }) };
  } catch {
    return undefined;
  }
}

let jsYaml: { load: typeof JsYaml.load; schema: JsYaml.Schema } | undefined;

function loadJsYaml(): { load: typeof JsYaml.load; schema: JsYaml.Schema } {
  if (jsYaml) return jsYaml;
  const { FAILSAFE_SCHEMA, Type, load } = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;
  // YAML 1.2.2, 10.3.2 "Tag Resolution". js-yaml's own CORE_SCHEMA also reads YAML 1.1 forms
  // (`1_000`, `0b101`) as numbers, which `yaml` and the YAML 1.2 spec read as strings.
  const scalar = (tag: string, pattern: RegExp, construct: (text: string) => unknown) =>
    new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => pattern.test(text ?? ''), construct });
  const schema = FAILSAFE_SCHEMA.extend({
    implicit: [
      scalar('null', /^(?:~|null|Null|NULL|)$/, () => null),
      scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => /^t/i.test(text)),
      scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
        text.startsWith('0o')
          ? Number.parseInt(text.slice(2), 8)
          : text.startsWith('0x')
            ? Number.parseInt(text.slice(2), 16)
            : Number.parseInt(text, 10),
      ),
      scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (text) =>
        /\.(?:nan|NaN|NAN)$/.test(text)
          ? Number.NaN
          : /inf$/i.test(text)
            ? text.startsWith('-')
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY
            : Number.parseFloat(text),
      ),
    ],
  });
  jsYaml = { load, schema };
  return jsYaml;
}
