import { Navigate } from 'react-router';
import { getHomePath } from './get-home-path';
import { useSignedInMe } from './use-signed-in-me';

/** `/`: sends the signed-in person to the face that fits their role. */
export function HomeRedirect() {
  const me = useSignedInMe();
  return <Navigate to={getHomePath(me)} replace />;
}
