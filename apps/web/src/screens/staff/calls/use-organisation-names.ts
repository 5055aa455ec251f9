import { useQuery } from 'urql';
import { OrganisationNames } from '../../../graphql/calls';

/** Organisation id → name (the public list; the first 100 are enough for a city's partners). */
export function useOrganisationNames() {
  const [res] = useQuery({ query: OrganisationNames, variables: {} });
  const names = new Map((res.data?.organisations.nodes ?? []).map((o) => [o.id, o.name]));
  return (id: string) => names.get(id) ?? id;
}
