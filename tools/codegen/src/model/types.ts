/**
 * The generator's intermediate representation: plain, readonly, JSON-serialisable data built once
 * from an OpenAPI 3 document. Emitters read only this; none of them looks at the spec again.
 */

/** An OpenAPI 3 schema object, kept as the spec wrote it (`$ref`s are `#/components/...`). */
export type SchemaObject = Readonly<Record<string, unknown>>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ApiModel {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  /** The first server URL (Swagger 2.0: scheme + host + basePath), if the spec names one. */
  readonly baseUrl?: string;
  readonly securitySchemes: readonly SecurityScheme[];
  /** Sorted by path, then method. */
  readonly operations: readonly Operation[];
  /** `components.schemas`, sorted by name, each with its collision-free TypeScript name. */
  readonly schemas: readonly NamedSchema[];
  /** Every enum worth a name: top-level enum schemas, enum properties of schemas, enum parameters. */
  readonly enums: readonly NamedEnum[];
  /** Error codes documented in `info.description` (e.g. Complero's `v1c001`), with their meaning. */
  readonly validationErrorCodes: readonly ValidationErrorCodeInfo[];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
}

export interface SecurityScheme {
  readonly key: string;
  readonly type: string;
  /** apiKey: where it goes. */
  readonly in?: 'header' | 'query' | 'cookie';
  /** apiKey: the header/query/cookie name, e.g. `Authorization`. */
  readonly parameterName?: string;
  /** http: `bearer`, `basic`, … */
  readonly scheme?: string;
  readonly description?: string;
}

export interface NamedSchema {
  /** The key in `components.schemas`, e.g. `web.Response`. */
  readonly name: string;
  /** The exported TypeScript name, e.g. `WebResponse`. */
  readonly typeName: string;
  readonly description?: string;
  readonly schema: SchemaObject;
}

export interface NamedEnum {
  /** PascalCase type name, e.g. `ContactEventType`. */
  readonly typeName: string;
  /** CONSTANT_CASE name of the `as const` array, e.g. `CONTACT_EVENT_TYPES`. */
  readonly constName: string;
  readonly values: readonly (string | number | boolean | null)[];
  readonly description?: string;
  /** Where it was found, e.g. `#/components/schemas/ContactEvent/properties/type`. */
  readonly pointer: string;
}

export interface ValidationErrorCodeInfo {
  readonly code: string;
  readonly meaning: string;
}

export interface Operation {
  /** The spec's operationId, or a stable name derived from method and path. */
  readonly id: string;
  /** PascalCase, collision-free: the stem of every per-operation type name. */
  readonly typeName: string;
  /** Names of the per-operation types in `@scope/types`, for the parts the operation has. */
  readonly typeNames: OperationTypeNames;
  /** camelCase, collision-free, safe as a variable or function name. */
  readonly functionName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Alternatives of required security scheme keys; `[]` means no authentication. */
  readonly security: readonly (readonly string[])[];
  /** Path, query, header and cookie parameters (path-level ones merged in), in spec order. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  /** Sorted by status (`default` last). */
  readonly responses: readonly Response[];
  readonly patterns: OperationPatterns;
  /** Where people reach it in SDKs: `contacts.upload`. */
  readonly resource: { readonly group: string; readonly method: string };
  readonly pointer: string;
}

export interface OperationTypeNames {
  readonly pathParams?: string;
  readonly query?: string;
  readonly requestHeaders?: string;
  readonly cookies?: string;
  readonly body?: string;
  /** The success (2xx) response body. */
  readonly response: string;
  /** The success responses' headers. */
  readonly headers?: string;
  /** The union of the documented error (non-2xx) response bodies. */
  readonly errorResponse: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description?: string;
  readonly schema: SchemaObject;
  /** OpenAPI 3 serialisation style; always set (the location's default when the spec is silent). */
  readonly style?: string;
  /** Whether arrays/objects repeat the parameter (`a=1&a=2`); always set, defaulted like `style`. */
  readonly explode?: boolean;
  /**
   * For a non-exploded array: the character its items are joined with — `,` (csv, form, simple),
   * ` ` (ssv, spaceDelimited), `\t` (Swagger 2.0 tsv, which OpenAPI 3 cannot express) or `|` (pipes).
   */
  readonly delimiter?: ArrayDelimiter;
  readonly example?: unknown;
}

/** How the items of a non-exploded array are joined. */
export type ArrayDelimiter = ',' | ' ' | '\t' | '|';

export interface MediaContent {
  readonly mediaType: string;
  readonly schema?: SchemaObject;
  /**
   * Form bodies (multipart, urlencoded): how each named field is serialised, for the fields the
   * spec says something about (Swagger 2.0 `collectionFormat` of a formData parameter lands here).
   */
  readonly encoding?: Readonly<Record<string, FieldEncoding>>;
}

export interface FieldEncoding {
  readonly contentType?: string;
  readonly style?: string;
  readonly explode?: boolean;
  readonly delimiter?: ArrayDelimiter;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  readonly contents: readonly MediaContent[];
}

export interface Response {
  /** `200`, `4XX`, `default`, … */
  readonly status: string;
  readonly description: string;
  readonly contents: readonly MediaContent[];
  readonly headers: readonly ResponseHeader[];
  /** Examples by media type (OpenAPI 3 `example`/`examples`, Swagger 2.0 `examples`). */
  readonly examples: readonly { readonly mediaType: string; readonly value: unknown }[];
}

export interface ResponseHeader {
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  readonly schema: SchemaObject;
}

/** API conventions recognised once, here, so emitters never guess. */
export interface OperationPatterns {
  /** The 2xx statuses, sorted; `['default']` when an operation declares no 2xx (its `default` is then its success). */
  readonly successStatuses: readonly string[];
  /** A `cursor`-style query parameter and a `Next-Cursor`-style response header. */
  readonly pagination?: {
    readonly cursorParameter: string;
    readonly nextCursorHeader: string;
    readonly nextLinkHeader?: string;
    readonly limitParameter?: string;
  };
  /** A 202 that names a background operation in a header, to poll with `pollOperationId`. */
  readonly backgroundOperation?: {
    readonly status: string;
    readonly operationIdHeader: string;
    readonly operationLinkHeader?: string;
    readonly pollOperationId?: string;
  };
  /** A binary download that may not be ready (pending status) or no longer there (gone status). */
  readonly pendingDownload?: {
    readonly readyStatus: string;
    readonly pendingStatus: string;
    readonly goneStatus?: string;
    readonly mediaTypes: readonly string[];
  };
  /** The header carrying the request id, if any response declares it. */
  readonly requestIdHeader?: string;
  /** How clients read the success body: parsed as JSON (also when there is none), as text, or as bytes. */
  readonly responseBody: ResponseBodyKind;
  /**
   * With a `json` body: the text media types the operation also offers (`text/plain`, …).
   * Clients then go by the response's Content-Type: text as it came, JSON (or none) parsed.
   */
  readonly textMediaTypes?: readonly string[];
}

/** How a success body is read: `json` parsed, `text` as it came, `binary` as bytes. */
export type ResponseBodyKind = 'json' | 'text' | 'binary';
