import type { InterfaceDeclarationStructure, StatementStructures } from 'ts-morph';
import { propertyKey } from '../model/naming.js';
import { isBinaryContent, isJsonMediaType } from '../model/patterns.js';
import type { ApiModel, MediaContent, Operation, Response } from '../model/types.js';
import type { OpenApiDocument } from '../upgrade.js';
import { renderOpenApiTypeScript } from './openapi-types.js';
import { banner, docs, type EmitContext, generatedDir, literal, type PlannedFile, printModule, simpleSchemaType } from './shared.js';
import { StructureKind, VariableDeclarationKind, Writers } from './ts-morph.js';

/** Folder of the types package inside the output root. */
export const TYPES_PACKAGE_FOLDER = 'types';

/**
 * `@scope/types`: openapi-typescript's `paths`/`components`/`operations`, and named, documented
 * exports for every schema, enum, validation error code and per-operation shape.
 */
export async function emitTypes(options: {
  model: ApiModel;
  document: OpenApiDocument;
  context: EmitContext;
  /** openapi-typescript's part if it is being rendered elsewhere (a worker, for large specs). */
  openapiTypes?: Promise<string>;
}): Promise<PlannedFile[]> {
  const { model, context } = options;
  const dir = generatedDir(TYPES_PACKAGE_FOLDER);
  const module = (name: string, statements: readonly (StatementStructures | string)[]) =>
    printModule({ path: `${dir}/${name}`, statements, context });
  // Started first. When a worker renders it (see generate.ts), it runs there while this thread prints
  // the modules below and the other packages' emitters.
  const openapi = renderOpenApiTypes({ document: options.document, context, rendered: options.openapiTypes });
  const modules = [
    module('schemas.ts', schemaStatements(model)),
    module('enums.ts', enumStatements(model)),
    module('validation-errors.ts', validationErrorStatements(model)),
    module('operations.ts', operationStatements(model)),
    module('index.ts', [
      "export type { $defs, components, operations, paths, webhooks } from './openapi.js';",
      "export type * from './schemas.js';",
      "export * from './enums.js';",
      "export * from './validation-errors.js';",
      "export type * from './operations.js';",
    ]),
  ];
  return [{ path: `${dir}/openapi.ts`, content: await openapi }, ...modules];
}

async function renderOpenApiTypes(options: {
  document: OpenApiDocument;
  context: EmitContext;
  rendered: Promise<string> | undefined;
}): Promise<string> {
  const text = await (options.rendered ?? renderOpenApiTypeScript(options.document));
  return `${banner(options.context)}${text}`;
}

function schemaStatements(model: ApiModel): StatementStructures[] {
  if (model.schemas.length === 0) return [{ kind: StructureKind.ExportDeclaration, namedExports: [] }];
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './openapi.js', namedImports: ['components'] },
    ...model.schemas.map(
      (schema): StatementStructures => ({
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: schema.typeName,
        type: `components['schemas'][${literal(schema.name)}]`,
        docs: docs([schema.description ?? `The \`${schema.name}\` schema.`]),
      }),
    ),
  ];
}

function enumStatements(model: ApiModel): StatementStructures[] {
  if (model.enums.length === 0) return [{ kind: StructureKind.ExportDeclaration, namedExports: [] }];
  const schemaTypes = new Set(model.schemas.map((schema) => schema.typeName));
  // A top-level enum schema's type lives in schemas.ts; its `as const` list here needs it in scope.
  const imported = [...new Set(model.enums.map((named) => named.typeName).filter((name) => schemaTypes.has(name)))].sort();
  const imports: StatementStructures[] =
    imported.length === 0
      ? []
      : [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './schemas.js', namedImports: imported }];
  return [
    ...imports,
    ...model.enums.flatMap((named): StatementStructures[] => {
      const union = named.values.map(literal).join(' | ');
      const type: StatementStructures[] = schemaTypes.has(named.typeName)
        ? []
        : [
            {
              kind: StructureKind.TypeAlias,
              isExported: true,
              name: named.typeName,
              type: union,
              docs: docs([named.description, `From \`${named.pointer}\`.`]),
            },
          ];
      return [
        ...type,
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: docs([`Every \`${named.typeName}\`, in the order the spec lists them.`]),
          declarations: [
            {
              name: named.constName,
              initializer: `[${named.values.map(literal).join(', ')}] as const satisfies readonly ${named.typeName}[]`,
            },
          ],
        },
      ];
    }),
  ];
}

function validationErrorStatements(model: ApiModel): StatementStructures[] {
  const codes = model.validationErrorCodes;
  const union = codes.length > 0 ? codes.map((code) => literal(code.code)).join(' | ') : 'string';
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'ValidationErrorCode',
      type: union,
      docs: docs([
        'A validation error code, as documented in the API description.',
        ...codes.map((code) => `- \`${code.code}\`: ${code.meaning}`),
      ]),
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(['Every documented `ValidationErrorCode`.']),
      declarations: [
        {
          name: 'VALIDATION_ERROR_CODES',
          initializer: `[${codes.map((code) => literal(code.code)).join(', ')}] as const satisfies readonly ValidationErrorCode[]`,
        },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(['What each validation error code means, in the words of the API documentation.']),
      declarations: [
        {
          name: 'VALIDATION_ERROR_CODE_MEANINGS',
          type: 'Readonly<Record<ValidationErrorCode, string>>',
          initializer: Writers.object(Object.fromEntries(codes.map((code) => [propertyKey(code.code), literal(code.meaning)]))),
        },
      ],
    },
  ];
}

