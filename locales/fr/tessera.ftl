### Tessera — français. Mêmes identifiants et mêmes variables que le catalogue anglais (locales/en/tessera.ftl).

## Application et navigation

app-title = Tessera License Manager
nav-license = Licence
nav-activate = Activer
nav-offline = Activation hors ligne
nav-portal = Portail client
nav-settings = Paramètres
nav-diagnostics = Diagnostic

## Mots communs à plusieurs écrans

common-ok = OK
common-cancel = Annuler
app-cancelled = Annulé. Rien n'a été enregistré sur cet ordinateur.
common-yes = Oui
common-no = Non
common-never = Jamais
common-copy = Copier
common-copied = Copié

## Écran d'activation

activate-title = Activer votre licence
activate-key-label = Clé d'activation
activate-key-placeholder = Collez votre clé d'activation ici
activate-key-hint = Vous trouverez votre clé d'activation dans l'e-mail de confirmation de commande et sur le portail client.
activate-button = Activer votre licence
activate-offline-link = Activer plutôt hors ligne
activate-progress = Activation en cours…
activate-success = Votre licence est activée.
activate-replace-title = Remplacer la licence de cet ordinateur ?
activate-replace-message = Cet ordinateur détient déjà la licence { $serial }. Activer cette clé la remplace : le poste de { $serial } est d'abord rendu au portail, pour servir sur un autre ordinateur. Sans Internet, désactivez-la d'abord hors ligne.
activate-replace-confirm = Remplacer la licence
activate-already = Cet ordinateur est déjà activé avec cette clé (licence { $serial }). Rien n'a été modifié.

## Tableau de bord de la licence

dashboard-title = Votre licence
dashboard-status = État
dashboard-product = Produit
dashboard-edition = Édition
dashboard-users = Utilisateurs
dashboard-serial = Numéro de série
dashboard-computer = Ordinateur
dashboard-order = Numéro de commande
dashboard-support-until = Fin du support
dashboard-expires = Expiration
dashboard-subscription = Abonnement
dashboard-subscription-renews = Renouvelé le { $date }
dashboard-subscription-cancelled = Prend fin le { $date } (annulé)
dashboard-subscription-trial = L'essai prend fin le { $date }
dashboard-last-sync = Dernière synchronisation
dashboard-fingerprint = Empreinte
dashboard-headline = Licence de { $customer } : { $product }
dashboard-headline-perpetual = Licence de { $customer } : { $product }, perpétuelle
dashboard-headline-days =
    { $days ->
        [one] Licence de { $customer } : { $product }, { $days } jour restant
       *[other] Licence de { $customer } : { $product }, { $days } jours restants
    }
dashboard-support-contact = Support
dashboard-renew-at = Renouveler sur
dashboard-status-reason = Motif donné par l'éditeur

## Actualisation

refresh-button = Actualiser votre licence
refresh-progress = Actualisation en cours…
refresh-success = La licence a été synchronisée avec le portail de licences
refresh-success-state = La licence a été synchronisée avec le portail de licences. Son état est maintenant : { $state }.
refresh-failed = Synchronisation impossible : { $reason }

## Activation hors ligne : par fichier, ou par clé d'installation et clé d'enregistrement

offline-title = Activation hors ligne
offline-intro = Cet ordinateur n'a pas de connexion Internet ? Activez-le à l'aide d'un autre ordinateur qui en a une.
offline-steps = Enregistrez le fichier de demande et copiez-le sur un ordinateur connecté à Internet ; déposez-le sur la page Activation hors ligne du portail client ; rapportez le fichier de réponse.
offline-export-button = Exporter la demande d'activation
offline-export-help = Enregistre un fichier de demande signé par cet ordinateur. Il contient votre clé d'activation, le nom de cet ordinateur et son empreinte, et ne vaut que pour cet ordinateur.
offline-export-done = Le fichier de demande a été enregistré dans { $path }.
offline-import-button = Importer le fichier de réponse
offline-import-help = Choisissez le fichier de réponse téléchargé depuis le portail client. Il ne correspond qu'à la demande exportée depuis cet ordinateur.
offline-import-done = Le fichier de réponse a été importé. Votre licence est activée.
offline-installation-key-button = Afficher la clé d'installation
offline-installation-key-label = Clé d'installation
offline-installation-key-help = Impossible de transférer des fichiers ? Copiez cette clé d'installation et saisissez-la sur la page Générer les clés du portail client, ou envoyez-la à votre éditeur. Vous recevrez en retour une clé d'enregistrement.
offline-registration-key-button = Saisir la clé d'enregistrement
offline-registration-key-label = Clé d'enregistrement
offline-registration-key-help = Saisissez ou collez la clé d'enregistrement reçue pour la clé d'installation de cet ordinateur, puis validez.

## Désactivation et transfert vers un autre ordinateur

deactivate-title = Désactiver ou transférer
deactivate-button = Désactiver cet ordinateur
deactivate-confirm = Désactiver cet ordinateur ? La licence cessera de fonctionner ici et son poste sera libéré : vous pourrez activer un autre ordinateur avec la même clé d'activation.
deactivate-offline-button = Créer un reçu de désactivation
deactivate-offline-help = Pas de connexion Internet ? La licence est immédiatement retirée de cet ordinateur et un fichier de reçu est enregistré. Déposez ce reçu sur le portail client pour libérer le poste.
deactivate-done = Cet ordinateur a été désactivé.

## Portail client : connexion, licences et supports

portal-title = Portail client
portal-intro = Connectez-vous avec l'adresse e-mail indiquée lors de l'achat et l'un de vos numéros de commande pour consulter vos licences, vos supports et votre clé d'activation.
portal-email = E-mail
portal-email-placeholder = Saisissez votre adresse e-mail
portal-order = Numéro de commande
portal-order-hint = Il figure dans l'e-mail de confirmation de commande. N'importe lequel de vos numéros de commande convient.
portal-sign-in = Se connecter
portal-sign-out = Se déconnecter
portal-signed-in-as = Connecté en tant que { $email }
portal-activation-key = Votre clé d'activation est : { $key }
portal-previous = Précédent
portal-next = Suivant
portal-licenses = Licences
licenses-application = Application
licenses-serial-computer = Numéro de série / Ordinateur
licenses-days = Jours
licenses-users = Utilisateurs
licenses-edition = Édition
licenses-order = Numéro de commande
licenses-date = Date
licenses-support = Support ?
licenses-support-view = Voir
licenses-details = Détails
licenses-empty = Aucune licence pour le moment.
portal-supports = Supports
supports-application = Application
supports-serial = Numéro de série
supports-users = Utilisateurs
supports-edition = Édition
supports-order = Numéro de commande
supports-date = Date
supports-duration = Durée (années)
supports-empty = Aucun support pour le moment.

## Paramètres

settings-title = Paramètres
settings-portal-url = URL du portail
settings-proxy = Proxy
settings-proxy-none = Aucun proxy
settings-proxy-system = Utiliser les paramètres proxy du système
settings-proxy-manual = Proxy manuel
settings-proxy-url = URL du proxy
settings-proxy-user = Nom d'utilisateur du proxy
settings-proxy-password = Mot de passe du proxy
settings-language = Langue
settings-auto-refresh = Actualisation automatique
settings-auto-refresh-every =
    { $hours ->
        [one] Toutes les heures
       *[other] Toutes les { $hours } heures
    }
settings-auto-refresh-every-days =
    { $days ->
        [one] Tous les jours
       *[other] Tous les { $days } jours
    }
settings-auto-refresh-off = Désactivée
settings-save = Enregistrer
settings-saved = Enregistré
settings-credential-store = Emplacement des identifiants : { $store }
credential-store-keyring = trousseau du système
credential-store-file = fichier chiffré ({ $path })

## Diagnostic

diagnostics-title = Diagnostic
diagnostics-export = Exporter le diagnostic
diagnostics-description = Enregistre un rapport destiné au support de votre éditeur : version du programme, paramètres, état de la licence et composants de l'empreinte. Il ne contient ni clé d'activation ni mot de passe.
diagnostics-saved = Le rapport de diagnostic a été enregistré dans { $path }.

## La commande tessera

cli-license-state = Licence : { $state }
cli-activated = Licence activée sur cet ordinateur.
cli-activate-replace-hint = Pour la remplacer, exécutez : tessera activate CLÉ --replace
cli-deactivated = Désactivé.
cli-request-written = Demande enregistrée dans { $path }
cli-receipt-written = Reçu de désactivation enregistré dans { $path }
cli-response-imported = Réponse importée.
cli-signed-in = Connecté en tant que { $email }.
cli-signed-out = Déconnecté.
cli-credential-store = Emplacement des identifiants : { $store }

## États de la licence : un libellé court et la marche à suivre

state-not-activated = Non activée
state-not-activated-message = Cet ordinateur n'a pas encore de licence. Saisissez votre clé d'activation pour l'activer.
state-valid = Valide
state-valid-message = Votre licence est valide.
state-valid-until-message = Votre licence est valide jusqu'au { $date }.
state-grace = En période de grâce
state-grace-message = Votre licence n'a pas été synchronisée avec le portail de licences depuis un moment. Connectez-vous à Internet et cliquez sur Actualiser.
state-grace-until-message = Votre licence n'a pas été synchronisée avec le portail de licences depuis un moment. Elle reste utilisable jusqu'au { $date } : connectez-vous à Internet et cliquez sur Actualiser.
state-expired = Expirée
state-expired-term-ended-message = Votre licence a expiré le { $date }. Renouvelez-la sur le portail client, puis cliquez sur Actualiser.
state-expired-refresh-overdue-message = Votre licence n'a pas pu être synchronisée avec le portail de licences depuis le { $date }. Connectez-vous à Internet et cliquez sur Actualiser, ou activez-la hors ligne.
state-suspended = Suspendue
state-suspended-message = Votre licence a été suspendue par l'éditeur. Contactez votre éditeur ou votre revendeur, puis cliquez sur Actualiser une fois le problème réglé.
state-revoked = Révoquée
state-revoked-message = Votre licence a été révoquée par l'éditeur. Contactez votre éditeur ou votre revendeur.
state-fingerprint-mismatch = Autre ordinateur
state-fingerprint-mismatch-message = Cette licence appartient à un autre ordinateur (éléments modifiés : { $changed }). Si vous avez remplacé cet ordinateur ou son matériel, désactivez la licence sur l'ancien ou demandez à votre éditeur de la transférer, puis activez-la de nouveau.
state-clock-tampered = Horloge reculée
state-clock-tampered-message = L'horloge de cet ordinateur indique une date antérieure au { $date }, un moment qu'il a déjà connu. Corrigez la date et l'heure, puis connectez-vous au portail pour confirmer l'heure : cliquez sur Actualiser.
state-time-unconfirmed = Heure non confirmée
state-time-unconfirmed-message = L'enregistrement de l'heure de la dernière vérification de licence sur cet ordinateur est absent ou a été modifié. Connectez-vous au portail pour confirmer l'heure avant d'utiliser la licence : cliquez sur Actualiser.
state-registered = Enregistré
state-registered-until-message =
    { $seats ->
        [one] Cet ordinateur est enregistré avec une clé d'enregistrement pour { $seats } poste, jusqu'au { $date }.
       *[other] Cet ordinateur est enregistré avec une clé d'enregistrement pour { $seats } postes, jusqu'au { $date }.
    }
state-registered-message =
    { $seats ->
        [one] Cet ordinateur est enregistré avec une clé d'enregistrement pour { $seats } poste, sans date de fin.
       *[other] Cet ordinateur est enregistré avec une clé d'enregistrement pour { $seats } postes, sans date de fin.
    }
state-invalid = Non valide
state-invalid-message = Le fichier de licence de cet ordinateur est inutilisable (erreur { $code }). Activez de nouveau cet ordinateur, ou contactez le support de votre éditeur en lui indiquant ce code d'erreur.

## Composants de l'empreinte, tels qu'ils apparaissent dans une phrase

component-machine-id = identifiant de la machine
component-hostname = nom de l'ordinateur
component-mac = carte réseau
component-cpu = processeur
component-os = système d'exploitation

## Erreurs des clés et des fichiers (tessera-core)

error-code-empty =
    { $kind ->
        [installation-key] Veuillez saisir la clé d'installation.
        [registration-key] Veuillez saisir la clé d'enregistrement.
       *[activation-key] Veuillez saisir la clé d'activation.
    }
