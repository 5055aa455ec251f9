import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { ErrorCode } from '../errors/error-code';
import { formatGraphqlError } from '../errors/format-error';
import { I18nService } from '../i18n/i18n.service';
import { DEFAULT_LANGUAGE, resolveRequestLanguage } from '../i18n/languages';
import {
  DocumentNode,
  ExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { requestScope } from '../i18n/request-scope';
import { GraphqlContextFactory } from './context.factory';
import { DateTimeScalar, formatDateTimeRefusal } from './date-time.scalar';
import { GRAPHQL_PATH } from './graphql-path';
import { operationLogPlugin } from './operation-log.plugin';
import { servedLanguagePlugin } from './served-language.plugin';
import { WatchedConnection, WebSocketSessions } from './websocket-sessions';

interface WsContext extends WatchedConnection {
  connectionParams?: Record<string, unknown>;
  extra: WatchedConnection['extra'] & {
    request?: { socket?: { remoteAddress?: string }; headers?: Record<string, unknown> };
  };
}

/** Refuses, before execution, a WebSocket operation that is too large or not a subscription. */
function checkWebSocketOperation(
  payload: { query?: unknown; operationName?: string | null },
  maxTokens: number,
): GraphQLError[] | undefined {
  if (typeof payload.query !== 'string')
    return [
      new GraphQLError('query must be a string', { extensions: { code: ErrorCode.BAD_REQUEST } }),
    ];
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens });
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (operation?.operation !== 'subscription') {
    return [
      new GraphQLError(
        'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
        { extensions: { code: ErrorCode.BAD_REQUEST } },
      ),
    ];
  }
  return undefined;
}

function wsLanguage(ctx: WsContext) {
  const lang = ctx.connectionParams?.lang;
  const header = ctx.extra.request?.headers?.['accept-language'];
  return resolveRequestLanguage({
    explicit: typeof lang === 'string' ? lang : undefined,
    acceptLanguage: typeof header === 'string' ? header : undefined,
  });
}

/**
 * Apollo Server 5 through @nestjs/apollo, code-first. `providers` must include whatever
 * GraphqlContextFactory needs (the AUTHENTICATOR from the identity context).
 */
export function graphqlModule(authenticator: Pick<ModuleMetadata, 'imports'>): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: authenticator.imports,
    inject: [AppConfig, I18nService, GraphqlContextFactory, WebSocketSessions],
    useFactory: (
      config: AppConfig,
      i18n: I18nService,
      contexts: GraphqlContextFactory,
      sockets: WebSocketSessions,
    ) => {
      const armor = new ApolloArmor({
        maxDepth: {
          n: config.env.GRAPHQL_MAX_DEPTH,
          ignoreIntrospection: true,
          flattenFragments: true,
        },
        costLimit: { maxCost: config.env.GRAPHQL_MAX_COST, ignoreIntrospection: true },
        maxAliases: { n: config.env.GRAPHQL_MAX_ALIASES },
        maxDirectives: { n: 20 },
        // graphql-js limits tokens while parsing (parseOptions below): a clean GRAPHQL_PARSE_FAILED.
        maxTokens: { enabled: false },
        // Field suggestions reveal the schema; only hide them where introspection is off too.
        blockFieldSuggestion: { enabled: config.isProduction },
      });
      const protection = armor.protect();
      return {
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
        // One strict DateTime (an input without an offset is refused), see date-time.scalar.ts.
        buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
        playground: false,
        graphiql: false,
        introspection: !config.isProduction,
        csrfPrevention: true,
        allowBatchedHttpRequests: false,
        includeStacktraceInErrorResponses: false,
        persistedQueries: false,
        parseOptions: { maxTokens: config.env.GRAPHQL_MAX_TOKENS },
        validationRules: protection.validationRules,
        plugins: [
          ...protection.plugins,
          operationLogPlugin(),
          servedLanguagePlugin(),
          // No HTTP cache hints are given (public reads are cached in the server, see ReadCache):
          // without this plugin Apollo no longer wraps every field resolver to collect them.
          ApolloServerPluginCacheControlDisabled(),
        ],
        // Apollo's Fastify integration calls the context function with (request, reply).
        context: (request: FastifyRequest, reply: FastifyReply) => contexts.forHttp(request, reply),
        subscriptions: {
          'graphql-ws': {
            path: GRAPHQL_PATH,
            // Closes the socket when its token expires or its session/rights are gone.
            onConnect: async (ctx: WsContext) => {
              await sockets.watch(ctx);
              return true;
            },
            onClose: (ctx: WsContext) => sockets.release(ctx),
            context: (ctx: WsContext) =>
              contexts.forWebSocket(ctx.connectionParams, ctx.extra.request),
            // The WebSocket gets the same limits as HTTP, and carries subscriptions only: queries
            // and mutations (sign-in among them) must go through HTTP and its rate limits.
            onSubscribe: (
              _ctx: WsContext,
              _id: string,
              payload: { query?: unknown; operationName?: string | null },
            ) => checkWebSocketOperation(payload, config.env.GRAPHQL_MAX_TOKENS),
            validate: (schema: GraphQLSchema, document: DocumentNode) =>
              validate(schema, document, [
                ...specifiedRules,
                ...protection.validationRules,
                ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : []),
              ]),
            // graphql-ws does not go through Apollo's formatError: format its errors the same way.
            onError: (
              ctx: WsContext,
              _id: string,
              _payload: unknown,
              errors: readonly GraphQLError[],
            ) =>
              errors.map(
                (e) =>
                  formatDateTimeRefusal(e.toJSON(), e, i18n.t(wsLanguage(ctx))) ??
                  formatGraphqlError(
                    e.toJSON(),
                    e,
                    i18n.t(wsLanguage(ctx)),
                    !config.isProduction,
                    ErrorCode.GRAPHQL_VALIDATION_FAILED,
                  ),
              ),
            onNext: (
              ctx: WsContext,
              _id: string,
              _payload: unknown,
              _args: unknown,
              result: ExecutionResult,
            ) =>
              result.errors
                ? {
                    ...result,
                    errors: result.errors.map((e) =>
                      formatGraphqlError(
                        e.toJSON(),
                        e,
                        i18n.t(wsLanguage(ctx)),
                        !config.isProduction,
                      ),
                    ),
                  }
                : result,
          },
        },
        formatError: (formatted, error) => {
          const t = i18n.t(requestScope.getStore()?.lang ?? DEFAULT_LANGUAGE);
          return (
            formatDateTimeRefusal(formatted, error, t) ??
            formatGraphqlError(formatted, error, t, !config.isProduction)
          );
        },
      } as ApolloDriverConfig;
    },
  });
}
