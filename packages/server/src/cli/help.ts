export const MAIN_HELP = `blouse : vérifier une publication avant de la publier, sans rompre le secret médical

Usage : blouse <commande> [options]

Commandes :
  serve   lance l’application (API et documentation sur http://localhost:8080)
  migrate met à jour le schéma de la base de données
  user    crée un compte et lui donne un rôle dans un établissement
  audit   vérifie la chaîne du journal d’audit (« blouse audit verify »)
  evidence vérifie un lot de preuves exporté (« blouse evidence verify LOT.zip »)
  check   vérifie un texte et explique ce qui pose problème, avec une correction
  eval    mesure la qualité du garde (publications annotées) et du détecteur de pics
  bench   mesure la vitesse du garde, du détecteur de pics, de la veille (jusqu’à l’e-mail
          d’alerte), des tâches de fond et du serveur
  openapi écrit la description OpenAPI de l’API (pour les types de l’application web)
  secrets chiffre de nouveau les secrets des comptes des réseaux (« blouse secrets rotate »)
  help    affiche cette aide ; « blouse help <commande> » pour le détail d’une commande

Exemples :
  blouse check "Mme D., 92 ans, chambre 214"
  blouse check --file brouillon.txt --context institutional
  blouse eval guard --data ../shared/data/guard/dev.jsonl
  blouse eval buzz --data ../shared/data/nab-realtweets/data --out /tmp/nab-blouse
  blouse bench all

Codes de sortie de « blouse check » : 0 publication possible, 1 à revoir avant publication,
2 ne pas publier en l’état. Pour toutes les commandes : 64 commande mal formée, 66 fichier
introuvable ou illisible.
`;
