import { useQuery } from 'urql';
import { MyGrantStaffRoles } from '../../../graphql/grants';

/**
 * The reader's micro-grant roles (operator staff, finance approver): programme assignments held
 * by the grants context, not global roles, so the console asks for them.
 */
export function useGrantRoles() {
  const [res] = useQuery({ query: MyGrantStaffRoles });
  const roles = res.data?.myGrantStaffRoles ?? [];
  return {
    loaded: !!res.data || !!res.error,
    error: res.error,
    operatorIds: [...new Set(roles.map((r) => r.operatorOrganisationId))],
    isStaff: roles.some((r) => r.role === 'OPERATOR_STAFF'),
    isFinance: roles.some((r) => r.role === 'FINANCE'),
    any: roles.length > 0,
  };
}
