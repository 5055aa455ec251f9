import { useLayoutEffect, useState } from 'react';

/**
 * What a slip's QR code carried after `#` (an access or set-up code: the fragment never reaches
 * the server), read when the screen first renders, and taken out of the address bar as soon as the
 * screen is on the page, so that it stays out of history and of a shared link.
 *
 * Reading happens during render without side effects: React may render a screen more than once
 * before showing it (a render interrupted by another update is thrown away and redone), and a
 * render that cleared the address bar would leave the redone render with an empty field.
 */
export function useFragmentParams(): URLSearchParams {
  const [params] = useState(() => new URLSearchParams(window.location.hash.slice(1)));
  useLayoutEffect(() => {
    if (window.location.hash.length > 1)
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
  }, []);
  return params;
}
