import { useQuery } from 'urql';
import { ConsoleMe } from '../../../graphql/staff-events';

/** Who reads the console: staff and admins run every event; a coordinator their organisation's. */
export function useConsoleMe() {
  const [res] = useQuery({ query: ConsoleMe, variables: {} });
  const me = res.data?.me;
  return {
    error: res.error,
    data: me
      ? {
          id: me.id,
          organisationId: me.organisationId ?? null,
          runsAll: me.roles.some((r) => r === 'staff' || r === 'admin'),
        }
      : null,
  };
}
