/** TanStack Query keys of « Formation », per establishment. */
export const charterKey = (establishmentId: string) => ['training', establishmentId, 'charter'] as const;
export const myTrainingKey = (establishmentId: string) => ['training', establishmentId, 'me'] as const;
export const ratesKey = (establishmentId: string) => ['training', establishmentId, 'rates'] as const;
