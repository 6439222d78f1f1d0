import { Navigate } from 'react-router';
import { homeOf } from './roles';
import { useSession } from './session-context';

/** « / » leads to the role's own page. */
export function HomeRedirect() {
  const { role } = useSession();
  return <Navigate to={homeOf(role)} replace />;
}
