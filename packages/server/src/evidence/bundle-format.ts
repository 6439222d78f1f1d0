import { z } from 'zod';

/** The format tag of an evidence export; a verifier refuses any other. */
export const BUNDLE_FORMAT = 'blouse-evidence/1';
export const MANIFEST_PATH = 'manifest.json';
export const README_PATH = 'README.txt';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const person = z.object({ id: z.string().max(200), displayName: z.string().max(500) });

export const manifestItemSchema = z.object({
  seq: z.number().int().positive(),
  path: z.string().min(1).max(300),
  kind: z.string().max(50),
  fileName: z.string().max(500),
  mediaType: z.string().max(200),
  size: z.number().int().nonnegative(),
  sha256: hash,
  /** The received file's SHA-256 when the stored bytes differ (image re-encoded without metadata). */
  originalSha256: hash.nullable().optional(),
  sourceUrl: z.string().max(4096).nullable(),
  capturedAt: z.string().max(100),
  capturedBy: person.nullable(),
  prevHash: hash,
  chainHash: hash,
});

/** manifest.json: who exported what, and every link needed to check each piece on its own. */
export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  establishment: z.object({ id: z.string().max(200), name: z.string().max(500) }),
  incident: z.object({
    id: z.string().max(200),
    reference: z.string().max(200),
    title: z.string().max(2000),
  }),
  generatedAt: z.string().max(100),
  generatedBy: person,
  items: z.array(manifestItemSchema).max(100_000),
  /** The establishment's last link when the export was made (the chain spans every incident). */
  chainHead: z.object({ seq: z.number().int().nonnegative(), hash }).nullable(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestItem = z.infer<typeof manifestItemSchema>;

/** Written into every export, for whoever receives it (a lawyer, a platform, a court). */
export function readmeText(manifest: Manifest): string {
  return `Export de preuves Blouse (${BUNDLE_FORMAT})
==========================================

Établissement : ${manifest.establishment.name}
Incident : ${manifest.incident.reference} — ${manifest.incident.title}
Exporté le ${manifest.generatedAt} par ${manifest.generatedBy.displayName}
Pièces : ${manifest.items.length}

Contenu de l’archive
--------------------
- evidence/NNN-nom : chaque pièce, octet pour octet telle qu’elle a été enregistrée
  (NNN est sa position dans la chaîne de preuves de l’établissement) ;
- manifest.json : pour chaque pièce, son empreinte SHA-256, sa taille, sa source, la date
  de capture, qui l’a capturée, et ses deux maillons de chaîne (prevHash, chainHash).
  Les images sont conservées sans leurs métadonnées (auteur, appareil, position) :
  « originalSha256 » est alors l’empreinte du fichier tel qu’il a été reçu.

Vérifier avec l’outil Blouse
----------------------------
  blouse evidence verify preuves-${manifest.incident.reference}.zip

L’outil recalcule l’empreinte et la taille de chaque fichier, vérifie chaque maillon de
la chaîne et que l’archive ne contient ni fichier manquant ni fichier ajouté. Il n’écrit
rien sur le disque.

Vérifier à la main
------------------
1. Décompressez l’archive, puis, pour chaque pièce :
     sha256sum evidence/001-capture.png
   Le résultat doit être égal au champ « sha256 » de la pièce dans manifest.json.
2. Chaque maillon se recalcule ainsi :
     chainHash = SHA-256( prevHash + "\\n" + JSON )
   où JSON est le tableau, sans espaces, en UTF-8 :
     [seq,"incidentId","kind","fileName","mediaType",size,"sha256",sourceUrl,"capturedAt",capturedById]
   (incidentId est l’identifiant de l’incident ci-dessus ; sourceUrl et capturedById
   valent null s’ils sont absents). Quand la pièce a un « originalSha256 », il s’ajoute
   en onzième élément : ...,capturedById,"originalSha256"]. La première pièce de l’établissement a pour
   prevHash 64 zéros.
3. La chaîne couvre toutes les preuves de l’établissement : les pièces de cet incident
   en sont une partie, dans l’ordre de « seq ». Quand deux pièces se suivent (seq et
   seq + 1), le prevHash de la seconde est le chainHash de la première.

L’empreinte SHA-256 de manifest.json est inscrite au journal d’audit de Blouse lors de
l’export (action « evidence.export ») : elle permet de vérifier que le manifeste lui-même
n’a pas été modifié depuis.
`;
}