error-code-length =
    { $kind ->
        [installation-key] La clé d'installation
        [registration-key] La clé d'enregistrement
       *[activation-key] La clé d'activation
    } doit comporter { $expected } { $expected ->
        [one] caractère
       *[other] caractères
    }, mais en comporte { $found }. Vérifiez que vous l'avez copiée en entier.
error-code-character =
    { $kind ->
        [installation-key] La clé d'installation
        [registration-key] La clé d'enregistrement
       *[activation-key] La clé d'activation
    } ne peut pas contenir « { $character } » (caractère n° { $position }). Les clés se composent de chiffres et des lettres de A à Z, sauf I, L, O et U.
error-code-checksum =
    { $kind ->
        [installation-key] La clé d'installation
        [registration-key] La clé d'enregistrement
       *[activation-key] La clé d'activation
    } contient une faute de frappe. Comparez-la caractère par caractère avec celle que vous avez reçue.
error-code-unsupported =
    { $kind ->
        [installation-key] Cette clé d'installation
        [registration-key] Cette clé d'enregistrement
       *[activation-key] Cette clé d'activation
    } a été créée pour une version plus récente du programme. Veuillez mettre à jour le programme.
error-file-not-armoured =
    { $kind ->
        [activation-request] Ceci n'est pas un fichier de demande d'activation Tessera
        [activation-response] Ceci n'est pas un fichier de réponse d'activation Tessera
        [deactivation-receipt] Ceci n'est pas un reçu de désactivation Tessera
       *[license] Ceci n'est pas un fichier de licence Tessera
    } : il ne commence pas par la ligne -----BEGIN { $label }-----.
error-file-wrong-kind =
    Il s'agit { $found_kind ->
        [activation-request] d'une demande d'activation
        [activation-response] d'une réponse d'activation
        [deactivation-receipt] d'un reçu de désactivation
       *[license] d'un fichier de licence
    }, et non { $expected_kind ->
        [activation-request] d'une demande d'activation
        [activation-response] d'une réponse d'activation
        [deactivation-receipt] d'un reçu de désactivation
       *[license] d'un fichier de licence
    }.
error-file-damaged =
    { $kind ->
        [activation-request] Le fichier de demande d'activation
        [activation-response] Le fichier de réponse d'activation
        [deactivation-receipt] Le reçu de désactivation
       *[license] Le fichier de licence
    } est endommagé ou incomplet ({ $detail }). Téléchargez-le ou exportez-le de nouveau.
error-file-unsupported-version =
    { $kind ->
        [activation-request] Ce fichier de demande d'activation
        [activation-response] Ce fichier de réponse d'activation
        [deactivation-receipt] Ce reçu de désactivation
       *[license] Ce fichier de licence
    } utilise la version de format { $version }, que ce programme ne connaît pas. Veuillez mettre à jour le programme.
error-file-unsupported-algorithm =
    { $kind ->
        [activation-request] Ce fichier de demande d'activation
        [activation-response] Ce fichier de réponse d'activation
        [deactivation-receipt] Ce reçu de désactivation
       *[license] Ce fichier de licence
    } est signé avec « { $algorithm } », un algorithme que ce programme n'accepte pas.
error-unknown-signing-key =
    La signature { $what ->
        [license] de ce fichier de licence
        [activation-request] de ce fichier de demande d'activation
        [activation-response] de ce fichier de réponse d'activation
        [deactivation-receipt] de ce reçu de désactivation
        [registration-key] de cette clé d'enregistrement
        [portal-response] de cette réponse du portail
        [machine-call] de cette requête de l'ordinateur
       *[other] de ce fichier
    } provient d'une clé que ce programme ne reconnaît pas (identifiant de clé { $kid }). Assurez-vous que le document vient bien du portail de votre éditeur, ou mettez à jour le programme.
error-bad-signature =
    La signature { $what ->
        [license] de ce fichier de licence
        [activation-request] de ce fichier de demande d'activation
        [activation-response] de ce fichier de réponse d'activation
        [deactivation-receipt] de ce reçu de désactivation
        [registration-key] de cette clé d'enregistrement
        [portal-response] de cette réponse du portail
        [machine-call] de cette requête de l'ordinateur
       *[other] de ce fichier
    } ne correspond pas : le contenu a été modifié ou endommagé. Téléchargez ou exportez une nouvelle copie.
error-response-mismatch = Cette réponse correspond à une autre demande d'activation ou à un autre ordinateur. Exportez un nouveau fichier de demande depuis cet ordinateur et déposez-le sur le portail.
error-product-mismatch = Cette licence est destinée à { $found }, et non à { $expected }.
error-machine-id-unavailable = Cet ordinateur n'a pas d'identifiant de machine : impossible d'y lier une licence ({ $detail }). Sous Linux, exécutez « systemd-machine-id-setup » en tant qu'administrateur.
error-invalid-signing-key = Cette clé n'est pas une clé Tessera valide ({ $detail }).
error-randomness-unavailable = Le générateur de nombres aléatoires du système d'exploitation est indisponible ({ $detail }). Redémarrez l'ordinateur et réessayez.

## Erreurs renvoyées par le portail de licences

error-bad-request = Le portail n'a pas pu accepter cette requête ({ $detail }). Mettez à jour le programme ; si le problème persiste, contactez le support de votre éditeur.
error-unauthenticated = Veuillez vous reconnecter : votre session est absente ou a expiré.
error-sign-in-failed = Aucun client ne correspond à cette adresse e-mail et à ce numéro de commande. Vérifiez-les tous les deux dans votre confirmation de commande.
error-machine-signature-invalid = Cette requête n'a pas été signée avec la clé que cet ordinateur a enregistrée lors de son activation. Activez de nouveau cet ordinateur.
error-key-not-found = Cette clé d'activation n'est pas valable pour ce produit. Vérifiez la clé dans votre confirmation de commande ou sur le portail client.
error-not-found = Introuvable.
error-not-activated = Cet ordinateur n'est pas activé pour cette licence. Activez-le avec votre clé d'activation.
error-suspended = Cette licence est suspendue. Contactez votre éditeur ou votre revendeur.
error-revoked = Cette licence a été révoquée. Contactez votre éditeur ou votre revendeur.
error-expired = Cette licence a expiré. Renouvelez-la sur le portail client.
error-too-many-machines =
    { $seats ->
        [one] L'unique poste de cette licence est déjà utilisé. Désactivez l'autre ordinateur ou achetez des postes supplémentaires.
       *[other] Tous les postes de cette licence sont utilisés ({ $seats } sur { $seats }). Désactivez un autre ordinateur ou achetez des postes supplémentaires.
    }
error-replayed = Cette demande ou ce reçu a déjà servi. Créez-en un nouveau.
error-stale-request = L'horloge de cet ordinateur est trop éloignée de celle du portail. Corrigez la date et l'heure, puis réessayez.
error-not-entitled = Votre licence ne couvre pas cette demande ({ $detail }). Vérifiez votre licence sur le portail client ou contactez votre éditeur.
error-not-paid = La commande { $order } attend son paiement : ses licences commencent lorsque le paiement est enregistré. Activez de nouveau dès que vous avez la confirmation du paiement.
error-amount-mismatch = Le paiement ne correspond pas au total de la commande ({ $detail }). Enregistrez le montant entier une fois qu'il est arrivé en totalité.
error-already-paid = Cette commande a déjà été payée par un autre paiement ({ $detail }).
error-payment-conflict = Ce paiement ne peut pas être enregistré pour cette commande ({ $detail }).
error-wrong-order-status = Cette modification ne s'applique pas à la commande dans son état actuel ({ $detail }).
error-changed-meanwhile = Ceci a été modifié entre-temps, dans une autre fenêtre ou par quelqu'un d'autre ; rien n'a été fait. Consultez-le à nouveau, puis refaites la modification ({ $detail }).
error-payment-declined = Le paiement n'a pas abouti : { $detail }
error-provider-unavailable = Le paiement n'a pas pu être effectué : { $detail }
error-token-invalid = Cet appel nécessite un jeton d'API éditeur en vigueur. Créez-en un avec tessera-portal admin api-token create.
error-scope-missing = Ce jeton d'API ne permet pas cette opération : il lui manque la portée { $scope }. Créez un jeton avec cette portée.
error-method-not-allowed = Le portail n'accepte pas ce type de requête à cette adresse. Mettez à jour le programme ou vérifiez l'URL du portail dans les Paramètres.
error-payload-too-large = La requête est trop volumineuse.
error-headers-too-large = Les en-têtes de la requête sont trop volumineux pour le portail. Supprimez les cookies ou les en-têtes ajoutés par un proxy, puis réessayez.
error-rate-limited =
    { $seconds ->
        [one] Trop de tentatives. Veuillez patienter { $seconds } seconde, puis réessayez.
       *[other] Trop de tentatives. Veuillez patienter { $seconds } secondes, puis réessayez.
    }
error-internal = Une erreur s'est produite sur le portail. Veuillez réessayer plus tard.

## Erreurs de ce programme (le License Manager et la commande tessera)

error-network-unreachable = Impossible de joindre le portail de licences. Vérifiez la connexion Internet, puis réessayez ; sans Internet, activez la licence hors ligne.
error-proxy-failed = Le serveur proxy a refusé ou interrompu la connexion. Vérifiez l'adresse, le nom d'utilisateur et le mot de passe du proxy dans les Paramètres.
error-tls-failed = Impossible d'établir une connexion sécurisée avec le portail de licences. Vérifiez la date et l'heure de l'ordinateur ; un proxy ou un antivirus qui inspecte les connexions sécurisées peut aussi en être la cause.
error-portal-timeout = Le portail de licences n'a pas répondu à temps. Veuillez réessayer dans quelques minutes.
error-portal-not-genuine = La réponse n'est pas signée par le portail de licences de votre éditeur : elle a été rejetée. Vérifiez l'URL du portail dans les Paramètres et assurez-vous qu'aucun proxy ne modifie les échanges.
error-not-a-portal = Cette adresse ne répond pas comme un portail de licences Tessera (HTTP { $status }). Vérifiez l'adresse du portail.
error-already-activated = Cet ordinateur est déjà activé avec cette clé d'activation (licence { $serial }). Pour le synchroniser avec le portail, actualisez.
error-license-held = Cet ordinateur détient déjà la licence { $serial }. La remplacer rend d'abord son poste au portail.
error-unexpected-answer = Le portail de licences a donné une réponse que ce programme ne comprend pas. Vérifiez l'URL du portail dans les Paramètres, ou mettez à jour le programme.
error-state-corrupt = Les données de licence enregistrées sur cet ordinateur sont endommagées. Cliquez sur Actualiser, ou activez de nouveau avec votre clé d'activation.
error-storage-failed = Impossible d'enregistrer les données de licence sur cet ordinateur. Vérifiez l'espace disque disponible et les droits d'accès au dossier de données du programme.
error-credential-store-failed = Impossible d'utiliser le magasin d'identifiants. Déverrouillez le trousseau du système ou vérifiez les droits d'accès au dossier de données du programme, puis réessayez.
error-no-pending-request = Aucune demande d'activation de cet ordinateur n'attend de réponse. Exportez d'abord une demande d'activation, puis importez la réponse correspondante.
error-invalid-setting = Un paramètre n'est pas valide. Ouvrez les Paramètres et corrigez la valeur signalée.
error-not-signed-in = Vous n'êtes pas connecté au portail client. Connectez-vous avec votre adresse e-mail et l'un de vos numéros de commande.
error-file-unreadable = Le fichier { $path } ne peut pas être lu ({ $detail }).

## Les écrans du License Manager : autres mots de l'application de bureau

