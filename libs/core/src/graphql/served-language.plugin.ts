import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../auth/request-context';
import { requestScope } from '../i18n/request-scope';

/**
 * When the `lang` query parameter asked for a language we do not serve (`?lang=en`), the
 * response says which one it got instead: `extensions.servedLanguage` and a notice in that
 * language (`extensions.languageNotice`). Every HTTP response also carries `Content-Language`.
 */
export function servedLanguagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const scope = requestScope.getStore();
          if (!scope?.unsupportedRequest || response.body.kind !== 'single') return;
          const lang = contextValue.lang ?? scope.lang;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            servedLanguage: lang,
            languageNotice: contextValue.t(`errors:LANGUAGE_NOT_SERVED`, {
              requested: scope.unsupportedRequest,
            }),
          };
        },
      };
    },
  };
}
