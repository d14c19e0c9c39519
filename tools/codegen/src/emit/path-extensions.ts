import type { ApiModel, Operation } from '../model/types.js';

/**
 * Which operations a shorter sibling's method also covers, by the shorter operation's id:
 * `GET /documentation/{contactID}/{eventID}` for `GET /documentation/{contactID}`. The client
 * gives the shorter operation's method optional trailing path arguments and takes the longer path
 * when they are given; every emitter that calls that method must agree, so it is decided here once.
 */
export function findLongerSiblings(model: ApiModel): ReadonlyMap<string, Operation> {
  // Each operation is a candidate for the shorter paths it extends: `/a/{x}/{y}` for `/a/{x}` and
  // `/a`. Looked up by group and shorter path, so each operation checks only those, in model order.
  const candidates = new Map<string, Operation[]>();
  for (const operation of model.operations) {
    for (const shorter of shorterPaths(operation.path)) {
      const key = `${operation.resource.group} ${shorter}`;
      const list = candidates.get(key);
      if (list) list.push(operation);
      else candidates.set(key, [operation]);
    }
  }
  const found = new Map<string, Operation>();
  for (const operation of model.operations) {
    const longer = candidates
      .get(`${operation.resource.group} ${operation.path}`)
      ?.find((other) => extendsWithPathParameters({ shorter: operation, longer: other }));
    if (longer) found.set(operation.id, longer);
  }
  return found;
}

/** The paths this one extends by trailing path parameters: `/a/{x}/{y}` → `/a/{x}`, `/a`. */
function shorterPaths(path: string): string[] {
  const shorter: string[] = [];
  for (let rest = path.replace(TRAILING_PARAMETER, ''); rest !== (shorter.at(-1) ?? path); rest = rest.replace(TRAILING_PARAMETER, ''))
    shorter.push(rest);
  return shorter;
}

/** A path's last segment when it is a parameter: `/{id}` in `/widgets/{id}`. */
export const TRAILING_PARAMETER = /\/\{[^{}/]+\}$/;

/** The names of an operation's path parameters, in path order. */
export function pathParameterNames(operation: Operation): string[] {
  return parameterNamesIn(operation.path);
}

/** The names of the parameters in a path, in order: `/a/{x}/b/{y}` → `x`, `y`. */
export function parameterNamesIn(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string);
}

/**
 * `longer` extends `shorter` when both share method and kind (a plain call or a download; pages
 * and uploads never merge), neither has a body, they differ only by trailing path parameters,
 * take the same other parameters (none of them required) and answer alike: one method with
 * optional trailing arguments then covers both.
 */
function extendsWithPathParameters(options: { shorter: Operation; longer: Operation }): boolean {
  const { shorter, longer } = options;
  if (shorter === longer || shorter.method !== longer.method || shorter.requestBody || longer.requestBody) return false;
  if (mergeableKind(shorter) === undefined || mergeableKind(shorter) !== mergeableKind(longer)) return false;
  if (!longer.path.startsWith(`${shorter.path}/`) || !/^(\/\{[^{}/]+\})+$/.test(longer.path.slice(shorter.path.length))) return false;
  const others = (operation: Operation) =>
    operation.parameters
      .filter((parameter) => parameter.in !== 'path')
      .map((parameter) => `${parameter.in}:${parameter.name}`)
      .sort()
      .join();
  // A required argument cannot follow the optional trailing path arguments.
  const required = shorter.parameters.some((parameter) => parameter.in !== 'path' && parameter.required);
  // `list(org)` and `get(org, id)` answer different things: only the same answers make one method.
  return !required && others(shorter) === others(longer) && successShape(shorter) === successShape(longer);
}

/** What the success responses look like (statuses, media types, schemas, headers), descriptions aside. */
function successShape(operation: Operation): string {
  return JSON.stringify(
    operation.responses
      .filter((response) => operation.patterns.successStatuses.includes(response.status))
      .map((response) => [
        response.status,
        response.contents.map((content) => [content.mediaType, content.schema]),
        response.headers.map((header) => [header.name, header.required, header.schema]),
      ]),
  );
}

/** Downloads merge with downloads and plain calls with plain calls; paginated reads never merge. */
function mergeableKind(operation: Operation): 'call' | 'download' | undefined {
  if (operation.patterns.pendingDownload) return 'download';
  return operation.patterns.pagination ? undefined : 'call';
}