app-version = Version { $version }
app-main-navigation = Navigation principale
app-loading = Chargement…
app-try-again = Réessayer
app-open-failed = Le License Manager ne peut pas ouvrir les données de licence de cet ordinateur.
app-settings-set-aside = Votre fichier de paramètres était endommagé. Il a été mis de côté sous { $path } et les paramètres par défaut sont utilisés : vérifiez-les dans les Paramètres.
app-auto-refresh-failed = L'actualisation automatique n'a pas abouti : { $reason }
app-save-file = Enregistrer dans un fichier…
app-open-file = Ouvrir un fichier…
app-file-saved = Enregistré dans { $path }
app-file-save-failed = Le fichier n'a pas pu être enregistré ({ $detail }).
app-file-open-failed = Le fichier n'a pas pu être lu ({ $detail }).
app-file-too-large = Ce fichier est trop volumineux pour être une réponse d'activation. Choisissez le fichier de réponse téléchargé depuis le portail client.
dashboard-customer = Client
dashboard-perpetual = Perpétuelle
dashboard-no-support = Sans support
dashboard-pending-request = Une demande d'activation exportée depuis cet ordinateur attend sa réponse.
dashboard-continue-offline = Importer la réponse
dashboard-registered = Cet ordinateur est enregistré avec une clé d'enregistrement.
deactivate-offline-confirm = Retirer maintenant la licence de cet ordinateur et créer un reçu de désactivation ? La licence cesse aussitôt de fonctionner ici.
deactivate-receipt-label = Reçu de désactivation
deactivate-receipt-ready = La licence a été retirée de cet ordinateur. Enregistrez ou copiez ce reçu et déposez-le sur le portail client pour libérer le poste.
offline-files-title = Avec des fichiers
offline-keys-title = Avec les clés d'installation et d'enregistrement
offline-step-request = 1. Exporter la demande d'activation
offline-step-response = 2. Importer la réponse
offline-request-label = Demande d'activation
offline-response-label = Réponse d'activation
offline-response-placeholder = Collez ici le texte de la réponse, ou ouvrez le fichier de réponse.
offline-import-pasted = Importer la réponse
offline-pending = Une demande d'activation a été exportée depuis cet ordinateur et attend sa réponse.
offline-seats-label = Postes de travail
offline-registration-done = La clé d'enregistrement a été acceptée.
portal-page = Page { $page } sur { $pages }
licenses-machines = Ordinateurs utilisés
settings-portal-url-hint = L'adresse du portail de licences de votre éditeur.
settings-portal-url-invalid = L'adresse doit commencer par https:// ou http://.
settings-proxy-url-invalid = L'adresse du proxy doit commencer par http://, https:// ou socks5://.
settings-proxy-password-hint = Conservé dans le magasin d'identifiants. Laissez vide pour garder le mot de passe enregistré.
diagnostics-report-label = Rapport

## Pages web du portail client (crates/portal/templates)

web-skip-to-content = Aller au contenu
web-nav-home = Accueil
web-nav-orders = Commandes
web-language = Langue
web-actions = Actions
web-back-home = Retour à l'accueil
web-not-found-title = Page introuvable
web-not-found = Cette page n'existe pas, ou elle appartient à un autre compte.
web-forbidden-title = Requête refusée
web-forbidden = Ce formulaire a expiré ou ne provient pas de ce portail. Revenez en arrière, rechargez la page et réessayez.
web-internal-title = Une erreur est survenue
web-home-title = Vos licences et supports
web-activation-key-label = Votre clé d'activation est :
web-activation-key-hint = Collez-la dans l'onglet Licence de votre programme et cliquez sur « Activer votre licence ».
web-back-licenses = Retour à vos licences
web-license-title = Licence { $serial }
web-license-expires = Expire le
web-license-support-until = Support et mises à jour jusqu'au
web-machines = Ordinateurs
web-machines-empty = Aucun ordinateur n'utilise cette licence pour le moment.
web-machine-hostname = Ordinateur
web-machine-activated = Activé le
web-machine-last-seen = Dernière connexion
web-machine-deactivate = Désactiver
web-machine-deactivated = L'ordinateur a été désactivé. Son poste est libre pour un autre ordinateur.
web-support-title = Support et mises à jour
web-support-ends = Fin
web-details = Détails
web-name = Nom
web-country = Pays
web-city = Ville
web-vat-id = N° de TVA
web-contacts = Contacts
web-contacts-empty = Aucun contact pour le moment.
web-first-name = Prénom
web-last-name = Nom
web-orders-empty = Aucune commande pour le moment.
web-reference = Référence
web-total = Total
web-order-title = Commande { $reference }
web-back-orders = Retour à vos commandes
web-order-details = Détails de la commande
web-date-time = Date et heure
web-order-items = Articles de la commande
web-product = Produit
web-sku = Référence article
web-quantity = Quantité
web-subtotal = Sous-total
web-nav-offline = Activation hors ligne
web-nav-keys = Programmes et clés
web-too-large-title = Fichier trop volumineux
web-too-large = Le portail accepte les fichiers et textes jusqu’à 64 Kio. Vérifiez que vous avez choisi le bon fichier.
web-bad-request-title = Requête incomprise
web-bad-request = Une valeur de cette adresse ou de ce formulaire contient des caractères que le portail n’accepte pas (caractères de contrôle), ou est trop longue. Revenez en arrière et vérifiez votre saisie.
web-field-invalid = Le champ { $field } contient des caractères que le portail n’accepte pas, ou est trop long.
web-upload-empty = Choisissez un fichier ou collez son texte, puis réessayez.
web-offline-title = Activation hors ligne
web-offline-intro = Pour un ordinateur sans internet : apportez ici son fichier de demande d’activation, puis rapportez-lui le fichier de réponse.
web-offline-activate-title = Activer un ordinateur
web-offline-activate-hint = Téléversez le fichier de demande d’activation enregistré par le programme, ou collez son texte.
web-offline-activated = L’ordinateur est activé. Téléchargez le fichier de réponse, ou copiez son texte, et ouvrez-le dans le programme sur cet ordinateur.
web-offline-response-label = Réponse d’activation
web-offline-response-hint = Sélectionnez le texte pour le copier.
web-offline-download = Télécharger le fichier de réponse
web-offline-request-file = Fichier de demande d’activation
web-offline-request-text = Ou collez le texte de la demande
web-offline-activate = Activer
web-offline-receipt-title = Libérer un poste avec un reçu de désactivation
web-offline-receipt-hint = Lorsque le programme désactive un ordinateur hors ligne, il enregistre un reçu. Téléversez-le, ou collez son texte, pour libérer le poste.
web-offline-freed = Le poste de la licence { $serial } est libre pour un autre ordinateur.
web-offline-receipt-file = Fichier du reçu de désactivation
web-offline-receipt-text = Ou collez le texte du reçu
web-offline-free-seat = Libérer le poste
web-keys-title = Programmes et clés
web-keys-programs = Vos programmes sous licence
web-keys-workstations = Postes
web-keys-generate = Générer les clés
web-keys-installation-key = Clé d’installation
web-keys-installation-key-hint = Le programme l’affiche lors de l’enregistrement. Collez-la ici pour obtenir la clé d’enregistrement.
web-keys-comparison = Demandé et acquis
web-keys-parameter = Paramètre
web-keys-requested = Demandé
web-keys-entitled = Acquis
web-keys-check = Contrôle
web-keys-ok = Couvert
web-keys-not-ok = Non couvert
web-keys-registration-key = Votre clé d’enregistrement est :
web-keys-registration-key-hint = Saisissez-la ou collez-la dans la fenêtre d’enregistrement du programme.
web-keys-refused = Votre licence ne couvre pas les lignes marquées ✗ : aucune clé d’enregistrement ne peut être émise. Contactez votre fournisseur pour l’étendre.
web-keys-no-license = Aucune de vos licences ne concerne le programme dont provient cette clé d’installation.
web-keys-releases-until = Versions jusqu’au { $date }
web-keys-no-support = Aucune période de support
web-keys-in-force = En vigueur
web-keys-until = Jusqu’au { $date }
web-keys-parameter-product = Produit
web-keys-parameter-version = Version
web-keys-parameter-workstations = Postes
web-keys-parameter-term = Durée de la licence

## Customer accounts: e-mail and password, password change and reset (web)
web-sign-in-order-title = Avec votre numéro de commande
web-sign-in-password-title = Avec le mot de passe de votre compte
web-password = Mot de passe
web-forgot-link = Mot de passe oublié ?
web-sign-in-password-failed = L’adresse e-mail ou le mot de passe n’est pas correct.
web-nav-password = Mot de passe
web-password-title = Changer votre mot de passe
web-password-current = Mot de passe actuel
web-password-new = Nouveau mot de passe
web-password-repeat = Nouveau mot de passe, à nouveau
web-password-hint = Au moins 10 caractères.
web-password-save = Changer le mot de passe
web-password-changed = Votre mot de passe a été changé.
web-password-current-wrong = Le mot de passe actuel n’est pas correct.
web-password-too-short = Le nouveau mot de passe doit comporter au moins 10 caractères.
web-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
web-forgot-title = Mot de passe oublié
web-forgot-intro = Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour définir un nouveau mot de passe.
web-forgot-send = Envoyer le lien
web-forgot-sent = Si cette adresse a un compte, un message est en route. Son lien permet de définir un nouveau mot de passe ; il fonctionne une seule fois, pendant une heure.
web-reset-title = Définir votre mot de passe
web-reset-save = Définir le mot de passe
web-reset-invalid = Ce lien ne fonctionne plus : il a expiré ou a déjà été utilisé. Demandez-en un nouveau.
web-mail-reset-subject = Définir un nouveau mot de passe pour le portail client Tessera
web-mail-reset-body =
    Bonjour,

    Quelqu’un, probablement vous, a demandé à définir un nouveau mot de passe pour votre compte sur le portail client Tessera. Ouvrez ce lien dans l’heure pour le choisir :

    { $link }

    Le lien fonctionne une seule fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
web-mail-invite-subject = Votre compte sur le portail client Tessera
web-mail-invite-body =
    Bonjour,

    Un compte a été ouvert pour vous sur le portail client Tessera, où vous trouverez vos licences, vos commandes et votre clé d’activation. Ouvrez ce lien dans les sept jours pour choisir votre mot de passe :

    { $link }

    Le lien fonctionne une seule fois. Ensuite, connectez-vous avec votre adresse e-mail et ce mot de passe.

## Profile, news, contracts
web-nav-news = Actualités
web-nav-profile = Profil
web-nav-contracts = Contrats
web-profile-title = Votre profil
web-profile-company = Société
web-profile-manager = Responsable
web-profile-phone = Téléphone
web-profile-since = Client depuis
web-profile-not-given = Non renseigné
web-profile-kept-by-vendor = Votre éditeur tient ces informations à jour. Pour les corriger, écrivez à votre éditeur.
web-profile-no-account = Vous vous êtes connecté avec un numéro de commande, qui n’a pas de mot de passe. Pour vous connecter avec votre adresse e-mail et votre propre mot de passe, demandez un compte à votre éditeur.
web-news-title = Actualités
web-news-intro = Les actualités de nos logiciels : nouvelles versions, événements et idées.
web-news-empty = Aucune actualité pour le moment.
web-contracts-title = Vos contrats
web-contracts-empty = Aucun contrat pour le moment.
web-contract-year = Année
web-contract-document = Type de document
web-contract-subscription = Abonnement
web-contract-monthly-price = Prix mensuel
web-contract-signed = Signé le
web-contract-status = Statut
web-contract-document-type =
    { $type ->
        [contract] Contrat
        [annex] Avenant
       *[other] { $type }
    }
web-contract-subscription-type =
    { $type ->
        [monthly] Assistance mensuelle
        [annual] Assistance annuelle
       *[other] { $type }
    }
web-contract-status-name =
    { $status ->
        [active] En vigueur
        [expired] Expiré
        [terminated] Résilié
        [draft] Brouillon
       *[other] { $status }
    }

## Programs and license files
web-programs-title = Programmes et informations
web-programs-program = Programme
web-programs-installation = Type d’installation
web-programs-single = Poste unique
web-programs-network = Réseau
web-programs-service = Type de service
web-programs-support-until = Support jusqu’au { $date }
web-programs-support-expired = Support expiré le { $date }
web-programs-no-support = Sans support
web-programs-generated = Date de génération de la clé
web-programs-registration-key = Clé d’enregistrement
web-programs-version = Version
web-programs-show-key = Afficher la clé complète
web-programs-keys-hint = Chaque programme affiche les clés d’installation et d’enregistrement de son dernier enregistrement. Cliquez sur une clé pour l’afficher en entier ; un clic sur la clé complète la sélectionne pour la copier.
web-machine-file = Fichier de licence
web-machine-download = Télécharger le fichier de licence
web-machine-download-label = Télécharger le fichier de licence de { $hostname }
web-machine-transfer = Transfert
web-machine-transfer-label = Désactiver { $hostname } pour transférer sa licence sur un autre ordinateur
web-machine-transfer-hint = Libère le poste : la licence peut alors être activée sur un autre ordinateur.
web-machine-file-hint = Un fichier de licence ne fonctionne que sur l’ordinateur pour lequel il a été émis. Téléchargez-le pour rétablir la licence de cet ordinateur sans accès à internet, par exemple après une réinstallation du programme.
web-license-file-title = Fichier de licence pour un ordinateur
web-license-file-hint = Les anciennes versions du programme lisent un fichier de licence (.lic) au lieu de s'activer en ligne. Saisissez l'empreinte de l'ordinateur concerné : le fichier ne fonctionne que sur celui-ci, occupe un des postes de la licence et contient aussi la durée du support.
web-license-file-fingerprint = Empreinte de l'ordinateur
web-license-file-fingerprint-hint = 64 caractères hexadécimaux, affichés par le gestionnaire de licences sous Empreinte, ou par « tessera status ».
web-license-file-computer = Nom de l'ordinateur (facultatif)
web-license-file-download = Télécharger le fichier de licence
web-license-file-fingerprint-invalid = Ce n'est pas une empreinte d'ordinateur : elle compte 64 caractères hexadécimaux (0–9, a–f), tels que le gestionnaire de licences l'affiche.
web-license-file-default-computer = Ordinateur (fichier de licence)
web-support-file-hint = La durée du support fait partie du fichier de licence (.lic), que les anciennes versions lisent aussi pour les mises à jour :
web-support-file-link = le télécharger pour un ordinateur

