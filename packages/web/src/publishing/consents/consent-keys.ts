/** TanStack Query keys of the consent register: one prefix, so a change refreshes every view of it. */
export const consentsKey = (establishmentId: string) => ['publishing', establishmentId, 'consents'] as const;
export const consentKey = (establishmentId: string, consentId: string) =>
  [...consentsKey(establishmentId), consentId] as const;
export const takedownsKey = (establishmentId: string) =>
  ['publishing', establishmentId, 'takedowns'] as const;
