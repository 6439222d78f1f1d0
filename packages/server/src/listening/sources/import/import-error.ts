/** Why a whole file was refused (a row's problem is a rejection, not an error). */
export type ImportErrorCode =
  | 'fichier_trop_volumineux'
  | 'trop_de_lignes'
  | 'encodage'
  | 'format_non_reconnu'
  | 'en_tete_introuvable'
  | 'csv_invalide'
  | 'json_invalide'
  | 'fuseau_inconnu';

/** A file that cannot be imported at all, with a French message that says what to do. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** « 50 000 » as French writes it (narrow no-break space between thousands). */
export function frenchNumber(value: number): string {
  return value.toLocaleString('fr-FR');
}