## The command line's own words for messages that name the app's buttons (Surface::Cli)
cli--state-grace-message = Votre licence n'a pas été synchronisée avec le portail de licences depuis un moment. Connectez-vous à Internet et exécutez « tessera refresh ».
cli--state-grace-until-message = Votre licence n'a pas été synchronisée avec le portail de licences depuis un moment. Elle reste utilisable jusqu'au { $date } : connectez-vous à Internet et exécutez « tessera refresh ».
cli--state-expired-term-ended-message = Votre licence a expiré le { $date }. Renouvelez-la sur le portail client, puis exécutez « tessera refresh ».
cli--state-expired-refresh-overdue-message = Votre licence n'a pas pu être synchronisée avec le portail de licences depuis le { $date }. Connectez-vous à Internet et exécutez « tessera refresh », ou activez-la hors ligne.
cli--state-suspended-message = Votre licence a été suspendue par l'éditeur. Contactez votre éditeur ou votre revendeur, puis exécutez « tessera refresh » une fois le problème réglé.
cli--state-clock-tampered-message = L'horloge de cet ordinateur indique une date antérieure au { $date }, un moment qu'il a déjà connu. Corrigez la date et l'heure, puis connectez-vous au portail pour confirmer l'heure : exécutez « tessera refresh ».
cli--state-time-unconfirmed-message = L'enregistrement de l'heure de la dernière vérification de licence sur cet ordinateur est absent ou a été modifié. Connectez-vous au portail pour confirmer l'heure avant d'utiliser la licence : exécutez « tessera refresh ».
cli--error-method-not-allowed = Le portail n'accepte pas ce type de requête à cette adresse. Mettez à jour le programme ou vérifiez l'adresse du portail (« tessera settings --portal-url »).
cli--error-proxy-failed = Le serveur proxy a refusé ou interrompu la connexion. Vérifiez l'adresse, le nom d'utilisateur et le mot de passe du proxy (« tessera settings --proxy-url … --proxy-user … »).
cli--error-portal-not-genuine = La réponse n'est pas signée par le portail de licences de votre éditeur : elle a été rejetée. Vérifiez l'adresse du portail (« tessera settings --portal-url ») et assurez-vous qu'aucun proxy ne modifie les échanges.
cli--error-unexpected-answer = Le portail de licences a donné une réponse que ce programme ne comprend pas. Vérifiez l'adresse du portail (« tessera settings --portal-url »), ou mettez à jour le programme.
cli--error-state-corrupt = Les données de licence enregistrées sur cet ordinateur sont endommagées. Exécutez « tessera refresh », ou activez de nouveau avec votre clé d'activation.
cli--error-invalid-setting = Un paramètre n'est pas valide. Corrigez-le avec « tessera settings » (voir « tessera settings --help »).

## Mail the portal sends (payment recorded, license suspended or revoked)
mail-greeting = Bonjour,
mail-signature = Votre portail de licences : { $portal }
mail-order-subject = Votre commande { $order } : en attente de paiement
mail-order-intro = Merci pour votre commande { $order } du { $date }. Son total est de { $total } :
mail-order-line = { $description }, utilisateurs { $quantity } : { $subtotal }
mail-order-transfer = Veuillez virer { $total } à { $bank }, en indiquant la référence { $order }.
mail-order-transfer-invoice = Veuillez virer { $total } sur le compte indiqué sur la facture, en indiquant la référence { $order }.
mail-order-card = Votre paiement par carte est en cours de traitement.
mail-order-start = Vos licences commencent le jour où le paiement arrive : un e-mail vous apporte alors votre clé d'activation et la marche à suivre.
mail-paid-subject = Paiement reçu pour la commande { $order } : vos licences
mail-paid-intro = Nous avons enregistré votre paiement pour la commande { $order } : { $amount }, reçu le { $date }. Vos licences sont émises, et leur durée a commencé le jour de l'arrivée du paiement.
mail-paid-license = { $product } { $edition }, numéro de série { $serial } : utilisateurs { $users }, ordinateurs { $machines }, { $term }
mail-paid-term-until = valable jusqu'au { $date }
mail-paid-term-perpetual = perpétuelle
mail-paid-key = Votre clé d'activation ouvre ces licences :
mail-paid-step-open = Ouvrez le Tessera License Manager sur l'ordinateur où le logiciel fonctionne (sur un serveur sans bureau, exécutez 'tessera activate').
mail-paid-step-paste = Collez la clé d'activation et cliquez sur Activer.
mail-paid-step-refresh = Plus tard, cliquez sur Actualiser pour synchroniser la licence avec le portail. Sans internet, activez hors ligne avec un fichier de demande.
mail-paid-portal = Vos licences, commandes et contrats de support se trouvent sur le portail client, { $link } : connectez-vous avec cette adresse e-mail et le numéro de commande { $order }.
mail-suspended-subject = La licence { $serial } est suspendue
mail-suspended-body = Votre licence { $serial } ({ $product } { $edition }) est suspendue. Motif : { $reason }
mail-suspended-effect = Le logiciel cesse de l'accepter à sa prochaine actualisation. Une fois la question réglée, nous la rétablissons, et une actualisation la rend de nouveau active.
mail-overdue-subject = La facture de la commande { $reference } est impayée
mail-overdue-body = La facture de la commande { $reference } de votre abonnement à { $product } { $edition } (licence { $serial }) n'est pas encore payée.
mail-overdue-card = Votre carte n'a pas pu être débitée. Ajoutez une carte ou choisissez-en une autre dans Moyens de paiement — { $link } — et le débit est retenté automatiquement.
mail-overdue-effect = Sans son paiement, la licence { $serial } sera suspendue le { $date }. Si vous l'avez déjà payée, vous n'avez rien d'autre à faire.
mail-revoked-subject = La licence { $serial } est révoquée
mail-revoked-body = Votre licence { $serial } ({ $product } { $edition }) est révoquée. Motif : { $reason }
mail-revoked-effect = Le logiciel cesse de l'accepter à sa prochaine actualisation. Répondez à ce message si vous pensez qu'il s'agit d'une erreur.

## Back office (the vendor's staff)
mail-key-subject = Votre clé d'activation
mail-key-intro = Comme demandé, voici à nouveau la clé d'activation des licences de { $company }.
mail-key-portal = Vos licences, commandes et contrats de support sont sur le portail client, { $link } : connectez-vous avec cette adresse e-mail et l'un de vos numéros de commande.
bo-nav-customers = Clients
bo-customers-title = Clients
bo-customers-search = Trouver un client
bo-search = Rechercher
bo-customers-search-hint = Une partie du nom de la société ou de l'adresse e-mail, une référence de commande, un numéro de série ou les premiers caractères d'une clé d'activation.
bo-customers-none = Aucun client ne correspond à « { $query } ».
bo-customers-capped = Seuls les 50 premiers clients trouvés sont affichés : précisez la recherche.
bo-customer-place = Ville, pays
bo-customer-licenses = Licences
bo-customer-since = Depuis
bo-customer-language = Langue des e-mails
bo-customer-key = Clé d'activation
bo-customer-resend-key = Renvoyer la clé par e-mail
bo-customer-key-sent = La clé d'activation est en file d'envoi pour { $email }.
bo-customer-no-licenses = Ce client n'a pas encore de licence.
bo-customer-no-orders = Ce client n'a passé aucune commande.
bo-customer-people = Contacts et comptes
bo-customer-person = Nom
bo-customer-role = Rôle
bo-customer-contact = contact d'achat
bo-customer-account = compte avec mot de passe
bo-customer-invited = invité, pas encore de mot de passe
bo-serial = Numéro de série
bo-state = État
bo-order-items = Articles
bo-order-status-awaiting-payment = en attente de paiement
bo-order-status-paid = payée
bo-order-status-cancelled = annulée
bo-order-status-refunded = remboursée
bo-recent-events = Événements récents
bo-no-events = Rien n'est encore enregistré.
bo-event-at = Quand
bo-event-kind = Événement
bo-event-actor = Par
bo-event-subject = Objet
bo-event-change = Modification
# Refus que le back-office affiche après « Non effectué : ».
bo-refusal-amount-mismatch = Le paiement de { $got } ne correspond pas au total de la commande { $reference }, { $expected }. Enregistrez le montant entier une fois qu’il est arrivé en totalité.
bo-refusal-paid-already = La commande { $reference } a été payée par un autre paiement.
bo-refusal-paid-already-on = La commande { $reference } a été payée le { $day } par un autre paiement.
bo-refusal-order-not-payable = La commande { $reference } est { $status ->
        [cancelled] annulée
        [refunded] remboursée
       *[other] { $status }
    } et ne peut pas être payée.
bo-refusal-payment-in-future = La date de paiement { $day } est dans le futur.
bo-refusal-payment-before-order = La date de paiement { $day } est antérieure à la passation de la commande { $reference } ({ $placed }).
bo-refusal-payment-reference-taken = Cette référence bancaire ou clé d’idempotence a été enregistrée pour le paiement de la commande { $paid }, et non { $reference }.
bo-refusal-payment-reference-racing = Cette référence bancaire ou clé d’idempotence a été enregistrée au même instant pour un autre paiement.
bo-refusal-cancel-paid = La commande { $reference } est payée : remboursez-la au lieu de l’annuler.
bo-refusal-cancel-status = La commande { $reference } est { $status ->
        [cancelled] annulée
        [refunded] remboursée
       *[other] { $status }
    } : seule une commande en attente de paiement peut être annulée.
bo-refusal-refund-unpaid = La commande { $reference } n’est pas payée : annulez-la au lieu de la rembourser.
bo-refusal-refund-status = La commande { $reference } est { $status ->
        [cancelled] annulée
        [refunded] remboursée
       *[other] { $status }
    } : seule une commande payée peut être remboursée.
bo-refusal-reason-needed = indiquez pourquoi la commande { $reference } est annulée ou remboursée : le motif est conservé et affiché
bo-refusal-term-perpetual = la licence { $serial } est perpétuelle : sa durée n’a pas de fin à prolonger
bo-refusal-term-not-later = la licence { $serial } se termine le { $day } : la nouvelle fin doit être un jour plus tardif
bo-refusal-users-range = utilisateurs : { $count } ; une licence en compte de 1 à { $most }
bo-refusal-computers-range = ordinateurs : { $count } ; une licence en compte de 1 à { $most }
bo-refusal-seats-held = { $count ->
        [one] { $count } ordinateur occupe une place
       *[other] { $count } ordinateurs occupent des places
    } de la licence { $serial } : libérez-en avant de n’en autoriser que { $most }
bo-refusal-users-not-number = utilisateurs : « { $text } » n’est pas un nombre entier
bo-refusal-computers-not-number = ordinateurs : « { $text } » n’est pas un nombre entier
bo-refusal-not-a-day = « { $text } » n’est pas une date au format { $example }
bo-refusal-field-too-long = Le champ `{ $field }` dépasse { $max ->
        [one] { $max } caractère
       *[other] { $max } caractères
    }.
bo-refusal-field-control = Le champ `{ $field }` contient un caractère de contrôle (U+{ $code }) à la position { $position }.
bo-refusal-news-empty = { $field ->
        [title] titre
        [body] texte
       *[other] { $field }
    } : vide, or une actualité a besoin d’un titre et d’un texte
bo-refusal-news-too-long = { $field ->
        [title] titre
        [body] texte
       *[other] { $field }
    } : { $count ->
        [one] { $count } caractère
       *[other] { $count } caractères
    }, { $most } au plus
