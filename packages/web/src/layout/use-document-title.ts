import { useEffect } from 'react';

/** Each page names itself in the tab and for screen readers announcing the new page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Blouse`;
  }, [title]);
}
