import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context';

const logger = new Logger('GraphQL');

/** One log line per operation: name, type, duration and error codes. Never variables or results. */
export function operationLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          logger.log(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              errorCodes: errors?.map((e) => e.extensions?.code ?? 'UNKNOWN'),
              userRoles: contextValue.user?.roles,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