bo-refusal-not-a-sku = SKU : « { $text } » n’est pas un SKU (majuscules, chiffres et tirets, sans espace)
bo-refusal-not-a-product-id = identifiant : « { $text } » n’est pas un identifiant de produit (minuscules, chiffres et tirets)
bo-refusal-not-a-match-policy = règle de correspondance : « { $text } » n’est pas une règle de correspondance (exact, fuzzy ou loose)
bo-refusal-out-of-range = { $field } : { $value } n’est pas compris entre { $least } et { $most }
bo-refusal-name-needed = { $field } : un nom est nécessaire
bo-refusal-too-many-features = fonctionnalités : { $most } au plus
bo-refusal-product-exists = identifiant : le produit { $id } existe déjà
bo-refusal-edition-exists = SKU : l’édition { $edition } ou le SKU { $sku } existe déjà
bo-refusal-no-product = produit : aucun produit { $product }
bo-refusal-price-range = prix : { $price } n’est pas compris entre 0 et { $most }
bo-refusal-not-a-term = durée en mois : ce n’est pas une durée
bo-refusal-no-edition-sku = édition : aucune édition n’a le SKU { $sku }
bo-refusal-no-edition = édition : { $product } n’a pas d’édition { $edition }
bo-refusal-plan-exists = SKU : une offre a déjà le SKU { $sku }
bo-refusal-plan-on-sale-already = l’offre { $sku } est déjà en vente
bo-refusal-plan-retired-already = l’offre { $sku } est déjà retirée de la vente
bo-refusal-order-no-lines = une commande a besoin d'au moins une ligne
bo-refusal-order-quantity = { $users } utilisateurs de { $sku } n'est pas une quantité acceptée par le portail (de 1 à 1 000 000)
bo-refusal-no-customer = aucun client n'a l'identifiant { $id }
bo-refusal-no-plan = aucune formule n'a le SKU { $sku }
bo-refusal-plan-not-sold = la formule { $sku } n'est plus vendue
bo-refusal-contract-price-negative = prix mensuel : il ne peut pas être négatif
bo-refusal-contract-currency = devise : « { $currency } » n'est pas un code de devise comme EUR
bo-refusal-contract-year = année : { $year } n'est pas une année de contrat
bo-refusal-contract-status-already = statut : le contrat est déjà { $status }
bo-refusal-contract-changed = statut : le contrat a été modifié entre-temps ; réessayez
bo-refusal-subscription-quantity = quantité : de 1 à { $most } utilisateurs, pas { $quantity }
bo-refusal-card-none = Cet abonnement est payé par carte et aucune carte n'est enregistrée : ajoutez-en une dans Moyens de paiement.
bo-refusal-card-declined = la carte se terminant par { $last4 } a été refusée pour { $amount } ({ $reason }). Rien n'a été modifié : ajoutez une autre carte dans Moyens de paiement, ou réessayez plus tard.
bo-refusal-provider-unavailable = le prestataire de paiement n'a pas répondu à temps pour { $amount }. Rien n'a été modifié ; si vous réessayez, vous serez débité au plus une fois.
bo-refusal-provider-down = le prestataire de paiement n'a pas répondu à temps. Rien n'a été modifié ; réessayez dans quelques minutes.
bo-refusal-provider-refused = le prestataire de paiement a refusé la demande ({ $reason }).
bo-refusal-card-last = La carte se terminant par { $last4 } est la seule d'un abonnement payé par carte : ajoutez une autre carte avant de la supprimer.
bo-refusal-company-empty = Le nom de la société est vide : les factures doivent nommer leur destinataire.
bo-refusal-vat-id = « { $typed } » n'est pas un n° de TVA : de 4 à 20 lettres et chiffres, comme FR12345678901.
bo-refusal-cards-not-taken = Cette boutique n'accepte pas les cartes : choisissez le virement bancaire.
bo-refusal-seats-bound = Plus d’utilisateurs sont liés aux licences de cet abonnement que les { $users } que laisse ce changement : déliez-en d’abord dans Administration de la société.
bo-refused = Non effectué : { $detail }
bo-license-reason = Motif communiqué au client
bo-license-reason-hint = Le client le lit dans le License Manager après la prochaine actualisation, et dans un e-mail.
bo-license-status-title = Suspendre, rétablir, révoquer
bo-license-suspend = Suspendre
bo-license-revoke = Révoquer
bo-license-reinstate = Rétablir
bo-license-terms-title = Durée, utilisateurs et ordinateurs
bo-license-ends-on = Nouvelle fin de durée
bo-license-extend = Prolonger la durée
bo-license-max-machines = Ordinateurs autorisés
bo-license-change-limits = Modifier utilisateurs et ordinateurs
bo-license-free-one = Libérer le poste
bo-license-free-one-label = Libérer le poste de { $hostname }
bo-license-free-all = Libérer tous les postes
bo-license-free-hint = Chaque ordinateur s'active de nouveau à sa prochaine connexion, ou un autre prend sa place.
bo-license-done-suspended = La licence est suspendue. Les ordinateurs du client l'apprennent à leur prochaine actualisation.
bo-license-done-reinstated = La licence est de nouveau active.
bo-license-done-revoked = La licence est révoquée. Les ordinateurs du client l'apprennent à leur prochaine actualisation.
bo-license-done-term = La durée est prolongée.
bo-license-done-limits = Les utilisateurs et ordinateurs sont modifiés.
bo-license-done-freed = Tous les postes sont libres.
bo-license-done-machine = Le poste de l'ordinateur est libre.
bo-customer-new-order = Passer une commande
bo-order-title = Commande { $order }
bo-order-done-placed = La commande est passée et attend son paiement ; l'e-mail de confirmation du client est en route.
bo-order-done-cancelled = La commande est annulée : elle ne peut plus être payée.
bo-order-done-refunded = La commande est remboursée et ses licences révoquées ; le client en est informé avec le motif.
bo-order-actions = Paiement, annulation, remboursement
bo-order-cancel-reason = Motif de l'annulation (gardé dans le journal)
bo-order-refund-reason = Motif du remboursement (le client le lit)
bo-order-refund-hint = Rembourser révoque toutes les licences de la commande : les ordinateurs du client l'apprennent à leur prochaine actualisation, avec ce motif.
bo-order-cancel = Annuler la commande
bo-order-refund = Rembourser la commande
bo-order-new-title = Nouvelle commande
bo-order-new-for = Nouvelle commande pour { $company }
bo-order-no-plans = Aucune offre n'est en vente : ajoutez-en une au catalogue d'abord.
bo-order-new-hint = La commande est payée par virement : elle attend son paiement, et les licences commencent le jour où il est enregistré.
bo-order-new-empty = Indiquez le nombre d'utilisateurs d'au moins une offre.
bo-order-place = Passer la commande
bo-plan-term = Durée
bo-plan-price = Prix par utilisateur
bo-plan-months = { $months ->
    [1] 1 mois
   *[other] { $months } mois
}
mail-ending-subject = Votre licence { $serial } se termine le { $date }
mail-ending-body = Votre licence { $serial } ({ $product } { $edition }, { $users } utilisateurs) se termine le { $date }, { $days ->
    [one] demain
   *[other] dans { $days } jours
}.
mail-ending-renew = Elle n'est pas renouvelée automatiquement : pour continuer à utiliser { $product } après cette date, commandez une nouvelle période. Les nouvelles licences commencent le jour où leur paiement est enregistré.
mail-ending-link = Vos licences et leurs durées : { $link }
mail-ended-subject = Votre licence { $serial } est terminée
mail-ended-body = Votre licence { $serial } ({ $product } { $edition }) s'est terminée le { $date }. Le logiciel cesse de l'accepter une fois son délai hors ligne écoulé.
mail-ended-renew = L'accès n'est pas renouvelé automatiquement : pour continuer à utiliser { $product }, commandez une nouvelle période. Les nouvelles licences commencent le jour où leur paiement est enregistré.
invoice-title = Facture { $number }
invoice-credit-note-title = Avoir { $number }
invoice-documents = Facture et avoirs
invoice-back = Commande { $order }
invoice-print-hint = Pour en garder une copie, imprimez la page ou enregistrez-la en PDF depuis le menu Imprimer de votre navigateur.
invoice-issued = Émise le
invoice-corrects = Annule la facture
invoice-billed-to = Facturé à
invoice-unit-price = Prix par utilisateur
invoice-reason = Motif :
invoice-payment = Paiement
invoice-transfer-to = Merci de virer le total à { $bank }, en indiquant la référence { $order }.
invoice-transfer = Merci de virer le total sur le compte de l'éditeur, en indiquant la référence { $order }.
invoice-terms-start = Les licences commencent le jour où le paiement est enregistré.
bo-title = Back-office
bo-nav-dashboard = Tableau de bord
bo-nav-orders = Commandes
bo-role-admin = administrateur
bo-role-support = support
bo-2fa-nav = Connexion en deux étapes
bo-2fa-title = Connexion en deux étapes
bo-2fa-intro = Une fois activée, la connexion à l'administration demande, après votre mot de passe, le code à six chiffres qu'affiche une application d'authentification sur votre téléphone (par exemple Aegis, FreeOTP, Google Authenticator). Téléphone perdu ? Un opérateur la désactive depuis le terminal : tessera-portal admin staff-reset-2fa.
bo-2fa-is-on = La connexion en deux étapes est activée.
bo-2fa-is-off = La connexion en deux étapes est désactivée : votre mot de passe suffit pour vous connecter.
bo-2fa-turn-on = Activer
bo-2fa-turn-off = Désactiver
bo-2fa-new-secret = Recommencer avec une nouvelle clé
bo-2fa-add-to-app = Ajoutez cette clé à votre application d'authentification (saisissez la clé ou collez l'adresse), puis saisissez le code affiché par l'application pour confirmer. La connexion en deux étapes n'est activée qu'une fois un code confirmé.
bo-2fa-secret = Clé
bo-2fa-uri = Adresse pour l'application
bo-2fa-code = Code à six chiffres
bo-2fa-confirm = Confirmer et activer
bo-2fa-turned-on = La connexion en deux étapes est maintenant activée.
bo-2fa-turned-off = La connexion en deux étapes est maintenant désactivée.
bo-2fa-code-wrong = Ce code n'est pas correct ou a déjà été utilisé. Saisissez le code que votre application affiche maintenant.
bo-2fa-sign-in-title = Votre code de connexion
bo-2fa-sign-in-intro = Saisissez le code à six chiffres que votre application d'authentification affiche pour Tessera.
bo-2fa-sign-in-expired = Cette connexion a expiré ou n'a pas été commencée dans ce navigateur. Reconnectez-vous avec votre mot de passe.
bo-2fa-start-again = Recommencer
bo-events-kind-staff-two-factor-on = Connexion en deux étapes activée
bo-events-kind-staff-two-factor-off = Connexion en deux étapes désactivée
bo-events-kind-subscription-started = Abonnement souscrit
bo-events-kind-subscription-changed = Abonnement modifié
bo-sign-in-title = Connexion au back-office
bo-news-nav = Actualités
bo-news-title = Actualités
bo-news-intro = Les actualités de la page Actualités des clients, les plus récentes d'abord. Une actualité publiée s'affiche aussitôt ; une actualité retirée ne s'affiche plus.
bo-news-published = Publiées
bo-news-empty = Aucune actualité n'est publiée.
bo-news-news-title = Titre
bo-news-text-start = Texte
bo-news-withdraw = Retirer
bo-news-publish-title = Publier une actualité
bo-news-body = Texte
bo-news-body-hint = Texte brut, 10 000 caractères au plus ; une ligne vide commence un nouveau paragraphe.
bo-news-publish = Publier
bo-news-done-published = L'actualité est publiée.
bo-news-done-withdrawn = L'actualité est retirée.
bo-contracts-title = Contrats
bo-contracts-empty = Aucun contrat pour l'instant.
bo-contracts-new-status = Nouveau statut
bo-contracts-change-status = Modifier
bo-contracts-add = Ajouter un contrat
bo-contracts-year-hint = Vide : l'année de sa conclusion.
bo-contracts-price-hint = Dans les unités de la devise, p. ex. 49.90.
bo-contracts-currency = Devise
bo-contracts-done-added = Le contrat est ajouté.
bo-contracts-done-status = Le statut du contrat est modifié.
bo-events-kind-news-published = Actualité publiée
bo-events-kind-news-withdrawn = Actualité retirée
bo-events-kind-contract-added = Contrat ajouté
bo-events-kind-contract-status-changed = Statut du contrat modifié
bo-sign-in-intro = Pour le personnel de l'éditeur. Les clients se connectent au portail client.
bo-password-set = Votre mot de passe est défini. Connectez-vous avec lui.
bo-catalog-nav = Catalogue
bo-catalog-title = Catalogue
bo-catalog-intro = Les produits, leurs éditions et les formules qui les vendent. Rien n'est supprimé : une formule qui n'est plus vendue est retirée, et ce qui a été vendu reste tel quel.
bo-catalog-empty = Aucun produit pour l'instant.
bo-catalog-product-id = Identifiant du produit
bo-catalog-product-id-hint = Minuscules, chiffres et tirets, par exemple acme-ledger. Il ne change jamais : les licences et les ordinateurs le portent.
bo-catalog-name = Nom
bo-catalog-match-policy = Reconnaissance des ordinateurs
bo-catalog-policy-exact = exacte (tous les composants)
bo-catalog-policy-fuzzy = souple (la plupart des composants)
bo-catalog-policy-loose = large (quelques composants)
bo-catalog-refresh-days = Actualisation tous les (jours)
bo-catalog-grace-days = Délai hors ligne (jours)
bo-catalog-edit-product = Modifier le produit
bo-catalog-edit-product-hint = L'identifiant et la reconnaissance des ordinateurs restent tels quels : les licences et les ordinateurs les portent.
bo-catalog-save = Enregistrer
bo-catalog-editions = Éditions
bo-catalog-edition = Édition
bo-catalog-no-editions = Aucune édition pour l'instant.
bo-catalog-features = Fonctions
bo-catalog-features-hint = Séparées par des virgules, par exemple ledger, multi-currency. Les licences émises désormais les portent.
bo-catalog-edit-features = Modifier les fonctions
bo-catalog-plans = Formules
bo-catalog-no-plans = Aucune formule pour l'instant.
bo-catalog-machines-per-user = Ordinateurs par utilisateur
bo-catalog-support-years = Assistance (années)
bo-catalog-trial-days = Essai (jours)
bo-catalog-status = Vente
bo-catalog-on-sale = en vente
bo-catalog-retired = retirée
bo-catalog-add-product = Ajouter un produit
bo-catalog-add-edition = Ajouter une édition
bo-catalog-add-plan = Ajouter une formule
bo-catalog-sku-hint = Majuscules, chiffres et tirets, par exemple LED-STD-1Y.
bo-catalog-plan-name-hint = Le libellé de la ligne de commande ; le produit, l'édition et la durée s'il est vide.
bo-catalog-months = Durée (mois)
bo-catalog-months-hint = De 1 à 120 ; vide pour une licence perpétuelle.
bo-catalog-price-hint = Par utilisateur pour toute la durée, par exemple 299.00.
bo-catalog-currency = Devise
bo-catalog-plan-title = Formule { $sku }
bo-catalog-edit-plan = Modifier la formule
bo-catalog-edit-plan-hint = Le nouveau prix vaut pour les commandes passées désormais : les commandes déjà passées gardent le prix auquel elles ont été vendues. Les ordinateurs et l'assistance s'appliquent à toute licence émise désormais, y compris celles des commandes en attente de paiement.
bo-catalog-retire = Retirer la formule
bo-catalog-retire-hint = Une formule retirée n'est plus vendue : aucune nouvelle commande ne la prend. Les licences et commandes déjà vendues restent telles quelles.
bo-catalog-put-on-sale = Remettre en vente
bo-catalog-done-product-added = Le produit est ajouté.
bo-catalog-done-product-changed = Le produit est modifié.
bo-catalog-done-edition-added = L'édition est ajoutée.
bo-catalog-done-features = Les fonctions sont modifiées.
bo-catalog-done-plan-added = La formule est ajoutée et en vente.
bo-catalog-done-plan-changed = La formule est modifiée : les prochaines commandes la suivent.
bo-catalog-done-retired = La formule est retirée : aucune nouvelle commande ne la prend.
bo-catalog-done-on-sale = La formule est de nouveau en vente.
bo-figure-active = licences en vigueur
bo-figure-activations = activations aujourd'hui
bo-figure-awaiting = commandes en attente de paiement
bo-figure-ending = durées se terminant sous 90 jours
bo-figure-mails = e-mails en échec
bo-orders-title = Commandes en attente de paiement
bo-orders-empty = Aucune commande n'attend son paiement.
bo-customer = Client
bo-record-payment = Enregistrer le paiement
bo-amount = Montant
bo-paid-on = Reçu le
bo-bank-reference = Référence bancaire
bo-record = Enregistrer
bo-payment-recorded = Le paiement de la commande { $order } est enregistré ; licences émises : { $licenses }. L'e-mail du client est en route.
bo-events-nav = Journal
bo-events-title = Journal des événements
bo-events-filter = Filtrer le journal
bo-events-customer = Client (e-mail ou identifiant)
bo-events-serial = Numéro de licence
bo-events-actor = Auteur
bo-events-kind = Type
bo-events-any-kind = Tous les types
bo-events-from = Du
bo-events-to = Au
bo-events-apply = Filtrer
bo-events-clear = Effacer
bo-events-csv = Exporter en CSV
bo-events-empty = Aucun événement ne correspond à ce filtre.
bo-events-when = Date
bo-events-subject = Objet
bo-events-change = Modification
bo-events-bad-customer = Aucun client n'a l'e-mail ou l'identifiant « { $customer } ».
bo-events-bad-serial = Aucune licence n'a le numéro « { $serial } ».
bo-events-bad-kind = « { $kind } » n'est pas un type d'événement.
bo-events-bad-from = Le premier jour « { $day } » n'est pas une date comme 2026-03-01.
bo-events-bad-to = Le dernier jour « { $day } » n'est pas une date comme 2026-03-01.
bo-events-bad-range = Le premier jour est postérieur au dernier.
bo-events-kind-order-placed = Commande passée
bo-events-kind-payment-recorded = Paiement enregistré
bo-events-kind-license-issued = Licence émise
bo-events-kind-license-status-changed = Statut de licence modifié
bo-events-kind-customer-added = Client ajouté
bo-events-kind-api-token-created = Jeton d'API créé
bo-events-kind-api-token-revoked = Jeton d'API révoqué
bo-events-kind-order-cancelled = Commande annulée
bo-events-kind-order-refunded = Commande remboursée
bo-events-kind-staff-created = Compte du personnel créé
bo-events-kind-machine-activated = Ordinateur activé
bo-events-kind-license-refreshed = Licence actualisée
bo-events-kind-machine-deactivated = Ordinateur désactivé
bo-events-kind-mail-resent = E-mail renvoyé
bo-events-kind-license-term-extended = Durée de licence prolongée
bo-events-kind-license-limits-changed = Limites de licence modifiées
bo-events-kind-key-resent = Clé d'activation renvoyée
bo-events-kind-password-changed = Mot de passe modifié
bo-events-kind-product-added = Produit ajouté
bo-events-kind-product-changed = Produit modifié
bo-events-kind-edition-added = Édition ajoutée
bo-events-kind-edition-changed = Édition modifiée
bo-events-kind-plan-added = Offre ajoutée
bo-events-kind-plan-changed = Offre modifiée
bo-events-kind-plan-retired = Offre retirée
bo-events-kind-plan-on-sale = Offre remise en vente
bo-mail-nav = E-mails
bo-mail-title = Boîte d'envoi
bo-mail-filter = E-mails par statut
bo-mail-filter-all = Tous ({ $count })
bo-mail-status-queued = en attente
bo-mail-status-sent = envoyé
bo-mail-status-failed = en échec
bo-mail-newest = Les { $count } e-mails les plus récents sont listés, sans leur texte.
bo-mail-empty = Aucun e-mail dans ce statut.
bo-mail-queued-at = Mis en file
bo-mail-mail = E-mail
bo-mail-status = Statut
bo-mail-last-error = Dernière erreur
bo-mail-resend = Renvoyer
bo-mail-attempts =
    { $count ->
        [one] { $count } tentative
       *[other] { $count } tentatives
    }
