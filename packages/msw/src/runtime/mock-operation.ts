/**
 * What the generated code tells the runtime about one operation: its route, the responses the
 * spec documents (status, media types, schema name, headers, examples) and its API patterns.
 * Plain data, so the runtime stays spec-agnostic and is tested once.
 */

/** HTTP methods an operation can use. */
export type MockHttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/**
 * A JSON Schema as the spec's OpenAPI 3 form gives it (descriptions left out): what default bodies
 * are generated from. `$ref`s point at `#/components/schemas/<name>`, resolved in `MockSchemas`.
 */
export type MockJsonSchema = { readonly [keyword: string]: unknown };

/** The spec's component schemas a mock body may refer to, by `components.schemas` key. */
export type MockSchemas = Readonly<Record<string, MockJsonSchema>>;

/** A named component schema, or an array of it. */
export interface MockSchemaRef {
  /** The `components.schemas` key, e.g. `Contact` or `web.Response`. */
  readonly name: string;
  readonly array: boolean;
}

/** One documented response of an operation. */
export interface MockResponse {
  readonly status: number;
  readonly description: string;
  readonly mediaTypes: readonly string[];
  /** The body's schema when it is a named schema (or an array of one). */
  readonly schema?: MockSchemaRef;
  /** The body's JSON Schema (of its preferred media type), to generate a default body from. */
  readonly bodySchema?: MockJsonSchema;
  /** True for binary bodies (downloads such as a PDF or a tarball). */
  readonly binary: boolean;
  /** Header names the spec declares on this response. */
  readonly headers: readonly string[];
  /** The spec's example body, when it gives one. */
  readonly example?: unknown;
}

/** One operation of the API, as the mocks need it. */
export interface MockOperation {
  /** The spec's operationId, e.g. `GetContact`. */
  readonly id: string;
  /** camelCase name, e.g. `getContact`: the key in `overrides`, the stem of `getContactHandler`. */
  readonly name: string;
  readonly method: MockHttpMethod;
  /** The spec's path template, e.g. `/contacts/{id}`. */
  readonly path: string;
  /** The same path in MSW syntax, e.g. `/contacts/:id`. */
  readonly mswPath: string;
  /**
   * MSW parameter name → the spec's name, where MSW cannot use the spec's (`user_id` for
   * `user-id`: MSW names are word characters only). Resolvers get `params` by the spec's names.
   */
  readonly mswParams?: Readonly<Record<string, string>>;
  /**
   * MSW parameter name → the spec's names of adjacent parameters (`/adj/{a}{b}`) that share its
   * value, because MSW cannot match two parameters with no text between them. The URL does not
   * say where one value ends, so each but the last gets one character and the last the rest.
   */
  readonly mswSplits?: Readonly<Record<string, readonly string[]>>;
  readonly summary?: string;
  /** The request header carrying the API key, when the operation needs one. */
  readonly authHeader?: string;
  readonly requestBody?: {
    readonly required: boolean;
    /** The media types the operation accepts, in the spec's order. */
    readonly mediaTypes: readonly string[];
    readonly schema?: MockSchemaRef;
    /** The body's JSON Schema (of its preferred media type), to check what a request sends. */
    readonly bodySchema?: MockJsonSchema;
    /** The body schema's (or its items') required properties. */
    readonly requiredProperties: readonly string[];
  };
  /** The status a successful call answers with. */
  readonly successStatus: number;
  /** Sorted by status. */
  readonly responses: readonly MockResponse[];
  /** Query parameter examples from the spec (`x-example`). */
  readonly parameterExamples: Readonly<Record<string, unknown>>;
  readonly pagination?: {
    readonly cursorParameter: string;
    readonly nextCursorHeader: string;
    readonly nextLinkHeader?: string;
    readonly limitParameter?: string;
  };
  readonly backgroundOperation?: {
    readonly status: number;
    readonly operationIdHeader: string;
    readonly operationLinkHeader?: string;
    /** Path template of the operation to poll, e.g. `/operations/{id}`. */
    readonly pollPath?: string;
  };
  readonly pendingDownload?: {
    readonly readyStatus: number;
    readonly pendingStatus: number;
    readonly goneStatus?: number;
    readonly mediaTypes: readonly string[];
  };
  /** The header every response carries its request id in. */
  readonly requestIdHeader?: string;
}

/** The typed parts of one operation, for resolvers and `overrides`. */
export interface MockShape {
  /** The spec's path parameters (a resolver gets them as the strings the URL holds: see `MockPathParams`). */
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly response: unknown;
}

/** Path parameters as a request carries them: every one a string, whatever type the spec gives it. */
export type MockPathParams<Params> = { [Name in keyof Params]: string };
