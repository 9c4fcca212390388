// What keeps the gadget's GraphQL endpoint cheap and its answers free of internals:
// - validation rules (graphql-armor): depth, aliases, cost and directives are bounded before
//   anything runs; introspection only where configured; no control characters in any input;
// - an error formatter giving every error a stable extensions.code and a generic message for
//   internal errors (the detail goes to the log, never to the caller).
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, validate, type ASTVisitor, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import mercurius from 'mercurius';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { SecuritySettings } from '../../config/settings.ts';
import { containsUnsafeText, isSafeField } from '../../domain/text.ts';
import { BadRequest, DuplicateCallback, Forbidden, InvalidState, NotFound, ValidationFailed } from '../services/errors.ts';

/** Every `extensions.code` the endpoint answers (docs/security.md explains each). */
export const GRAPHQL_ERROR_CODES = [
  'BAD_USER_INPUT',
  'INVALID_CHARACTERS',
  'UNAUTHORIZED',
  'TOO_MANY_FAILED_LOGINS',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_STATE',
  'VALIDATION_FAILED',
  'DUPLICATE',
  'QUERY_TOO_COMPLEX',
  'FINESSE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type GraphQLErrorCode = (typeof GRAPHQL_ERROR_CODES)[number];

/** graphql-armor reports a refusal; we re-report it with our code instead of its bare message. */
const tooComplex = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(new GraphQLError(error.message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }))] };

/** Introspection fields refused with FORBIDDEN (graphql's own rule, re-coded). */
const noIntrospection: ValidationRule = (context) =>
  NoSchemaIntrospectionCustomRule(
    new Proxy(context, {
      get: (target, prop) =>
        prop === 'reportError' ? (e: GraphQLError) => target.reportError(new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'FORBIDDEN' } })) : Reflect.get(target, prop, target),
    }),
  );

/** String literals with control or bidi-override characters are refused before execution. */
const safeTextRule: ValidationRule = (context): ASTVisitor => ({
  [Kind.STRING]: (node, _key, parent) => {
    // The input field or argument the string is given for (notes may hold line breaks).
    const field = parent && !Array.isArray(parent) && 'name' in parent ? (parent as { name: { value: string } }).name.value : null;
    if (!isSafeField(field, node.value)) context.reportError(new GraphQLError('a string holds a control or bidi-override character', { nodes: [node], extensions: { code: 'INVALID_CHARACTERS' } }));
  },
});

/** The limits, introspection and text rules: cheap (linear) visitors. */
export function limitRules(s: SecuritySettings): ValidationRule[] {
  return [
    maxDepthRule({ n: s.graphqlMaxDepth, ignoreIntrospection: false, exposeLimits: true, ...tooComplex }) as unknown as ValidationRule,
    maxAliasesRule({ n: s.graphqlMaxAliases, exposeLimits: true, ...tooComplex }) as unknown as ValidationRule,
    costLimitRule({ maxCost: s.graphqlMaxCost, ignoreIntrospection: false, exposeLimits: true, ...tooComplex }) as unknown as ValidationRule,
    maxDirectivesRule({ n: s.graphqlMaxDirectives, exposeLimits: true, ...tooComplex }) as unknown as ValidationRule,
    ...(s.graphqlIntrospection ? [] : [noIntrospection]),
    safeTextRule,
  ];
}

/**
 * mercurius preValidation hook: the limits run before graphql's own rules, some of which are
 * quadratic in the number of fields (OverlappingFieldsCanBeMerged on 600 aliases takes seconds),
 * so a bomb is refused before they start. The first refusal is answered with its code.
 */
export function refuseBeyondLimits(s: SecuritySettings) {
  const rules = limitRules(s);
  return async (schema: GraphQLSchema, document: DocumentNode): Promise<void> => {
    const [first] = validate(schema, document, rules, { maxErrors: 1 });
    if (first) throw new mercurius.ErrorWithProps(first.message, { code: first.extensions?.code ?? 'QUERY_TOO_COMPLEX' }, 400);
  };
}

/** mercurius preExecution hook: variables are not seen by validation rules, so they are checked here. */
export async function refuseUnsafeVariables(_schema: unknown, _document: unknown, _context: unknown, variables: Record<string, unknown> | undefined): Promise<void> {
  if (containsUnsafeText(variables)) throw new mercurius.ErrorWithProps('a variable holds a control or bidi-override character', { code: 'INVALID_CHARACTERS' }, 400);
}

const SERVICE_CODES: Array<[new (...a: never[]) => Error, GraphQLErrorCode]> = [
  [NotFound, 'NOT_FOUND'],
  [Forbidden, 'FORBIDDEN'],
  [InvalidState, 'INVALID_STATE'],
  [BadRequest, 'BAD_USER_INPUT'],
  [ValidationFailed, 'VALIDATION_FAILED'],
  [DuplicateCallback, 'DUPLICATE'],
];

/** The code of one error; null means internal (its message must not reach the caller). */
export function codeOf(error: GraphQLError): GraphQLErrorCode | null {
  const original = error.originalError as (Error & { code?: string; extensions?: { code?: string } }) | undefined;
  const given = (error.extensions?.code ?? original?.extensions?.code) as string | undefined;
  if (given && (GRAPHQL_ERROR_CODES as readonly string[]).includes(given)) return given as GraphQLErrorCode;
  for (const [type, code] of SERVICE_CODES) if (original instanceof type) return code;
  if (original?.code === 'MER_ERR_GQL_QUERY_DEPTH') return 'QUERY_TOO_COMPLEX';
  // Parse, validation and variable-coercion errors carry no original error (or a GraphQLError).
  if (!original || original instanceof GraphQLError) return 'BAD_USER_INPUT';
  return null;
}

const toGraphQLError = (e: Error & Partial<GraphQLError>): GraphQLError =>
  e instanceof GraphQLError ? e : new GraphQLError(e.message, { nodes: e.nodes, path: e.path, originalError: e, extensions: e.extensions });

/** mercurius `errorFormatter`: the default status logic, every error coded, internal ones generic. */
export const errorFormatter: NonNullable<mercurius.MercuriusCommonOptions['errorFormatter']> = (execution, ctx) => {
  const base = mercurius.defaultErrorFormatter(execution, ctx);
  const log = ctx.reply ? ctx.reply.log : ctx.app.log;
  const flat = execution.errors.flatMap((e) => {
    const nested = (e.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? nested.map(toGraphQLError) : [e];
  });
  const errors = flat.map((e) => {
    const code = codeOf(e);
    if (code) return { ...e.toJSON(), extensions: { ...e.extensions, code } };
    log.error({ err: e.originalError ?? e, path: e.path }, 'GraphQL resolver failed');
    return { message: 'internal error', locations: e.locations, path: e.path, extensions: { code: 'INTERNAL' } };
  });
  return { statusCode: base.statusCode, response: { data: base.response.data ?? null, errors } };
};