bo-mail-next-attempt = prochaine tentative { $at }
bo-mail-resent = L'e-mail est de nouveau en file ; il part dans quelques secondes.
bo-mail-not-failed = L'e-mail { $id } est { $status } : seul un e-mail en échec peut être renvoyé.
bo-mail-bad-status = « { $status } » n'est pas un statut d'e-mail : choisissez en attente (queued), envoyé (sent), en échec (failed) ou tous (all).

## Gestion des abonnements (seed 001)
web-nav-subscriptions = Abonnements
web-subs-title = Gestion des abonnements
web-subs-none = Vous n'avez aucun abonnement. La boutique de votre éditeur les crée ; un essai s'affiche ici aussi.
web-subs-status =
    { $status ->
        [trialing] Essai
        [active] Actif
        [past_due] Paiement en retard
        [suspended] Suspendu
        [cancelling] Résilié
        [ended] Terminé
       *[other] { $status }
    }
web-subs-plan = Formule
web-subs-users = Utilisateurs
web-subs-billing = Facturation
web-subs-interval =
    { $interval ->
        [month] Mensuelle
        [year] Annuelle
       *[other] { $interval }
    }
web-subs-period = Période en cours
web-subs-next-charge = Prochain prélèvement
web-subs-trial-ends = L'essai se termine le { $date }
web-subs-renews = { $amount } le { $date }
web-subs-ends = Se termine le { $date } (résilié)
web-subs-options = Options
web-subs-update-services = Mettre à jour les services
web-subs-change-plan = Changer de formule
web-subs-cancel = Résilier l'abonnement
web-subs-resume = Reprendre
web-subs-order-to-pay = La commande { $reference } attend votre paiement.
web-subs-done-users = Le nombre d'utilisateurs est mis à jour.
web-subs-done-plan = La formule est changée.
web-subs-done-cancel = L'abonnement est résilié : il prend fin à la fin de la période en cours. Vous pouvez le reprendre d'ici là.
web-subs-done-resume = L'abonnement est repris : il se renouvelle comme avant.
web-subs-users-invalid = Saisissez le nombre d'utilisateurs en chiffres, par exemple 5.
web-subs-users-count =
    { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    }
web-subs-users-label = Nombre d'utilisateurs
web-subs-users-hint = Les utilisateurs ajoutés sont facturés maintenant pour le reste de la période ; une réduction prend effet à sa fin.
web-subs-see-price = Voir le prix
web-subs-plans = Formules
web-subs-price-month = { $price } par utilisateur et par mois
web-subs-price-year = { $price } par utilisateur et par an
web-subs-quote = Ce que cela coûte
web-subs-due-today = À payer aujourd'hui : { $amount }
web-subs-prorated = pour { $days } des { $period } jours de cette période
web-subs-credit-used = Votre avoir de { $amount } y est imputé.
web-subs-credit-kept = Avoir conservé pour vos prochaines factures : { $amount }
web-subs-takes-effect = Prend effet le { $date } ; d'ici là, vous gardez ce que vous avez.
web-subs-then = À partir du { $date } : { $plan }, utilisateurs : { $users }, { $amount } { $per }.
web-subs-per-month = par mois
web-subs-per-year = par an
web-subs-buy = Acheter maintenant
web-subs-buy-start = Quand commence la première période payante ?
web-subs-buy-start-trial-end = À la fin de l'essai, le { $date } : vous gardez les jours d'essai
web-subs-buy-start-now = Aujourd'hui
web-subs-buy-due = À payer : { $amount } pour la période du { $start } au { $end }, puis { $amount } { $per }.
web-subs-buy-confirm = Acheter
web-subs-buy-billing = Données de facturation
web-subs-buy-company = Société
web-subs-buy-address = Adresse
web-subs-buy-city = Ville
web-subs-buy-country = Pays
web-subs-buy-payment = Moyen de paiement
web-subs-buy-no-card = Carte — aucune carte enregistrée.
web-subs-buy-transfer = Virement bancaire (la facture vous est envoyée par e-mail)
web-subs-done-buy = Merci : l'abonnement est acheté.
web-subs-compare = Comparer les formules
web-subs-feature = Fonctionnalité
web-subs-included = incluse
web-subs-not-included = non incluse
web-subs-price = Prix
web-subs-confirm = Confirmer
web-subs-cancel-button = Résilier l'abonnement
web-subs-cancel-confirm = Votre accès prend fin le { $date }. D'ici là, tout continue de fonctionner et vous pouvez reprendre l'abonnement.

