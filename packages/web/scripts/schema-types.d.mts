/** packages/web/src/api/openapi.json: the committed OpenAPI document. */
export declare const OPENAPI_FILE: string;
/** packages/web/src/api/schema.ts: the committed types generated from it. */
export declare const SCHEMA_FILE: string;
/** The TypeScript source of schema.ts for an OpenAPI document given as JSON text. */
export declare function renderSchemaTypes(openapiJson: string): Promise<string>;