function operationStatements(model: ApiModel): StatementStructures[] {
  if (model.operations.length === 0) return [{ kind: StructureKind.ExportDeclaration, namedExports: [] }];
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './openapi.js', namedImports: ['paths'] },
    ...model.operations.flatMap((operation) => operationTypes(operation)),
  ];
}

function operationTypes(operation: Operation): StatementStructures[] {
  const names = operation.typeNames;
  const base = `paths[${literal(operation.path)}][${literal(operation.method)}]`;
  const about = `\`${operation.method.toUpperCase()} ${operation.path}\` (${operation.id})`;
  const alias = (name: string | undefined, type: string, what: string): StatementStructures[] =>
    name === undefined ? [] : [{ kind: StructureKind.TypeAlias, isExported: true, name, type, docs: docs([`${what} of ${about}.`]) }];
  const parameters = (location: string) => `NonNullable<${base}['parameters'][${literal(location)}]>`;
  const successes = operation.responses.filter((response) => operation.patterns.successStatuses.includes(response.status));
  const errors = operation.responses.filter((response) => !operation.patterns.successStatuses.includes(response.status));
  const success = responseBodyType({ responses: successes, base, empty: 'undefined' });
  return [
    ...alias(names.pathParams, parameters('path'), 'Path parameters'),
    ...alias(names.query, parameters('query'), 'Query parameters'),
    ...alias(names.requestHeaders, parameters('header'), 'Request headers'),
    ...alias(names.cookies, parameters('cookie'), 'Cookies'),
    ...alias(names.body, requestBodyType({ operation, base }), 'Request body'),
    // A JSON operation that also answers text: openapi-typescript types the text media type by the
    // (JSON) schema, but clients return it unparsed, so a string.
    ...alias(names.response, operation.patterns.textMediaTypes ? `${success} | string` : success, 'Success response body'),
    ...(names.headers ? [headersInterface({ name: names.headers, responses: successes, about })] : []),
    ...alias(names.errorResponse, responseBodyType({ responses: errors, base, empty: 'unknown' }), 'Error response body'),
  ];
}

function requestBodyType(options: { operation: Operation; base: string }): string {
  const body = options.operation.requestBody;
  const content = body ? preferredContents(body.contents) : [];
  if (content.length === 0) return 'unknown';
  return content.map((media) => `NonNullable<${options.base}['requestBody']>['content'][${literal(media.mediaType)}]`).join(' | ');
}

/**
 * The body type of some responses. Success bodies follow the response's first media type (binary
 * → `Blob`); error bodies prefer JSON when it is offered, since that is what an error carries.
 */
function responseBodyType(options: { responses: readonly Response[]; base: string; empty: string }): string {
  const types = new Set<string>();
  const preferJson = options.empty === 'unknown';
  for (const response of options.responses) {
    if (response.contents.length === 0) continue;
    const hasJson = response.contents.some((media) => isJsonMediaType(media.mediaType));
    if (isBinaryContent(response) && !(preferJson && hasJson)) {
      types.add('Blob');
      continue;
    }
    const status = /^\d+$/.test(response.status) ? response.status : literal(response.status);
    for (const media of preferredContents(response.contents)) {
      types.add(`${options.base}['responses'][${status}]['content'][${literal(media.mediaType)}]`);
    }
  }
  if (types.size === 0) return options.empty;
  // A success without a body (a 202 next to a 200 with one) means callers may get nothing back.
  if (!preferJson && options.responses.some((response) => response.contents.length === 0)) types.add('undefined');
  return [...types].join(' | ');
}

/** JSON media types when there are any (that is what clients parse); otherwise all of them. */
function preferredContents(contents: readonly MediaContent[]): readonly MediaContent[] {
  const json = contents.filter((media) => isJsonMediaType(media.mediaType));
  return json.length > 0 ? json.slice(0, 1) : contents.slice(0, 1);
}

function headersInterface(options: { name: string; responses: readonly Response[]; about: string }): InterfaceDeclarationStructure {
  const byName = new Map<string, { type: string; description?: string; required: boolean; count: number }>();
  for (const response of options.responses) {
    for (const header of response.headers) {
      const known = byName.get(header.name);
      byName.set(header.name, {
        type: simpleSchemaType(header.schema),
        ...(header.description ? { description: header.description } : known?.description ? { description: known.description } : {}),
        required: (known?.required ?? true) && header.required,
        count: (known?.count ?? 0) + 1,
      });
    }
  }
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: options.name,
    docs: docs([`Response headers of ${options.about}.`]),
    properties: [...byName.entries()].map(([name, header]) => ({
      name: propertyKey(name),
      type: header.type,
      hasQuestionToken: !(header.required && header.count === options.responses.length),
      docs: docs([header.description]),
    })),
  };
}
