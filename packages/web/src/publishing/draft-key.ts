/** The query key of one draft, shared by the page and the forms that update it. */
export const draftKey = (establishmentId: string, draftId: string) => [
  'publishing',
  establishmentId,
  'draft',
  draftId,
];