## Payment methods (seed 001) and the demo's test-mode cards
web-nav-cards = Moyens de paiement
web-test-mode = Mode test : les cartes ne sont pas débitées. Utilisez 4242 4242 4242 4242 avec une date d'expiration future ; 4000 0000 0000 0002 est toujours refusée.
web-cards-title = Moyens de paiement
web-cards-intro = Les cartes qui paient vos abonnements. La carte par défaut paie les renouvellements et les modifications. Seuls la marque, les quatre derniers chiffres et l'expiration d'une carte sont conservés ici, jamais son numéro.
web-cards-transfer-only = Cette boutique est payée par virement bancaire : chaque facture indique le compte à créditer et la référence à mentionner.
web-cards-empty = Aucune carte pour l'instant.
web-cards-card = Carte
web-cards-expires = Expiration
web-cards-default = Par défaut
web-cards-make-default = Utiliser par défaut
web-cards-remove = Supprimer
web-cards-add = Ajouter une carte
web-cards-added = La carte se terminant par { $last4 } a été ajoutée.
web-cards-not-added = La page de la carte a été quittée avant la fin : aucune carte n'a été ajoutée.
web-cards-defaulted = Votre carte par défaut a été changée : elle paiera les prochains renouvellements et modifications.
web-cards-removed = La carte a été supprimée.
web-cards-ending = { $brand } se terminant par { $last4 }
web-testcard-title = Ajouter une carte (mode test)
web-testcard-intro = Cette page remplace celle du prestataire de paiement : rien n'est débité et le numéro n'est pas conservé.
web-testcard-number = Numéro de carte
web-testcard-expiry = Expiration (mois / année)
web-testcard-month = Mois
web-testcard-year = Année
web-testcard-save = Enregistrer la carte
web-testcard-cancel = Annuler

## Subscription mails (seed 001) and Contact the store
mail-sub-link = Vos abonnements : { $link }
mail-sub-charged = Montant : { $amount } (commande { $order }).
mail-sub-nothing-due = Rien n'est dû : votre crédit le couvre.
mail-sub-next-charge = Prochain prélèvement : { $date }.
mail-sub-trial-subject = Votre essai de { $product } a commencé
mail-sub-trial-body = Votre essai de { $product } ({ $plan }, utilisateurs : { $users }) dure jusqu'au { $date }. Rien n'est facturé pendant l'essai.
mail-sub-trial-buy = Pour continuer après l'essai, choisissez Acheter maintenant sur la page de vos abonnements.
mail-sub-bought-subject = Merci : votre abonnement à { $product } est acheté
mail-sub-bought-body = { $plan }, utilisateurs : { $users }. Votre première période payante va du { $start } au { $end } : { $amount }, commande { $order }.
mail-sub-users-added-subject = Utilisateurs ajoutés à votre abonnement à { $product }
mail-sub-users-added-body = Votre abonnement à { $product } ({ $plan }) compte désormais { $new } utilisateurs.
mail-sub-users-reduced-subject = Votre abonnement à { $product } a moins d'utilisateurs à partir du { $date }
mail-sub-users-reduced-body = À partir du { $date }, votre abonnement à { $product } ({ $plan }) compte { $new } utilisateurs ; d'ici là vous gardez vos { $current } utilisateurs.
mail-sub-plan-subject = Votre abonnement à { $product } est désormais { $plan }
mail-sub-plan-body = Votre abonnement à { $product } est désormais sur la formule { $plan }, utilisateurs : { $current }.
mail-sub-downgrade-subject = Votre abonnement à { $product } passe à { $plan } le { $date }
mail-sub-downgrade-body = Votre abonnement à { $product } passe à la formule { $plan } le { $date } ; d'ici là vous gardez { $currentplan }.
mail-sub-cancelled-subject = Votre abonnement à { $product } est résilié
mail-sub-cancelled-body = Votre abonnement à { $product } ({ $plan }) est résilié : votre accès prend fin le { $date }. D'ici là, tout continue de fonctionner et vous pouvez reprendre l'abonnement depuis la page de vos abonnements.
mail-sub-resumed-subject = Votre abonnement à { $product } est repris
mail-sub-resumed-body = Votre abonnement à { $product } ({ $plan }) est repris : il se renouvelle comme avant.
mail-sub-renewed-subject = Votre abonnement à { $product } est renouvelé
mail-sub-renewed-body = Votre abonnement à { $product } est renouvelé pour la période du { $start } au { $end } : { $plan }, utilisateurs : { $users }.
mail-sub-ended-subject = Votre abonnement à { $product } a pris fin
mail-sub-ended-body = Votre abonnement à { $product } ({ $plan }) a pris fin le { $date } : il n'est pas renouvelé et plus rien n'est facturé.
mail-sub-declined-subject = Votre carte a été refusée pour la commande { $order }
mail-sub-declined-body = Nous n'avons pas pu prélever { $amount } sur votre carte pour la commande { $order } (votre abonnement à { $product }).
mail-sub-declined-retry = Nous essaierons à nouveau la carte le { $date }.
mail-sub-declined-last = C'était la dernière tentative : si la commande n'est pas payée, l'abonnement est suspendu.
mail-sub-declined-cards = Pour payer avec une autre carte, ajoutez-la dans Moyens de paiement et choisissez-la par défaut : { $link }
mail-contact-subject = { $subject } — { $company }
mail-contact-no-subject = À propos de l'abonnement { $id }
mail-contact-intro = { $company } ({ $email }) a écrit au sujet de son abonnement { $id } :
mail-contact-subscription = Abonnement : { $id } ({ $product })
mail-contact-plan = Formule : { $plan }
mail-contact-users = Utilisateurs : { $users }
mail-contact-status = État : { $status }
mail-contact-period = Période : { $period }
mail-contact-customer = Client : { $company }, { $email } (compte { $account })
mail-contact-trial = essai jusqu'au { $date }
mail-contact-reply = Répondez à ce message pour répondre à { $email }.
web-contact-title = Contacter la boutique
web-contact-intro = Écrivez à la boutique au sujet de cet abonnement : ses détails accompagnent votre message, et la réponse arrive à votre adresse e-mail.
web-contact-subject = Objet
web-contact-message = Message
web-contact-send = Envoyer
web-contact-sent = Votre message a été envoyé à la boutique.
bo-refusal-contact-empty = Écrivez un message avant de l'envoyer : le message est vide.

## Back office: subscriptions, Cancel now, the quote tool
bo-subs-nav = Abonnements
bo-subs-title = Abonnements
bo-subs-one = Abonnement
bo-subs-filter = Filtrer les abonnements
bo-subs-any-status = Tous les statuts
bo-subs-empty = Aucun abonnement.
bo-subs-bad-status = « { $status } » n'est pas un statut d'abonnement : choisissez-en un dans la liste.
bo-subs-days-past-due =
    { $days ->
        [one] { $days } jour de retard
       *[other] { $days } jours de retard
    }
bo-subs-next-attempt = prochain essai de la carte le { $date }
bo-subs-suspends-on = suspendu le { $date }
bo-subs-done-ended = L'abonnement est terminé, et sa licence avec lui.
bo-subs-order-placed = La commande { $reference } le facture.
bo-subs-license = Licence
bo-subs-dunning = Paiement en retard
bo-subs-on-behalf = Pour le compte du client
bo-subs-cancel-now = Arrêter maintenant
bo-subs-history = Modifications
bo-subs-no-changes = Aucune modification pour l'instant.
bo-subs-change = Modification
bo-subs-orders = Commandes et factures
bo-subs-card-charges = Débits de carte
bo-subs-refund-by =
    { $method ->
        [card] remboursé sur la carte
       *[other] à rembourser par virement
    }
bo-subs-end-what = Ce que fait l'arrêt aujourd'hui
bo-subs-end-today = L'abonnement et sa licence prennent fin aujourd'hui, le { $date } ; une commande de la période encore impayée est annulée.
bo-subs-end-paid = Payé pour la période en cours : { $amount }
bo-subs-end-refund = Part non utilisée à rembourser : { $amount }
bo-subs-end-give-back = Rembourser { $amount }
bo-subs-end-refund-admin = Seul le rôle administrateur peut rembourser.
bo-subs-end-reason = Motif (conservé dans le journal)
bo-subs-all-of-customer = Les voir dans la liste des abonnements
bo-refusal-subscription-ended = l'abonnement { $id } est déjà terminé.
bo-quote-title = Outil de devis
bo-quote-intro = Le calcul de « tessera-portal billing quote » : un abonnement au début de sa période, les modifications faites pendant celle-ci, et ce qu'elles facturent.
bo-quote-changes = Modifications de la période
bo-quote-kind =
    { $kind ->
        [quantity] Utilisateurs
        [plan] Formule
        [interval] Périodicité et formule
        [cancel] Résilier
        [resume] Reprendre
       *[other] —
    }
