/**
 * The drift classifier's vocabulary: every rule it can report, with its semver impact. One
 * table, so the README, the report and the tests all read the same source.
 */

/** How much a change matters to someone who upgrades. `none` only describes "no change". */
export type Impact = 'major' | 'minor' | 'patch';

/** The recommended version bump: the highest impact of all changes, or `none`. */
export type Bump = Impact | 'none';

/** Which way data flows through a schema: clients send requests and read responses. */
export type Direction = 'request' | 'response';

export const RULES = {
  // Operations
  'operation-removed': { impact: 'major', summary: 'an operation is gone' },
  'operation-moved': { impact: 'major', summary: 'an operation (same operationId) has a new path or method' },
  'operation-id-renamed': { impact: 'major', summary: 'the same path and method have a new operationId' },
  'operation-added': { impact: 'minor', summary: 'a new operation' },
  'security-changed': { impact: 'major', summary: 'an operation requires other credentials, or a security scheme changed or is gone' },
  'security-scheme-added': { impact: 'minor', summary: 'a new security scheme' },
  // Parameters (always request-facing)
  'parameter-added-required': { impact: 'major', summary: 'a new required parameter' },
  'parameter-added-optional': { impact: 'minor', summary: 'a new optional parameter' },
  'parameter-removed': { impact: 'major', summary: 'a parameter is gone' },
  'parameter-made-required': { impact: 'major', summary: 'an optional parameter became required' },
  'parameter-made-optional': { impact: 'minor', summary: 'a required parameter became optional' },
  'parameter-type-changed': { impact: 'major', summary: "a parameter's type changed" },
  // Request bodies
  'request-body-added-required': { impact: 'major', summary: 'an operation now requires a body' },
  'request-body-added-optional': { impact: 'minor', summary: 'an operation now accepts an optional body' },
  'request-body-removed': { impact: 'major', summary: 'an operation no longer accepts a body' },
  'request-body-made-required': { impact: 'major', summary: 'an optional body became required' },
  'request-content-type-removed': { impact: 'major', summary: 'a request media type is no longer accepted' },
  'request-content-type-added': { impact: 'minor', summary: 'a new request media type' },
  'request-property-added-required': { impact: 'major', summary: 'a new required request property' },
  'request-property-added-optional': { impact: 'minor', summary: 'a new optional request property' },
  'request-property-removed': { impact: 'major', summary: 'a request property is gone (clients that send it no longer type-check)' },
  'request-property-made-required': { impact: 'major', summary: 'an optional request property became required' },
  'request-property-made-optional': { impact: 'minor', summary: 'a required request property became optional' },
  'request-property-type-changed': { impact: 'major', summary: "a request body's or property's type changed" },
  // Responses
  'response-status-removed': { impact: 'major', summary: 'a response status is no longer documented' },
  'response-status-added': { impact: 'minor', summary: 'a new response status' },
  'response-content-type-removed': { impact: 'major', summary: 'a response media type is gone' },
  'response-content-type-added': { impact: 'minor', summary: 'a new response media type' },
  'response-header-removed': { impact: 'major', summary: 'a response header is gone' },
  'response-header-added': { impact: 'minor', summary: 'a new response header' },
  'response-header-type-changed': { impact: 'major', summary: "a response header's type changed" },
  'response-property-removed': { impact: 'major', summary: 'a response property is gone' },
  'response-property-added': { impact: 'minor', summary: 'a new response property' },
  'response-property-made-optional': { impact: 'major', summary: 'a required response property became optional' },
  'response-property-made-required': { impact: 'minor', summary: 'an optional response property became required' },
  'response-property-type-changed': { impact: 'major', summary: "a response body's or property's type changed" },
  // Enums, by direction: a generated SDK turns an enum into a union type. Clients send request
  // values, so only a wider request union is safe; they compare and switch on response values, so
  // a response union that widens (an unhandled case) or narrows (`status === 'gone'` no longer
  // compiles) breaks them either way.
  'enum-value-removed-request': { impact: 'major', summary: 'a value clients may send is no longer accepted' },
  'enum-value-added-response': { impact: 'major', summary: 'a value clients do not handle may now be returned' },
  'enum-value-removed-response': {
    impact: 'major',
    summary: 'a value is no longer returned (code that compares against it no longer compiles)',
  },
  'enum-value-added-request': { impact: 'minor', summary: 'a new value clients may send' },
  // Named schemas (exported types)
  'schema-removed': { impact: 'major', summary: 'a named schema (an exported type) is gone' },
  'schema-added': { impact: 'minor', summary: 'a new named schema' },
  'constraint-changed': { impact: 'minor', summary: 'a validation keyword changed (format, pattern, minimum, maxLength, …)' },
  'base-url-changed': { impact: 'minor', summary: "the API's default server changed" },
  // Documentation
  'summary-changed': { impact: 'patch', summary: 'a summary changed' },
  'description-changed': { impact: 'patch', summary: 'a description changed' },
  'example-changed': { impact: 'patch', summary: 'an example changed' },
  'tags-changed': { impact: 'patch', summary: "an operation's tags or the document's tag list changed" },
  'deprecated-changed': { impact: 'patch', summary: 'something was marked (or un-marked) deprecated' },
  'info-changed': { impact: 'patch', summary: "the document's title or version changed" },
  'order-changed': {
    impact: 'patch',
    summary:
      "the same items in another order: a schema's `required` or `enum` list, an `allOf`/`oneOf`/`anyOf`, an operation's parameters or security alternatives",
  },
  'vendor-extension-changed': {
    impact: 'patch',
    summary: 'an `x-*` vendor extension changed, wherever it sits (the generator never turns one into code)',
  },
  'unclassified-change': { impact: 'minor', summary: 'the models differ in a way no other rule names: review by hand' },
} as const satisfies Record<string, { impact: Impact; summary: string }>;

export type RuleId = keyof typeof RULES;

/** One semantic difference between the committed spec and the upstream one. */
export interface DriftChange {
  readonly impact: Impact;
  readonly rule: RuleId;
  /** The operationId concerned (the upstream one, or the committed one when it is gone); null for document-level changes. */
  readonly operation: string | null;
  /** JSON pointer into the OpenAPI 3 form of the spec the generator reads (the upstream side; the committed side for removals). */
  readonly pointer: string;
  readonly message: string;
}

const IMPACT_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Builds a change with its impact taken from the rule table. */
export function createChange(options: { rule: RuleId; operation: string | null; pointer: string; message: string }): DriftChange {
  return { impact: RULES[options.rule].impact, ...options };
}

/** The highest impact among `changes`, or `none` for no changes. */
export function recommendBump(changes: readonly DriftChange[]): Bump {
  return changes.reduce<Bump>((bump, change) => (IMPACT_RANK[change.impact] > IMPACT_RANK[bump] ? change.impact : bump), 'none');
}

/** True when `bump` is at or above `threshold` (`none` as a threshold never fails). */
export function isAtLeast(options: { bump: Bump; threshold: Bump }): boolean {
  if (options.threshold === 'none') return false;
  return IMPACT_RANK[options.bump] >= IMPACT_RANK[options.threshold];
}