bo-quote-submit = Calculer
bo-quote-refused = Pas de devis : { $detail }
bo-quote-days =
    { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
bo-quote-effective = Prend effet
bo-quote-due-now = À payer maintenant
bo-quote-credit = Crédit conservé
bo-quote-per =
    { $interval ->
        [year] par an
       *[other] par mois
    }
bo-quote-next = À partir du { $date } : { $plan }, utilisateurs : { $users }, { $total } { $per }.
bo-quote-no-next = Il prend fin à la fin de la période.
bo-subs-method =
    { $method ->
        [card] Carte
       *[other] Virement bancaire
    }

# Partner and reseller pools (#13 Part B)
error-insufficient-licenses = Votre réserve compte moins de licences que nécessaire (utilisateurs × années) ; rien n’a été fait. Demandez des licences à votre partenaire ou à l’éditeur, ou choisissez moins d’utilisateurs ou d’années.

## Company administration and seats (seed 004, issue #13 Part A)
bo-events-kind-seat-bound = Licence attribuée
bo-events-kind-seat-unbound = Licence libérée
mail-seat-bound-subject = Vous avez désormais accès à { $product }
mail-seat-bound-body = { $company } vous a attribué une licence de { $product } ({ $edition }) : vous y avez accès jusqu’au { $ends }.
mail-seat-unbound-subject = Votre accès à { $product } a pris fin
mail-seat-unbound-body = { $company } a repris votre licence de { $product } ({ $edition }) : votre accès a pris fin.
web-seats-no-end = sans date de fin
web-seats-no-user = Aucun utilisateur de votre société n’est inscrit avec cet e-mail. Invitez-le d’abord.
web-seats-taken = Cette licence vient d’être attribuée à quelqu’un d’autre. Choisissez une autre licence libre.
web-seats-has-one = Cet utilisateur a déjà une licence de cette période.
web-seats-ended = La période de cette licence est terminée : elle ne peut plus être attribuée.
web-seats-not-bound = Cette licence n’est attribuée à personne.
web-seats-bad-email = Ce n’est pas une adresse e-mail.
web-seats-has-account = Cette adresse a déjà un compte.
web-seats-admins-only = Seuls les administrateurs de la société gèrent ses licences.
web-nav-company = Administration de la société
web-company-title = Administration de la société
web-company-users = Utilisateurs de la société
web-company-user-email = E-mail
web-company-user-role = Rôle
web-company-user-registered = Inscrit
web-company-role-name =
    { $role ->
        [admin] Administrateur
       *[user] Utilisateur
    }
web-company-yes = Oui
web-company-no = Invitation envoyée
web-company-invite = Inviter
web-company-invite-email = E-mail de l’utilisateur à inviter
web-company-invited = Invitation envoyée à { $email }.
web-company-subscriptions-link = Gestion de l’abonnement
web-seats-title = Gestion de l’abonnement
web-seats-intro = Chaque ligne est une licence utilisateur. Les utilisateurs doivent être inscrits avec l’e-mail saisi. Une nouvelle période, ce sont de nouvelles licences : attribuez-les à nouveau.
web-seats-empty = Aucune licence ne correspond.
web-seat-product = Produit
web-seat-edition = Édition
web-seat-order = Commande
web-seat-start = Début
web-seat-end = Fin
web-seat-status = Statut
web-seat-user = Attribuée à l’utilisateur (e-mail)
web-seat-status-name =
    { $status ->
        [free] Libre
        [bound] Attribuée
        [not_started] Pas commencée
       *[expired] Expirée
    }
web-seats-filter-product = Type de produit
web-seats-filter-status = Statut
web-seats-all = Tous
web-seats-search = Rechercher
web-seats-apply = Filtrer
web-seats-email = E-mail de l’utilisateur
web-seats-bind = Attribuer
web-seats-unbind = Libérer
web-seats-bound-done = La licence a été attribuée à { $email }.
web-seats-unbound-done = La licence a été libérée : elle peut être attribuée à quelqu’un d’autre.
web-seats-carry = Attribuer aux mêmes utilisateurs que la période précédente
web-seats-carry-binds = Seront attribués : { $emails }
web-seats-carry-skips = Ignorés (plus dans la société ou plus de licence libre) : { $emails }
web-seats-carry-none = Personne de la période précédente ne peut être attribué à nouveau.
web-seats-carry-done = { $count ->
        [one] Un utilisateur a été attribué à nouveau.
       *[other] { $count } utilisateurs ont été attribués à nouveau.
    }

## Company administration: the trail Cabinet › Company administration › Subscription management
web-cabinet = Espace client
web-breadcrumb = Vous êtes ici

## Partner API: renewal reminders of clients' terms (#13 Part B)
mail-client-ending-subject = La période { $product } de votre client { $client } se termine le { $date }
mail-client-ending-body = La période de votre client { $client } ({ $product }, { $users } utilisateurs) se termine le { $date }, { $days ->
    [one] demain
   *[other] dans { $days } jours
}. Elle n'a pas encore été renouvelée.
mail-client-ending-renew = Elle n'est pas renouvelée automatiquement : renouvelez-la depuis votre réserve de licences-années dans la console partenaire, ou par l'API partenaire (POST /api/v1/partner/clients/{ $client_id }/renewals).
mail-client-ending-company-subject = Vos licences { $product } se terminent le { $date }
mail-client-ending-company-body = Les licences { $product } de votre société ({ $users } utilisateurs) se terminent le { $date }, { $days ->
    [one] demain
   *[other] dans { $days } jours
}.
mail-client-ending-company-renew = Elles ne sont pas renouvelées automatiquement : pour continuer à utiliser { $product } après cette date, demandez à { $seller }, qui vous les fournit, de les renouveler.

# Partner console /partner (#13 Part B, seed 003)
partner-title = Console partenaire
partner-nav-dashboard = Tableau de bord
partner-nav-clients = Liste des clients
partner-nav-renewals = Clients à renouveler
partner-nav-pool = Licences
partner-sign-in-title = Connexion à la console partenaire
partner-sign-in-intro = Pour les partenaires et revendeurs : renouvelez vos clients et suivez vos licences.
partner-figure-to-renew = Nombre de sociétés à renouveler
partner-view = Voir
partner-figure-pool = Licences-années restantes : { $product }
partner-pool-empty = Votre réserve ne contient pas encore de licences. Demandez-en à votre partenaire ou à l’éditeur.
partner-create-client = Créer un client
partner-legend = Légende
partner-standing-renewed = Renouvelé
partner-standing-ended = Terminé
partner-standing-ending = Fin proche
partner-standing-not-started = Pas commencé
partner-standing-active = En cours
partner-standing-none = Sans abonnement
partner-legend-renewed = renouvelé : la date de fin de l’abonnement actuel reste affichée
partner-legend-ended = la date de fin d’abonnement est dépassée
partner-legend-ending = l’abonnement se termine dans moins de 3 mois
partner-legend-not-started = l’abonnement n’a pas encore commencé
partner-created = Client { $name } créé.
partner-export-csv = Exporter (CSV)
partner-clients-empty = Vous n’avez pas encore de clients.
partner-col-client = Nom client
partner-col-subscription = Abonnement
partner-col-reseller = Nom revendeur
partner-col-start = Date de début
partner-col-end = Date de fin
partner-col-users = Utilisateurs
partner-col-standing = État
partner-col-duration = Durée (en année)
partner-col-to-renew = À renouveler
partner-col-select = Sélection
partner-renewed-until = renouvelé jusqu’au { $date }
partner-renew = Renouveler
partner-renewals-intro = Clients dont l’abonnement est terminé ou se termine dans moins de 3 mois et n’est pas encore renouvelé. Une licence représente un utilisateur pendant une année.
partner-renewals-empty = Aucun client à renouveler.
partner-select-client = Sélectionner { $name }
partner-bulk-renew = Renouveler la sélection
partner-renewed = { $name } renouvelé.
partner-bulk-renewed = Clients renouvelés : { $count }.
partner-bulk-none = Sélectionnez au moins un client, et de 1 à 100 années.
partner-bulk-title = Renouveler les clients sélectionnés
partner-bulk-total = Licences nécessaires
partner-renew-title = Renouveler { $name }
partner-dialog-current-end = l’abonnement actuel se termine le { $date }
partner-dialog-available = Licences restantes à attribuer par { $seller }
partner-dialog-years = Nombre d’années de renouvellement
partner-dialog-assigned = Licences utilisateurs affectées à { $client }
partner-dialog-the-client = le client
partner-dialog-needed = Licences utilisées (utilisateurs × années)
partner-dialog-remaining = Licences restantes après réabonnement
partner-dialog-term = Nouvel abonnement
partner-dialog-recalculate = Recalculer
partner-dialog-ok = OK
partner-dialog-cancel = Annuler
partner-dialog-numbers = Saisissez des nombres entiers : au moins 1 utilisateur, et de 1 à 100 années.
partner-dialog-name-needed = Saisissez le nom du client.
partner-transferred = Les licences ont été transférées au revendeur.
partner-transfer-amount = Saisissez un nombre entier de licences-années, au moins 1.
partner-pool-balances = Licences restantes
partner-pool-balance = Licences-années
partner-transfer-title = Attribuer des licences à un revendeur
partner-transfer-amount-label = Licences-années
partner-transfer = Transférer
partner-ledger-title = Mouvements
partner-ledger-empty = Aucun mouvement pour l’instant.
partner-ledger-date = Date
partner-ledger-kind = Mouvement
partner-ledger-amount = Licences-années
partner-ledger-grant = Attribuées par l’éditeur
partner-ledger-transfer = Transfert
partner-ledger-allocate = Affectées à un client
partner-ledger-return = Restituées

## Named-user activation (issue #13): the company account's sign-in in the app and the CLI

error-user-sign-in-failed = L'adresse e-mail ou le mot de passe n'est pas correct. Utilisez l'adresse e-mail et le mot de passe de votre compte d'entreprise sur le portail client.
error-no-seat = Aucune licence de { $product } n'est attribuée à votre compte d'entreprise. Demandez à l'administrateur de votre entreprise de vous en attribuer une.
error-seat-not-started = Votre licence de { $product } commence le { $date }. Activez-la de nouveau à partir de ce jour.
error-user-too-many-machines =
    { $machines ->
        [one] Votre licence est utilisée sur { $machines } ordinateur, le maximum qu'elle permet. Désactivez-la sur celui-ci, puis activez-la ici.
       *[other] Votre licence est utilisée sur { $machines } ordinateurs, le maximum qu'elle permet. Désactivez-la sur l'un d'eux, puis activez-la ici.
    }
state-revoked-unbound-message = L'administrateur de votre entreprise a mis fin à votre accès à { $product } — demandez-lui de vous attribuer une licence.
activate-user-title = Se connecter avec votre compte d'entreprise
activate-user-hint = Si l'administrateur de votre entreprise vous a attribué une licence, connectez-vous avec l'adresse e-mail et le mot de passe de votre compte sur le portail client.
activate-user-email = Adresse e-mail
activate-user-password = Mot de passe
activate-user-button = Se connecter et activer
dashboard-user = Attribuée à l'utilisateur
cli-password-prompt = Mot de passe pour { $email } :

## Partner console: people, forgotten password
partner-nav-people = Personnes
partner-people-intro = Toutes les personnes qui se connectent à cette console pour { $organisation }.
partner-people-list = Personnes ayant accès
partner-people-since = Depuis
partner-people-actions = Actions
partner-people-you = vous
partner-people-active = Peut se connecter
partner-people-invited = Invitée
partner-people-disabled = Désactivée
partner-people-disable = Désactiver
partner-people-disable-who = Désactiver { $email }
partner-people-invite = Inviter un collègue
partner-people-invite-send = Envoyer l'invitation
partner-people-invited-notice = { $email } est invité : un message avec un lien pour choisir un mot de passe est en route.
partner-people-disabled-notice = { $email } ne peut plus se connecter.
partner-people-bad-email = Saisissez une adresse e-mail valide.
partner-people-taken = Cette adresse e-mail a déjà un compte dans la console partenaire.
partner-people-yourself = Vous ne pouvez pas désactiver votre propre compte. Demandez à un collègue.
partner-mail-invite-subject = Votre compte sur la console partenaire Tessera
partner-mail-invite-body =
    Bonjour,

    Un compte a été ouvert pour vous sur la console partenaire Tessera, où vous renouvelez vos clients et suivez vos licences. Ouvrez ce lien dans la journée pour choisir votre mot de passe :

    { $link }

    Le lien ne sert qu'une fois. Ensuite, connectez-vous avec votre adresse e-mail et ce mot de passe.
partner-mail-reset-subject = Choisir un nouveau mot de passe pour la console partenaire Tessera
partner-mail-reset-body =
    Bonjour,

    Quelqu'un, probablement vous, a demandé un nouveau mot de passe pour votre compte sur la console partenaire Tessera. Ouvrez ce lien dans l'heure pour le choisir :

    { $link }

    Le lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
mail-client-ending-reseller = { $client } est un client de votre revendeur { $seller }, qui le renouvelle ; vous pouvez aussi le renouveler.
## Client companies that are customers (#13 Part B, client company administrator)
error-not-company-admin = Le compte de cette adresse est un utilisateur de son entreprise, pas son administrateur : indiquez plutôt l’administrateur de l’entreprise.
error-client-already-linked = Cette entreprise est déjà liée au client d’un partenaire ou d’un revendeur : une entreprise n’est cliente que d’un seul vendeur. Demandez à l’éditeur si elle a changé de vendeur.
error-client-has-admin = Ce client est déjà lié à son entreprise, avec un autre administrateur. L’administrateur de l’entreprise invite ses utilisateurs sur le portail client.
bo-events-kind-client-linked = Client lié à son entreprise
partner-col-admin = Administrateur de l’entreprise
partner-admin-action = Indiquer…
partner-admin-title = Administrateur de l’entreprise { $name }
partner-admin-intro = L’administrateur de l’entreprise cliente sur le portail client : l’administrateur d’une entreprise existante y lie le client ; une nouvelle adresse crée l’entreprise et invite son administrateur. Les licences du client deviennent les licences utilisateur de l’entreprise.
partner-admin-email = Adresse e-mail de l’administrateur
partner-admin-email-optional = Adresse e-mail de l’administrateur de l’entreprise (facultatif)
partner-admin-linked = { $name } est lié à son entreprise : ses licences sont les licences utilisateur de l’entreprise.
partner-admin-invited = { $name } est maintenant une entreprise cliente : son administrateur a reçu une invitation à s’inscrire.
mail-client-linked-subject = { $seller } gère désormais des licences pour { $company }
mail-client-linked-body = { $seller } vous a désigné comme administrateur de { $company } pour les licences qu’il achète pour son client { $client }. Ses périodes apparaissent comme licences utilisateur dans Administration de l’entreprise → Gestion des abonnements du portail client, où vous les attribuez à vos utilisateurs.
mail-client-linked-object = Si { $seller } ne vend pas à votre entreprise, répondez à ce message.
## Named users' one-time codes and messages with their details (issue #13, helper H2)

error-user-code-wrong = Ce code n'est pas correct. Vérifiez-le dans le dernier e-mail du portail, ou demandez un nouveau code.
error-user-code-expired = Ce code ne peut plus être utilisé : un code sert une seule fois, pendant { $minutes } minutes, et permet quelques essais. Demandez un nouveau code.
mail-user-code-subject = Votre code à usage unique pour activer un ordinateur
mail-user-code-intro = Pour activer le programme avec votre compte d'entreprise ({ $email }) sans votre mot de passe, saisissez ce code :
mail-user-code-expiry = Le code sert une seule fois, pendant { $minutes } minutes. Si vous ne l'avez pas demandé, ignorez cet e-mail : personne ne peut utiliser votre compte sans lui.
activate-user-code-link = M'envoyer plutôt un code par e-mail
activate-user-password-link = Utiliser plutôt mon mot de passe
activate-user-code-send = M'envoyer un code
activate-user-code-sent = Si { $email } appartient à un compte d'entreprise, un code est en route. Il est valable { $minutes } minutes.
activate-user-code = Code reçu par e-mail
activate-user-code-button = Activer avec le code
cli-code-sent = Si { $email } appartient à un compte d'entreprise, un code est en route ; il est valable { $minutes } minutes.
cli-code-prompt = Code reçu par e-mail :
error-expired-on = Cette licence a expiré le { $date }. Demandez à la personne qui gère vos licences de la renouveler.
web-seat-from-seller = par { $seller }
