### Tessera — English. The reference catalogue: every other language has exactly these message ids,
### and each translation uses the same variables as the English message.
###
### Variables that select a wording (the caller passes one of the keys shown):
###   $kind      a code: activation-key, installation-key, registration-key
###              or a file: license, activation-request, activation-response, deactivation-receipt
###   $expected_kind, $found_kind   a file, as above
###   $what      what was signed: a file kind above, registration-key, portal-response, machine-call, other
### Numbers ($expected and $found of error-code-length, $position, $version, $seats, $seconds, $hours) are passed as numbers,
### dates ($date) as text already formatted (YYYY-MM-DD, or YYYY-MM-DD HH:MM UTC).
### $detail is technical English text for support staff; it is shown as it is.

## Application and navigation

app-title = Tessera License Manager
nav-license = License
nav-activate = Activate
nav-offline = Offline activation
nav-portal = Customer portal
nav-settings = Settings
nav-diagnostics = Diagnostics

## Words used on several screens

common-ok = OK
common-cancel = Cancel
app-cancelled = Cancelled. Nothing was saved on this computer.
common-yes = Yes
common-no = No
common-never = Never
common-copy = Copy
common-copied = Copied

## Activation screen

activate-title = Activate your license
activate-key-label = Activation key
activate-key-placeholder = Paste your activation key here
activate-key-hint = You will find your activation key in the order confirmation e-mail and on the customer portal.
activate-button = Activate your license
activate-offline-link = Activate offline instead
activate-progress = Activating…
activate-success = Your license is activated.
activate-replace-title = Replace the license on this computer?
activate-replace-message = This computer already holds license { $serial }. Activating this key replaces it: the seat of { $serial } is given back to the portal first, so it can be used on another computer. Without internet, deactivate it offline first.
activate-replace-confirm = Replace license
activate-already = This computer is already activated with this key (license { $serial }). Nothing was changed.

## License dashboard

dashboard-title = Your license
dashboard-status = Status
dashboard-product = Product
dashboard-edition = Edition
dashboard-users = Users
dashboard-serial = Serial number
dashboard-computer = Computer
dashboard-order = Order number
dashboard-support-until = Support until
dashboard-expires = Expires
dashboard-subscription = Subscription
dashboard-subscription-renews = Renews on { $date }
dashboard-subscription-cancelled = Ends on { $date } (cancelled)
dashboard-subscription-trial = Trial ends on { $date }
dashboard-last-sync = Last synchronised
dashboard-fingerprint = Fingerprint
dashboard-headline = Licensed to { $customer }: { $product }
dashboard-headline-perpetual = Licensed to { $customer }: { $product }, perpetual
dashboard-headline-days =
    { $days ->
        [one] Licensed to { $customer }: { $product }, { $days } day left
       *[other] Licensed to { $customer }: { $product }, { $days } days left
    }
dashboard-support-contact = Support
dashboard-renew-at = Renew at
dashboard-status-reason = Reason given by the vendor

## Refresh

refresh-button = Refresh your license
refresh-progress = Refreshing…
# The wording customers know from the portal's manual.
refresh-success = License has been synchronized with licensing portal
refresh-success-state = License has been synchronized with licensing portal. The license is now: { $state }.
# $reason is an error message, already translated.
refresh-failed = Could not synchronise: { $reason }

## Offline activation: by file, or by installation and registration keys

offline-title = Offline activation
offline-intro = No internet connection on this computer? Activate it with the help of another computer that has one.
offline-steps = Save the request file and take it to a computer with internet access; upload it on the customer portal's Offline activation page; bring back the response file.
offline-export-button = Export activation request
offline-export-help = Saves a request file signed by this computer. It holds your activation key, this computer's name and its fingerprint, and works only for this computer.
offline-export-done = The request file was saved to { $path }.
offline-import-button = Import response file
offline-import-help = Choose the response file you downloaded from the customer portal. It fits only the request exported from this computer.
offline-import-done = The response file has been imported. Your license is activated.
offline-installation-key-button = Show installation key
offline-installation-key-label = Installation key
offline-installation-key-help = Cannot move files? Copy this installation key and enter it on the customer portal's Generate keys page, or send it to your vendor. You will receive a registration key in return.
offline-registration-key-button = Enter registration key
offline-registration-key-label = Registration key
offline-registration-key-help = Type or paste the registration key you received for this computer's installation key, then confirm.

## Deactivation and transfer to another computer

deactivate-title = Deactivate or transfer
deactivate-button = Deactivate this computer
deactivate-confirm = Deactivate this computer? The license stops working here and its seat is given back, so you can activate another computer with the same activation key.
deactivate-offline-button = Create deactivation receipt
deactivate-offline-help = No internet connection? The license is removed from this computer right away and a receipt file is saved. Upload the receipt on the customer portal to give the seat back.
deactivate-done = This computer has been deactivated.

## Customer portal: sign-in, licenses and supports

portal-title = Customer portal
portal-intro = Sign in with the e-mail address you gave when you bought and one of your order numbers to see your licenses, supports and activation key.
portal-email = E-mail
portal-email-placeholder = Please type your e-mail address
portal-order = Order number
portal-order-hint = You will find it in the order confirmation e-mail. Any of your order numbers will do.
portal-sign-in = Sign in
portal-sign-out = Sign out
portal-signed-in-as = Signed in as { $email }
portal-activation-key = Your activation key is: { $key }
portal-previous = Previous
portal-next = Next
portal-licenses = Licenses
licenses-application = Application
licenses-serial-computer = Serial number / Computer
licenses-days = Days
licenses-users = Users
licenses-edition = Edition
licenses-order = Order number
licenses-date = Date
licenses-support = Support?
licenses-support-view = View
licenses-details = Details
licenses-empty = There are no licenses yet.
portal-supports = Supports
supports-application = Application
supports-serial = Serial number
supports-users = Users
supports-edition = Edition
supports-order = Order number
supports-date = Date
supports-duration = Duration (years)
supports-empty = There are no supports yet.

## Settings

settings-title = Settings
settings-portal-url = Portal URL
settings-proxy = Proxy
settings-proxy-none = No proxy
settings-proxy-system = Use the system proxy settings
settings-proxy-manual = Manual proxy
settings-proxy-url = Proxy URL
settings-proxy-user = Proxy user name
settings-proxy-password = Proxy password
settings-language = Language
settings-auto-refresh = Automatic refresh
settings-auto-refresh-every =
    { $hours ->
        [one] Every hour
       *[other] Every { $hours } hours
    }
settings-auto-refresh-every-days =
    { $days ->
        [one] Every day
       *[other] Every { $days } days
    }
settings-auto-refresh-off = Off
settings-save = Save
settings-saved = Saved
# $store is credential-store-keyring or credential-store-file, already translated.
settings-credential-store = Credentials are stored in: { $store }
credential-store-keyring = system keyring
credential-store-file = encrypted file ({ $path })

## Diagnostics

diagnostics-title = Diagnostics
diagnostics-export = Export diagnostics
diagnostics-description = Saves a report for your vendor's support: program version, settings, license state and fingerprint components. It contains no activation keys and no passwords.
diagnostics-saved = The diagnostics report was saved to { $path }.

## The tessera command line

cli-license-state = License: { $state }
cli-activated = Activated on this computer.
cli-activate-replace-hint = To replace it, run: tessera activate KEY --replace
cli-deactivated = Deactivated.
cli-request-written = Request written to { $path }
cli-receipt-written = Deactivation receipt written to { $path }
cli-response-imported = Response imported.
cli-signed-in = Signed in as { $email }.
cli-signed-out = Signed out.
cli-credential-store = Credentials are stored in: { $store }

## License states: a short label and what to do next

state-not-activated = Not activated
state-not-activated-message = This computer has no license yet. Enter your activation key to activate it.
state-valid = Valid
state-valid-message = Your license is valid.
state-valid-until-message = Your license is valid until { $date }.
state-grace = In grace period
state-grace-message = Your license has not been synchronised with the licensing portal for a while. Connect to the internet and click Refresh.
state-grace-until-message = Your license has not been synchronised with the licensing portal for a while. It keeps working until { $date }: connect to the internet and click Refresh.
state-expired = Expired
state-expired-term-ended-message = Your license expired on { $date }. Renew it in the customer portal, then click Refresh.
state-expired-refresh-overdue-message = Your license could not be synchronised with the licensing portal since { $date }. Connect to the internet and click Refresh, or activate offline.
state-suspended = Suspended
state-suspended-message = Your license is suspended by the vendor. Contact your vendor or reseller; click Refresh once it is resolved.
state-revoked = Revoked
state-revoked-message = Your license has been revoked by the vendor. Contact your vendor or reseller.
state-fingerprint-mismatch = Other computer
# $changed lists fingerprint components (component-*), already translated.
state-fingerprint-mismatch-message = This license belongs to another computer (changed here: { $changed }). If you replaced this computer or its hardware, deactivate the license on the old one or ask your vendor to transfer it, then activate again.
state-clock-tampered = Clock turned back
state-clock-tampered-message = This computer's clock is set earlier than { $date }, a time it has already seen. Correct the date and time, then connect to the portal to confirm the time: click Refresh.
state-time-unconfirmed = Time not confirmed
state-time-unconfirmed-message = This computer's record of the time of its last license check is missing or was changed. Connect to the portal to confirm the time before the license can be used: click Refresh.
state-registered = Registered
state-registered-until-message =
    { $seats ->
        [one] This computer is registered with a registration key for { $seats } workstation, until { $date }.
       *[other] This computer is registered with a registration key for { $seats } workstations, until { $date }.
    }
state-registered-message =
    { $seats ->
        [one] This computer is registered with a registration key for { $seats } workstation, without end date.
       *[other] This computer is registered with a registration key for { $seats } workstations, without end date.
    }
state-invalid = Invalid
state-invalid-message = The license file on this computer cannot be used (error { $code }). Activate this computer again, or contact your vendor's support and give them the error code.

## Fingerprint components, as they appear inside a sentence

component-machine-id = machine identifier
component-hostname = computer name
component-mac = network adapter
component-cpu = processor
component-os = operating system

## Errors of keys and files (tessera-core)

error-code-empty =
    { $kind ->
        [installation-key] Please enter the installation key.
        [registration-key] Please enter the registration key.
       *[activation-key] Please enter the activation key.
    }
error-code-length =
    { $kind ->
        [installation-key] The installation key
        [registration-key] The registration key
       *[activation-key] The activation key
    } should have { $expected } { $expected ->
        [one] character
       *[other] characters
    } but has { $found }. Check that you copied all of it.
error-code-character =
    { $kind ->
        [installation-key] The installation key
        [registration-key] The registration key
       *[activation-key] The activation key
    } cannot contain '{ $character }' (character { $position }). Keys use digits and the letters A to Z except I, L, O and U.
error-code-checksum =
    { $kind ->
        [installation-key] The installation key
        [registration-key] The registration key
       *[activation-key] The activation key
    } contains a typo. Please compare it character by character with the one you received.
error-code-unsupported =
    { $kind ->
        [installation-key] This installation key
        [registration-key] This registration key
       *[activation-key] This activation key
    } was made for a newer version of the program. Please update the program.
error-file-not-armoured =
    { $kind ->
        [activation-request] This is not a Tessera activation request file
        [activation-response] This is not a Tessera activation response file
        [deactivation-receipt] This is not a Tessera deactivation receipt
       *[license] This is not a Tessera license file
    }: it does not begin with the line -----BEGIN { $label }-----.
error-file-wrong-kind =
    This is { $found_kind ->
        [activation-request] an activation request file
        [activation-response] an activation response file
        [deactivation-receipt] a deactivation receipt
       *[license] a license file
    }, not { $expected_kind ->
        [activation-request] an activation request file
        [activation-response] an activation response file
        [deactivation-receipt] a deactivation receipt
       *[license] a license file
    }.
error-file-damaged =
    { $kind ->
        [activation-request] The activation request file
        [activation-response] The activation response file
        [deactivation-receipt] The deactivation receipt
       *[license] The license file
    } is damaged or incomplete ({ $detail }). Download or export it again.
error-file-unsupported-version =
    { $kind ->
        [activation-request] This activation request file
        [activation-response] This activation response file
        [deactivation-receipt] This deactivation receipt
       *[license] This license file
    } uses format version { $version }, which this program does not know. Please update the program.
error-file-unsupported-algorithm =
    { $kind ->
        [activation-request] This activation request file
        [activation-response] This activation response file
        [deactivation-receipt] This deactivation receipt
       *[license] This license file
    } is signed with '{ $algorithm }', which this program does not accept.
error-unknown-signing-key =
    { $what ->
        [license] This license file
        [activation-request] This activation request file
        [activation-response] This activation response file
        [deactivation-receipt] This deactivation receipt
        [registration-key] This registration key
        [portal-response] This answer from the portal
        [machine-call] This request from this computer
       *[other] This file
    } was signed with a key this program does not trust (key id { $kid }). Make sure it comes from your vendor's portal, or update the program.
error-bad-signature =
    { $what ->
        [license] This license file
        [activation-request] This activation request file
        [activation-response] This activation response file
        [deactivation-receipt] This deactivation receipt
        [registration-key] This registration key
        [portal-response] This answer from the portal
        [machine-call] This request from this computer
       *[other] This file
    } has been altered or damaged: its signature does not match. Download or export it again.
error-response-mismatch = This response answers a different activation request or computer. Export a new request file from this computer and upload it to the portal.
error-product-mismatch = This license is for { $found }, not for { $expected }.
error-machine-id-unavailable = This computer has no machine identifier, so a license cannot be bound to it ({ $detail }). On Linux, run 'systemd-machine-id-setup' as administrator.
error-invalid-signing-key = The key is not a valid Tessera key ({ $detail }).
error-randomness-unavailable = The operating system's random number generator is unavailable ({ $detail }). Restart the computer and try again.

## Errors the licensing portal answers with

error-bad-request = The portal could not accept this request ({ $detail }). Update the program; if that does not help, contact your vendor's support.
error-unauthenticated = Please sign in again: your session is missing or has expired.
error-sign-in-failed = No customer has that e-mail address and order number. Check both against your order confirmation.
error-machine-signature-invalid = This request was not signed by the key this computer registered when it was activated. Activate this computer again.
error-key-not-found = This activation key is not valid for this product. Check the key in your order confirmation or customer portal.
error-not-found = Not found.
# Also the program's own error when an operation needs an activated computer.
error-not-activated = This computer is not activated for this license. Activate it with your activation key.
error-suspended = This license is suspended. Contact your vendor or reseller.
error-revoked = This license has been revoked. Contact your vendor or reseller.
error-expired = This license has expired. Renew it in the customer portal.
error-too-many-machines =
    { $seats ->
        [one] The only seat of this license is in use. Deactivate the other computer, or buy more seats.
       *[other] Every seat of this license is in use ({ $seats } of { $seats }). Deactivate another computer, or buy more seats.
    }
error-replayed = This request or receipt has already been used. Create a new one.
error-stale-request = This computer's clock is too far from the portal's. Correct the date and time and try again.
error-not-entitled = Your license does not cover this ({ $detail }). Check your license on the customer portal or contact your vendor.
error-not-paid = Order { $order } is waiting for its payment: its licenses start when the payment is recorded. Activate again once you have the payment confirmation.
error-amount-mismatch = The payment does not match the order's total ({ $detail }). Record the whole amount once all of it has arrived.
error-already-paid = This order was paid already by another payment ({ $detail }).
error-payment-conflict = This payment cannot be recorded for this order ({ $detail }).
error-wrong-order-status = This change does not apply to the order as it stands ({ $detail }).
error-changed-meanwhile = This was changed meanwhile, in another window or by someone else; nothing was done. Look at it again, then repeat the change ({ $detail }).
error-payment-declined = The payment did not go through: { $detail }
error-provider-unavailable = The payment could not be made: { $detail }
error-token-invalid = This call needs a vendor API token in force. Create one with tessera-portal admin api-token create.
error-scope-missing = This API token may not do that: it lacks the scope { $scope }. Create a token with that scope.
error-method-not-allowed = The portal does not accept this kind of request at this address. Update the program, or check the portal URL in Settings.
error-payload-too-large = The request is too large.
error-headers-too-large = The request's headers are too large for the portal. Remove cookies or headers a proxy added, then try again.
error-rate-limited =
    { $seconds ->
        [one] Too many attempts. Please wait { $seconds } second and try again.
       *[other] Too many attempts. Please wait { $seconds } seconds and try again.
    }
error-internal = Something went wrong on the portal. Please try again later.

## Errors of this program (the License Manager and the tessera command)

error-network-unreachable = The licensing portal cannot be reached. Check the internet connection, then try again; without internet, activate offline.
error-proxy-failed = The proxy server refused or dropped the connection. Check the proxy address, user name and password in Settings.
error-tls-failed = A secure connection to the licensing portal could not be established. Check the computer's date and time; a proxy or antivirus that inspects secure connections can also cause this.
error-portal-timeout = The licensing portal did not answer in time. Please try again in a few minutes.
error-portal-not-genuine = The answer was not signed by your vendor's licensing portal, so it was rejected. Check the portal URL in Settings and make sure no proxy alters the traffic.
error-not-a-portal = This address does not answer as a Tessera licensing portal (HTTP { $status }). Check the portal address.
error-already-activated = This computer is already activated with this activation key (license { $serial }). To synchronise it with the portal, refresh.
error-license-held = This computer already holds license { $serial }. Replacing it gives that license's seat back to the portal first.
error-unexpected-answer = The licensing portal gave an answer this program does not understand. Check the portal URL in Settings, or update the program.
error-state-corrupt = The license data saved on this computer is damaged. Click Refresh, or activate again with your activation key.
error-storage-failed = The license data could not be saved on this computer. Check the free disk space and the permissions of the program's data folder.
error-credential-store-failed = The credential store could not be used. Unlock the system keyring or check the permissions of the program's data folder, then try again.
error-no-pending-request = There is no activation request waiting for a response on this computer. Export an activation request first, then import the response to it.
error-invalid-setting = A setting is not valid. Open Settings and correct the value that is marked.
error-not-signed-in = You are not signed in to the customer portal. Sign in with your e-mail address and an order number.
error-file-unreadable = The file { $path } cannot be read ({ $detail }).

## The License Manager's screens: more words of the desktop app

app-version = Version { $version }
app-main-navigation = Main navigation
app-loading = Loading…
app-try-again = Try again
app-open-failed = The License Manager cannot open this computer's license data.
app-settings-set-aside = Your settings file was damaged. It was set aside as { $path } and the default settings are in use: check them in Settings.
app-auto-refresh-failed = The automatic refresh did not succeed: { $reason }
app-save-file = Save to file…
app-open-file = Open file…
app-file-saved = Saved to { $path }
app-file-save-failed = The file could not be saved ({ $detail }).
app-file-open-failed = The file could not be read ({ $detail }).
app-file-too-large = This file is too large to be an activation response. Choose the response file you downloaded from the customer portal.
dashboard-customer = Customer
dashboard-perpetual = Perpetual
dashboard-no-support = No support
dashboard-pending-request = An activation request exported from this computer is waiting for its response.
dashboard-continue-offline = Import the response
dashboard-registered = This computer is registered with a registration key.
deactivate-offline-confirm = Remove the license from this computer now and create a deactivation receipt? The license stops working here at once.
deactivate-receipt-label = Deactivation receipt
deactivate-receipt-ready = The license has been removed from this computer. Save or copy this receipt and upload it on the customer portal to give the seat back.
offline-files-title = With files
offline-keys-title = With installation and registration keys
offline-step-request = 1. Export the activation request
offline-step-response = 2. Import the response
offline-request-label = Activation request
offline-response-label = Activation response
offline-response-placeholder = Paste the response text here, or open the response file.
offline-import-pasted = Import response
offline-pending = An activation request was exported from this computer and is waiting for its response.
offline-seats-label = Workstations
offline-registration-done = The registration key has been accepted.
portal-page = Page { $page } of { $pages }
licenses-machines = Computers in use
settings-portal-url-hint = The address of your vendor's licensing portal.
settings-portal-url-invalid = The address must start with https:// or http://.
settings-proxy-url-invalid = The proxy address must start with http://, https:// or socks5://.
settings-proxy-password-hint = Kept in the credential store. Leave it empty to keep the saved password.
diagnostics-report-label = Report

## Customer portal web pages (crates/portal/templates)

web-skip-to-content = Skip to content
web-nav-home = Home
web-nav-orders = Orders
web-language = Language
web-actions = Actions
web-back-home = Back to the home page
web-not-found-title = Page not found
web-not-found = This page does not exist, or it belongs to another account.
web-forbidden-title = Request refused
web-forbidden = This form has expired or did not come from this portal. Go back, reload the page and try again.
web-internal-title = Something went wrong
web-home-title = Your licenses and supports
web-activation-key-label = Your activation key is:
web-activation-key-hint = Paste it into your program's License tab and click “Activate your license”.
web-back-licenses = Back to your licenses
web-license-title = License { $serial }
web-license-expires = Expires
web-license-support-until = Support and updates until
web-machines = Computers
web-machines-empty = No computer uses this license at the moment.
web-machine-hostname = Computer
web-machine-activated = Activated
web-machine-last-seen = Last seen
web-machine-deactivate = Deactivate
web-machine-deactivated = The computer has been deactivated. Its seat is free for another computer.
web-support-title = Support and updates
web-support-ends = Ends
web-details = Details
web-name = Name
web-country = Country
web-city = City
web-vat-id = VAT id
web-contacts = Contacts
web-contacts-empty = There are no contacts yet.
web-first-name = First name
web-last-name = Last name
web-orders-empty = There are no orders yet.
web-reference = Reference
web-total = Total
web-order-title = Order { $reference }
web-back-orders = Back to your orders
web-order-details = Order details
web-date-time = Date and time
web-order-items = Order items
web-product = Product
web-sku = SKU
web-quantity = Quantity
web-subtotal = Subtotal
web-nav-offline = Offline activation
web-nav-keys = Programs and keys
web-too-large-title = File too large
web-too-large = The portal takes files and texts of up to 64 KiB. Check that you chose the right file.
web-bad-request-title = Request not understood
web-bad-request = A value in this address or form contains characters the portal does not accept (control characters), or is too long. Go back and check what you typed.
web-field-invalid = The field { $field } contains characters the portal does not accept, or is too long.
web-upload-empty = Choose a file or paste its text, then try again.
web-offline-title = Offline activation
web-offline-intro = For a computer without internet: bring its activation request file here, and take the response file back to it.
web-offline-activate-title = Activate a computer
web-offline-activate-hint = Upload the activation request file the program saved, or paste its text.
web-offline-activated = The computer is activated. Download the response file, or copy its text, and open it in the program on that computer.
web-offline-response-label = Activation response
web-offline-response-hint = Select the text to copy it.
web-offline-download = Download the response file
web-offline-request-file = Activation request file
web-offline-request-text = Or paste the request text
web-offline-activate = Activate
web-offline-receipt-title = Free a seat with a deactivation receipt
web-offline-receipt-hint = When the program deactivates a computer offline, it saves a receipt. Upload it, or paste its text, to free the seat.
web-offline-freed = The seat of license { $serial } is free for another computer.
web-offline-receipt-file = Deactivation receipt file
web-offline-receipt-text = Or paste the receipt text
web-offline-free-seat = Free the seat
web-keys-title = Programs and keys
web-keys-programs = Your licensed programs
web-keys-workstations = Workstations
web-keys-generate = Generate keys
web-keys-installation-key = Installation key
web-keys-installation-key-hint = The program shows it during registration. Paste it here to get the registration key.
web-keys-comparison = Requested and entitled
web-keys-parameter = Parameter
web-keys-requested = Requested
web-keys-entitled = Entitled
web-keys-check = Check
web-keys-ok = Covered
web-keys-not-ok = Not covered
web-keys-registration-key = Your registration key is:
web-keys-registration-key-hint = Type or paste it into the program's registration window.
web-keys-refused = Your license does not cover every row marked ✗, so no registration key can be issued. Contact your vendor to extend it.
web-keys-no-license = None of your licenses is for the program this installation key comes from.
web-keys-releases-until = Releases until { $date }
web-keys-no-support = No support term
web-keys-in-force = In force
web-keys-until = Until { $date }
web-keys-parameter-product = Product
web-keys-parameter-version = Version
web-keys-parameter-workstations = Workstations
web-keys-parameter-term = License term

## Customer accounts: e-mail and password, password change and reset (web)
web-sign-in-order-title = With your order number
web-sign-in-password-title = With your account's password
web-password = Password
web-forgot-link = Forgot your password?
web-sign-in-password-failed = The e-mail address or the password is not correct.
web-nav-password = Password
web-password-title = Change your password
web-password-current = Current password
web-password-new = New password
web-password-repeat = New password again
web-password-hint = At least 10 characters.
web-password-save = Change the password
web-password-changed = Your password has been changed.
web-password-current-wrong = The current password is not correct.
web-password-too-short = The new password must have at least 10 characters.
web-password-mismatch = The two new passwords are not the same.
web-forgot-title = Forgotten password
web-forgot-intro = Enter your account's e-mail address: we will send you a link to set a new password.
web-forgot-send = Send the link
web-forgot-sent = If this address has an account, a message is on its way. Its link sets a new password; it works once, within one hour.
web-reset-title = Set your password
web-reset-save = Set the password
web-reset-invalid = This link no longer works: it has expired or has already been used. Ask for a new one.
web-mail-reset-subject = Set a new password for the Tessera customer portal
web-mail-reset-body =
    Hello,

    Someone, probably you, asked to set a new password for your account on the Tessera customer portal. Open this link within one hour to choose it:

    { $link }

    The link works once. If you did not ask for it, ignore this message: your password stays as it is.
web-mail-invite-subject = Your account on the Tessera customer portal
web-mail-invite-body =
    Hello,

    An account has been opened for you on the Tessera customer portal, where you find your licenses, orders and activation key. Open this link within seven days to choose your password:

    { $link }

    The link works once. Afterwards, sign in with your e-mail address and this password.

## Profile, news, contracts
web-nav-news = News
web-nav-profile = Profile
web-nav-contracts = Contracts
web-profile-title = Your profile
web-profile-company = Company
web-profile-manager = Manager
web-profile-phone = Telephone
web-profile-since = Customer since
web-profile-not-given = Not given
web-profile-kept-by-vendor = Your vendor keeps these details up to date. To correct them, write to your vendor.
web-profile-no-account = You signed in with an order number, which has no password. To sign in with your e-mail address and a password of your own, ask your vendor for an account.
web-news-title = News
web-news-intro = News about our programs: new releases, events and ideas.
web-news-empty = There is no news yet.
web-contracts-title = Your contracts
web-contracts-empty = There are no contracts yet.
web-contract-year = Year
web-contract-document = Document type
web-contract-subscription = Subscription
web-contract-monthly-price = Monthly price
web-contract-signed = Signed on
web-contract-status = Status
web-contract-document-type =
    { $type ->
        [contract] Contract
        [annex] Annex
       *[other] { $type }
    }
web-contract-subscription-type =
    { $type ->
        [monthly] Monthly support
        [annual] Annual support
       *[other] { $type }
    }
web-contract-status-name =
    { $status ->
        [active] Active
        [expired] Expired
        [terminated] Terminated
        [draft] Draft
       *[other] { $status }
    }

## Programs and license files
web-programs-title = Programs and information
web-programs-program = Program
web-programs-installation = Installation type
web-programs-single = Single workstation
web-programs-network = Network
web-programs-service = Service type
web-programs-support-until = Support until { $date }
web-programs-support-expired = Support expired on { $date }
web-programs-no-support = No support
web-programs-generated = Key generation date
web-programs-registration-key = Registration key
web-programs-version = Version
web-programs-show-key = Show the full key
web-programs-keys-hint = Each program shows the installation and registration keys of its last registration. Click a key to see it in full; one click on the full key selects it for copying.
web-machine-file = License file
web-machine-download = Download license file
web-machine-download-label = Download the license file of { $hostname }
web-machine-transfer = Transfer
web-machine-transfer-label = Deactivate { $hostname } to transfer its license to another computer
web-machine-transfer-hint = Frees the seat, so the license can be activated on another computer.
web-machine-file-hint = A license file works only on the computer it was issued for. Download it to restore that computer's license without internet access, for example after reinstalling the program.
web-license-file-title = License file for a computer
web-license-file-hint = Older releases of the program read a license file (.lic) instead of activating online. Enter the fingerprint of the computer it is for: the file works only there, holds one of the license's seats, and carries the support term too.
web-license-file-fingerprint = Computer fingerprint
web-license-file-fingerprint-hint = 64 hexadecimal characters, shown by the License Manager under Fingerprint, or by 'tessera status'.
web-license-file-computer = Computer name (optional)
web-license-file-download = Download the license file
web-license-file-fingerprint-invalid = This is not a computer fingerprint: it has 64 hexadecimal characters (0–9, a–f), as the License Manager shows it.
web-license-file-default-computer = Computer (license file)
web-support-file-hint = The support term is part of the license file (.lic), which older releases read for updates too:
web-support-file-link = download it for a computer

## The command line's own words for messages that name the app's buttons (Surface::Cli)
cli--state-grace-message = Your license has not been synchronised with the licensing portal for a while. Connect to the internet and run 'tessera refresh'.
cli--state-grace-until-message = Your license has not been synchronised with the licensing portal for a while. It keeps working until { $date }: connect to the internet and run 'tessera refresh'.
cli--state-expired-term-ended-message = Your license expired on { $date }. Renew it in the customer portal, then run 'tessera refresh'.
cli--state-expired-refresh-overdue-message = Your license could not be synchronised with the licensing portal since { $date }. Connect to the internet and run 'tessera refresh', or activate offline.
cli--state-suspended-message = Your license is suspended by the vendor. Contact your vendor or reseller; run 'tessera refresh' once it is resolved.
cli--state-clock-tampered-message = This computer's clock is set earlier than { $date }, a time it has already seen. Correct the date and time, then connect to the portal to confirm the time: run 'tessera refresh'.
cli--state-time-unconfirmed-message = This computer's record of the time of its last license check is missing or was changed. Connect to the portal to confirm the time before the license can be used: run 'tessera refresh'.
cli--error-method-not-allowed = The portal does not accept this kind of request at this address. Update the program, or check the portal address ('tessera settings --portal-url').
cli--error-proxy-failed = The proxy server refused or dropped the connection. Check the proxy address, user name and password ('tessera settings --proxy-url … --proxy-user …').
cli--error-portal-not-genuine = The answer was not signed by your vendor's licensing portal, so it was rejected. Check the portal address ('tessera settings --portal-url') and make sure no proxy alters the traffic.
cli--error-unexpected-answer = The licensing portal gave an answer this program does not understand. Check the portal address ('tessera settings --portal-url'), or update the program.
cli--error-state-corrupt = The license data saved on this computer is damaged. Run 'tessera refresh', or activate again with your activation key.
cli--error-invalid-setting = A setting is not valid. Correct it with 'tessera settings' (see 'tessera settings --help').

## Mail the portal sends (payment recorded, license suspended or revoked)
mail-greeting = Hello,
mail-signature = Your licensing portal: { $portal }
mail-order-subject = Your order { $order }: awaiting payment
mail-order-intro = Thank you for your order { $order } of { $date }. Its total is { $total }:
mail-order-line = { $description }, users { $quantity }: { $subtotal }
mail-order-transfer = Please transfer { $total } to { $bank }, quoting the reference { $order }.
mail-order-transfer-invoice = Please transfer { $total } to the account on the invoice, quoting the reference { $order }.
mail-order-card = Your card payment is being processed.
mail-order-start = Your licenses start on the day the payment arrives: a mail then brings your activation key and how to activate.
mail-paid-subject = Payment received for order { $order }: your licenses
mail-paid-intro = We have recorded your payment for order { $order }: { $amount }, received on { $date }. Your licenses are issued, and their term started on the day the payment arrived.
mail-paid-license = { $product } { $edition }, serial { $serial }: users { $users }, computers { $machines }, { $term }
mail-paid-term-until = valid until { $date }
mail-paid-term-perpetual = perpetual
mail-paid-key = Your activation key opens these licenses:
mail-paid-step-open = Open the Tessera License Manager on the computer where the software runs (on a server without a desktop, run 'tessera activate').
mail-paid-step-paste = Paste the activation key and click Activate.
mail-paid-step-refresh = Later, click Refresh to synchronise the license with the portal. Without internet, activate offline with a request file.
mail-paid-portal = Your licenses, orders and support terms are on the customer portal, { $link }: sign in with this e-mail address and the order number { $order }.
mail-suspended-subject = License { $serial } is suspended
mail-suspended-body = Your license { $serial } ({ $product } { $edition }) is suspended. Reason: { $reason }
mail-suspended-effect = The software stops accepting it at its next refresh. Once the matter is settled we reinstate it, and a refresh brings it back.
mail-overdue-subject = The invoice of order { $reference } is unpaid
mail-overdue-body = The invoice of order { $reference } for your subscription to { $product } { $edition } (license { $serial }) is not paid yet.
mail-overdue-card = Your card could not be charged for it. Add a card or choose another one in Payment methods — { $link } — and it is charged again automatically.
mail-overdue-effect = Unless its payment arrives, license { $serial } is suspended on { $date }. If you have paid it already, there is nothing more to do.
mail-revoked-subject = License { $serial } is revoked
mail-revoked-body = Your license { $serial } ({ $product } { $edition }) is revoked. Reason: { $reason }
mail-revoked-effect = The software stops accepting it at its next refresh. Reply to this message if you think this is a mistake.

## Back office (the vendor's staff)
mail-key-subject = Your activation key
mail-key-intro = As asked, here is again the activation key of the licenses of { $company }.
mail-key-portal = Your licenses, orders and support terms are on the customer portal, { $link }: sign in with this e-mail address and any of your order numbers.
bo-nav-customers = Customers
bo-customers-title = Customers
bo-customers-search = Find a customer
bo-search = Search
bo-customers-search-hint = Part of a company name or e-mail address, an order reference, a serial number, or the first characters of an activation key.
bo-customers-none = No customer matches “{ $query }”.
bo-customers-capped = Only the first 50 customers found are shown: make the search more precise.
bo-customer-place = City, country
bo-customer-licenses = Licenses
bo-customer-since = Since
bo-customer-language = Language of mail
bo-customer-key = Activation key
bo-customer-resend-key = Mail the key again
bo-customer-key-sent = The activation key is queued for { $email }.
bo-customer-no-licenses = This customer has no licenses yet.
bo-customer-no-orders = This customer has placed no orders.
bo-customer-people = Contacts and accounts
bo-customer-person = Name
bo-customer-role = Role
bo-customer-contact = purchase contact
bo-customer-account = account with a password
bo-customer-invited = invited, no password yet
bo-serial = Serial number
bo-state = State
bo-order-items = Items
bo-order-status-awaiting-payment = awaiting payment
bo-order-status-paid = paid
bo-order-status-cancelled = cancelled
bo-order-status-refunded = refunded
bo-recent-events = Recent events
bo-no-events = Nothing recorded yet.
bo-event-at = When
bo-event-kind = Event
bo-event-actor = By
bo-event-subject = About
bo-event-change = Change
# Refusals the back office shows after "Not done:"; the English is also the API's and the shell's message.
bo-refusal-amount-mismatch = The payment of { $got } does not match the total of order { $reference }, { $expected }. Record the whole amount once all of it has arrived.
bo-refusal-paid-already = Order { $reference } was paid by another payment.
bo-refusal-paid-already-on = Order { $reference } was paid on { $day } by another payment.
bo-refusal-order-not-payable = Order { $reference } is { $status ->
        [cancelled] cancelled
        [refunded] refunded
       *[other] { $status }
    } and cannot be paid.
bo-refusal-payment-in-future = The payment date { $day } is in the future.
bo-refusal-payment-before-order = The payment date { $day } is before order { $reference } was placed ({ $placed }).
bo-refusal-payment-reference-taken = That bank reference or idempotency key was recorded for the payment of order { $paid }, not { $reference }.
bo-refusal-payment-reference-racing = That bank reference or idempotency key was recorded for another payment at the same moment.
bo-refusal-cancel-paid = Order { $reference } is paid: refund it instead of cancelling it.
bo-refusal-cancel-status = Order { $reference } is { $status ->
        [cancelled] cancelled
        [refunded] refunded
       *[other] { $status }
    }: only an order awaiting payment is cancelled.
bo-refusal-refund-unpaid = Order { $reference } is not paid: cancel it instead of refunding it.
bo-refusal-refund-status = Order { $reference } is { $status ->
        [cancelled] cancelled
        [refunded] refunded
       *[other] { $status }
    }: only a paid order is refunded.
bo-refusal-reason-needed = say why order { $reference } is undone: the reason is kept and shown
bo-refusal-term-perpetual = license { $serial } is perpetual: its term has no end to extend
bo-refusal-term-not-later = license { $serial } ends on { $day }: the new end must be a later day
bo-refusal-users-range = { $count } users: a license counts 1 to { $most }
bo-refusal-computers-range = { $count } computers: a license counts 1 to { $most }
bo-refusal-seats-held = { $count ->
        [one] { $count } computer holds a seat
       *[other] { $count } computers hold seats
    } of license { $serial }: free some before allowing only { $most }
bo-refusal-users-not-number = '{ $text }' users: a whole number, please
bo-refusal-computers-not-number = '{ $text }' computers: a whole number, please
bo-refusal-not-a-day = '{ $text }' is not a day like { $example }
bo-refusal-field-too-long = The field `{ $field }` is longer than { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
bo-refusal-field-control = The field `{ $field }` contains a control character (U+{ $code }) at character { $position }.
bo-refusal-news-empty = { $field ->
        [title] title
        [body] body
       *[other] { $field }
    }: empty, and news needs a title and a text
bo-refusal-news-too-long = { $field ->
        [title] title
        [body] body
       *[other] { $field }
    }: { $count ->
        [one] { $count } character
       *[other] { $count } characters
    }, at most { $most }
bo-refusal-not-a-sku = sku: '{ $text }' is not a SKU (capitals, digits and dashes, no spaces)
bo-refusal-not-a-product-id = id: '{ $text }' is not a product id (lower-case letters, digits and dashes)
bo-refusal-not-a-match-policy = match policy: '{ $text }' is not a match policy (exact, fuzzy or loose)
bo-refusal-out-of-range = { $field }: { $value } is not within { $least } to { $most }
bo-refusal-name-needed = { $field }: a name is needed
bo-refusal-too-many-features = features: at most { $most }
bo-refusal-product-exists = id: product { $id } exists already
bo-refusal-edition-exists = sku: edition { $edition } or SKU { $sku } exists already
bo-refusal-no-product = product: no product { $product }
bo-refusal-price-range = price: { $price } is not within 0 to { $most }
bo-refusal-not-a-term = term months: not a term
bo-refusal-no-edition-sku = edition: no edition has SKU { $sku }
bo-refusal-no-edition = edition: { $product } has no edition { $edition }
bo-refusal-plan-exists = sku: a plan has SKU { $sku } already
bo-refusal-plan-on-sale-already = plan { $sku } is on sale already
bo-refusal-plan-retired-already = plan { $sku } is retired already
bo-refusal-order-no-lines = an order needs at least one line
bo-refusal-order-quantity = { $users } users of { $sku } is not a quantity the portal takes (1 to 1,000,000)
bo-refusal-no-customer = no customer has id { $id }
bo-refusal-no-plan = no plan has SKU { $sku }
bo-refusal-plan-not-sold = plan { $sku } is no longer sold
bo-refusal-contract-price-negative = monthly price: cannot be negative
bo-refusal-contract-currency = currency: '{ $currency }' is not a currency code like EUR
bo-refusal-contract-year = year: { $year } is not a contract year
bo-refusal-contract-status-already = status: the contract is { $status } already
bo-refusal-contract-changed = status: the contract was changed meanwhile; try again
bo-refusal-subscription-quantity = quantity: 1 to { $most } users, not { $quantity }
bo-refusal-card-none = This subscription is paid by card and no card is on file: add one in Payment methods first.
bo-refusal-card-declined = the card ending { $last4 } was declined for { $amount } ({ $reason }). Nothing was changed: add another card in Payment methods, or try again later.
bo-refusal-provider-unavailable = the payment provider did not answer in time about { $amount }. Nothing was changed; if you try again, you are charged at most once.
bo-refusal-provider-down = the payment provider did not answer in time. Nothing was changed; please try again in a few minutes.
bo-refusal-provider-refused = the payment provider refused the request ({ $reason }).
bo-refusal-card-last = The card ending { $last4 } is the only card of a subscription paid by card: add another card before removing it.
bo-refusal-company-empty = The company name is empty: invoices must name who they are made out to.
bo-refusal-vat-id = “{ $typed }” is not a VAT id: 4 to 20 letters and digits, such as BG123456789.
bo-refusal-cards-not-taken = This store takes no cards: choose bank transfer.
bo-refusal-seats-bound = More users are bound to this subscription's seats than the { $users } this change leaves: unbind some in Company administration first.
bo-refused = Not done: { $detail }
bo-license-reason = Reason given to the customer
bo-license-reason-hint = The customer reads it in the License Manager after the next refresh, and in a mail.
bo-license-status-title = Suspend, reinstate, revoke
bo-license-suspend = Suspend
bo-license-revoke = Revoke
bo-license-reinstate = Reinstate
bo-license-terms-title = Term, users and computers
bo-license-ends-on = New end of term
bo-license-extend = Extend the term
bo-license-max-machines = Computers allowed
bo-license-change-limits = Change users and computers
bo-license-free-one = Free the seat
bo-license-free-one-label = Free the seat of { $hostname }
bo-license-free-all = Free every seat
bo-license-free-hint = Each computer activates again when it next connects, or another takes its seat.
bo-license-done-suspended = The license is suspended. The customer's computers hear it at their next refresh.
bo-license-done-reinstated = The license is active again.
bo-license-done-revoked = The license is revoked. The customer's computers hear it at their next refresh.
bo-license-done-term = The term is extended.
bo-license-done-limits = Users and computers are changed.
bo-license-done-freed = Every seat is free.
bo-license-done-machine = The computer's seat is free.
bo-customer-new-order = Place an order
bo-order-title = Order { $order }
bo-order-done-placed = The order is placed and waits for its payment; the customer's confirmation mail is on its way.
bo-order-done-cancelled = The order is cancelled: it can no longer be paid.
bo-order-done-refunded = The order is refunded and its licenses revoked; the customer is told why.
bo-order-actions = Payment, cancellation, refund
bo-order-cancel-reason = Why it is cancelled (kept in the event log)
bo-order-refund-reason = Why it is refunded (the customer reads it)
bo-order-refund-hint = Refunding revokes every license of the order: the customer's computers hear it at their next refresh, with this reason.
bo-order-cancel = Cancel the order
bo-order-refund = Refund the order
bo-order-new-title = New order
bo-order-new-for = New order for { $company }
bo-order-no-plans = No plan is on sale: add one to the catalog first.
bo-order-new-hint = The order is paid by bank transfer: it waits for its payment, and the licenses start on the day it is recorded.
bo-order-new-empty = Type the number of users of at least one plan.
bo-order-place = Place the order
bo-plan-term = Term
bo-plan-price = Price per user
bo-plan-months = { $months ->
    [1] 1 month
   *[other] { $months } months
}
mail-ending-subject = Your license { $serial } ends on { $date }
mail-ending-body = Your license { $serial } ({ $product } { $edition }, { $users } users) ends on { $date }, { $days ->
    [one] tomorrow
   *[other] in { $days } days
}.
mail-ending-renew = It is not renewed automatically: to keep using { $product } after that day, order a new term. The new licenses start on the day their payment is recorded.
mail-ending-link = Your licenses and their terms: { $link }
mail-ended-subject = Your license { $serial } has ended
mail-ended-body = Your license { $serial } ({ $product } { $edition }) ended on { $date }. The software stops accepting it once its offline grace has passed.
mail-ended-renew = Access is not renewed automatically: to go on using { $product }, order a new term. The new licenses start on the day their payment is recorded.
invoice-title = Invoice { $number }
invoice-credit-note-title = Credit note { $number }
invoice-documents = Invoice and credit notes
invoice-back = Order { $order }
invoice-print-hint = To keep a copy, print the page or save it as PDF from your browser's Print menu.
invoice-issued = Issued on
invoice-corrects = Cancels invoice
invoice-billed-to = Billed to
invoice-unit-price = Price per user
invoice-reason = Reason:
invoice-payment = Payment
invoice-transfer-to = Please transfer the total to { $bank }, quoting the reference { $order }.
invoice-transfer = Please transfer the total to the vendor's account, quoting the reference { $order }.
invoice-terms-start = The licenses start on the day the payment is recorded.
bo-title = Back office
bo-nav-dashboard = Dashboard
bo-nav-orders = Orders
bo-role-admin = administrator
bo-role-support = support
bo-2fa-nav = Two-factor sign-in
bo-2fa-title = Two-factor sign-in
bo-2fa-intro = With it on, signing in to the back office asks, after your password, for the six-digit code an authenticator app on your phone shows (for example Aegis, FreeOTP, Google Authenticator). Lost your phone? An operator turns it off from the shell: tessera-portal admin staff-reset-2fa.
bo-2fa-is-on = Two-factor sign-in is on.
bo-2fa-is-off = Two-factor sign-in is off: your password alone signs you in.
bo-2fa-turn-on = Turn on
bo-2fa-turn-off = Turn off
bo-2fa-new-secret = Start again with a new key
bo-2fa-add-to-app = Add this key to your authenticator app (type the key, or paste the address), then type the code the app shows to confirm. Two-factor sign-in is on only once a code is confirmed.
bo-2fa-secret = Key
bo-2fa-uri = Address for the app
bo-2fa-code = Six-digit code
bo-2fa-confirm = Confirm and turn on
bo-2fa-turned-on = Two-factor sign-in is now on.
bo-2fa-turned-off = Two-factor sign-in is now off.
bo-2fa-code-wrong = This code is not right, or it was used already. Type the code your app shows now.
bo-2fa-sign-in-title = Your sign-in code
bo-2fa-sign-in-intro = Type the six-digit code your authenticator app shows for Tessera.
bo-2fa-sign-in-expired = This sign-in has expired or was not started in this browser. Sign in again with your password.
bo-2fa-start-again = Start again
bo-events-kind-staff-two-factor-on = Two-factor sign-in turned on
bo-events-kind-staff-two-factor-off = Two-factor sign-in turned off
bo-events-kind-subscription-started = Subscription started
bo-events-kind-subscription-changed = Subscription changed
bo-sign-in-title = Back office sign-in
bo-news-nav = News
bo-news-title = News
bo-news-intro = The news on the customers' News page, newest first. Published news shows at once; withdrawn news no longer shows.
bo-news-published = Published
bo-news-empty = No news is published.
bo-news-news-title = Title
bo-news-text-start = Text
bo-news-withdraw = Withdraw
bo-news-publish-title = Publish a news item
bo-news-body = Text
bo-news-body-hint = Plain text, up to 10,000 characters; a blank line starts a new paragraph.
bo-news-publish = Publish
bo-news-done-published = The news item is published.
bo-news-done-withdrawn = The news item is withdrawn.
bo-contracts-title = Contracts
bo-contracts-empty = No contracts yet.
bo-contracts-new-status = New status
bo-contracts-change-status = Change
bo-contracts-add = Add a contract
bo-contracts-year-hint = Empty: the year it was concluded.
bo-contracts-price-hint = In the currency's units, e.g. 49.90.
bo-contracts-currency = Currency
bo-contracts-done-added = The contract is added.
bo-contracts-done-status = The contract's status is changed.
bo-events-kind-news-published = News published
bo-events-kind-news-withdrawn = News withdrawn
bo-events-kind-contract-added = Contract added
bo-events-kind-contract-status-changed = Contract status changed
bo-sign-in-intro = For the vendor's staff. Customers sign in on the customer portal.
bo-password-set = Your password is set. Sign in with it.
bo-catalog-nav = Catalog
bo-catalog-title = Catalog
bo-catalog-intro = Products, their editions and the plans that sell them. Nothing is deleted: a plan no longer sold is retired, and what was sold stays as it was.
bo-catalog-empty = No product yet.
bo-catalog-product-id = Product id
bo-catalog-product-id-hint = Lower-case letters, digits and dashes, e.g. acme-ledger. It never changes: licenses and computers carry it.
bo-catalog-name = Name
bo-catalog-match-policy = Computer matching
bo-catalog-policy-exact = exact (every component)
bo-catalog-policy-fuzzy = fuzzy (most components)
bo-catalog-policy-loose = loose (a few components)
bo-catalog-refresh-days = Refresh every (days)
bo-catalog-grace-days = Offline grace (days)
bo-catalog-edit-product = Change the product
bo-catalog-edit-product-hint = The id and the computer matching stay as they are: licenses and computers carry them.
bo-catalog-save = Save
bo-catalog-editions = Editions
bo-catalog-edition = Edition
bo-catalog-no-editions = No edition yet.
bo-catalog-features = Features
bo-catalog-features-hint = Separated by commas, e.g. ledger, multi-currency. Licenses issued from now on carry them.
bo-catalog-edit-features = Change the features
bo-catalog-plans = Plans
bo-catalog-no-plans = No plan yet.
bo-catalog-machines-per-user = Computers per user
bo-catalog-support-years = Support (years)
bo-catalog-trial-days = Trial (days)
bo-catalog-status = Sale
bo-catalog-on-sale = on sale
bo-catalog-retired = retired
bo-catalog-add-product = Add a product
bo-catalog-add-edition = Add an edition
bo-catalog-add-plan = Add a plan
bo-catalog-sku-hint = Capital letters, digits and dashes, e.g. LED-STD-1Y.
bo-catalog-plan-name-hint = What the order line reads; the product, edition and term when left empty.
bo-catalog-months = Term (months)
bo-catalog-months-hint = 1 to 120; empty for a perpetual license.
bo-catalog-price-hint = Per user for the whole term, e.g. 299.00.
bo-catalog-currency = Currency
bo-catalog-plan-title = Plan { $sku }
bo-catalog-edit-plan = Change the plan
bo-catalog-edit-plan-hint = The new price is for orders placed from now on: orders already placed keep the price they were sold at. Computers and support apply to every license issued from now on, those of orders awaiting payment included.
bo-catalog-retire = Retire the plan
bo-catalog-retire-hint = A retired plan is no longer sold: no new order takes it. Licenses and orders already sold stay as they are.
bo-catalog-put-on-sale = Put back on sale
bo-catalog-done-product-added = The product is added.
bo-catalog-done-product-changed = The product is changed.
bo-catalog-done-edition-added = The edition is added.
bo-catalog-done-features = The features are changed.
bo-catalog-done-plan-added = The plan is added and on sale.
bo-catalog-done-plan-changed = The plan is changed: the next orders follow it.
bo-catalog-done-retired = The plan is retired: no new order takes it.
bo-catalog-done-on-sale = The plan is on sale again.
bo-figure-active = licenses in force
bo-figure-activations = activations today
bo-figure-awaiting = orders awaiting payment
bo-figure-ending = terms ending within 90 days
bo-figure-mails = mails failing
bo-orders-title = Orders awaiting payment
bo-orders-empty = No order is waiting for its payment.
bo-customer = Customer
bo-record-payment = Record the payment
bo-amount = Amount
bo-paid-on = Received on
bo-bank-reference = Bank reference
bo-record = Record
bo-payment-recorded = The payment of order { $order } is recorded; licenses issued: { $licenses }. The customer's mail is on its way.
bo-events-nav = Event log
bo-events-title = Event log
bo-events-filter = Filter the log
bo-events-customer = Customer (e-mail or id)
bo-events-serial = License serial
bo-events-actor = Actor
bo-events-kind = Kind
bo-events-any-kind = Any kind
bo-events-from = From
bo-events-to = To
bo-events-apply = Filter
bo-events-clear = Clear
bo-events-csv = Export as CSV
bo-events-empty = No event matches this filter.
bo-events-when = When
bo-events-subject = Subject
bo-events-change = Change
bo-events-bad-customer = No customer has the e-mail or id “{ $customer }”.
bo-events-bad-serial = No license has the serial “{ $serial }”.
bo-events-bad-kind = “{ $kind }” is not a kind of event.
bo-events-bad-from = The first day “{ $day }” is not a day like 2026-03-01.
bo-events-bad-to = The last day “{ $day }” is not a day like 2026-03-01.
bo-events-bad-range = The first day is after the last day.
bo-events-kind-order-placed = Order placed
bo-events-kind-payment-recorded = Payment recorded
bo-events-kind-license-issued = License issued
bo-events-kind-license-status-changed = License status changed
bo-events-kind-customer-added = Customer added
bo-events-kind-api-token-created = API token created
bo-events-kind-api-token-revoked = API token revoked
bo-events-kind-order-cancelled = Order cancelled
bo-events-kind-order-refunded = Order refunded
bo-events-kind-staff-created = Staff account created
bo-events-kind-machine-activated = Computer activated
bo-events-kind-license-refreshed = License refreshed
bo-events-kind-machine-deactivated = Computer deactivated
bo-events-kind-mail-resent = Mail sent again
bo-events-kind-license-term-extended = License term extended
bo-events-kind-license-limits-changed = License limits changed
bo-events-kind-key-resent = Activation key mailed again
bo-events-kind-password-changed = Password changed
bo-events-kind-product-added = Product added
bo-events-kind-product-changed = Product changed
bo-events-kind-edition-added = Edition added
bo-events-kind-edition-changed = Edition changed
bo-events-kind-plan-added = Plan added
bo-events-kind-plan-changed = Plan changed
bo-events-kind-plan-retired = Plan retired
bo-events-kind-plan-on-sale = Plan back on sale
bo-mail-nav = Mail
bo-mail-title = Mail outbox
bo-mail-filter = Mails by status
bo-mail-filter-all = All ({ $count })
bo-mail-status-queued = queued
bo-mail-status-sent = sent
bo-mail-status-failed = failed
bo-mail-newest = The newest { $count } mails are listed, without their text.
bo-mail-empty = No mail in this status.
bo-mail-queued-at = Queued
bo-mail-mail = Mail
bo-mail-status = Status
bo-mail-last-error = Last error
bo-mail-resend = Resend
bo-mail-attempts =
    { $count ->
        [one] { $count } attempt
       *[other] { $count } attempts
    }
bo-mail-next-attempt = next attempt { $at }
bo-mail-resent = The mail is queued again; it goes out within seconds.
bo-mail-not-failed = Mail { $id } is { $status }: only a failed mail can be sent again.
bo-mail-bad-status = “{ $status }” is not a mail status: choose queued, sent, failed or all.

## Subscription management (seed 001)
web-nav-subscriptions = Subscriptions
web-subs-title = Subscription management
web-subs-none = You have no subscriptions. Your vendor's shop starts them; a trial shows here too.
web-subs-status =
    { $status ->
        [trialing] Trial
        [active] Active
        [past_due] Payment overdue
        [suspended] Suspended
        [cancelling] Cancelled
        [ended] Ended
       *[other] { $status }
    }
web-subs-plan = Plan
web-subs-users = Users
web-subs-billing = Billing
web-subs-interval =
    { $interval ->
        [month] Monthly
        [year] Annual
       *[other] { $interval }
    }
web-subs-period = Current period
web-subs-next-charge = Next charge
web-subs-trial-ends = The trial ends on { $date }
web-subs-renews = { $amount } on { $date }
web-subs-ends = Ends on { $date } (cancelled)
web-subs-options = Options
web-subs-update-services = Update services
web-subs-change-plan = Change plan
web-subs-cancel = Cancel subscription
web-subs-resume = Resume
web-subs-order-to-pay = Order { $reference } awaits your payment.
web-subs-done-users = The number of users is updated.
web-subs-done-plan = The plan is changed.
web-subs-done-cancel = The subscription is cancelled: it ends at the end of the current period. You can resume it until then.
web-subs-done-resume = The subscription is resumed: it renews as before.
web-subs-users-invalid = Type the number of users as digits, for example 5.
web-subs-users-count =
    { $count ->
        [one] { $count } user
       *[other] { $count } users
    }
web-subs-users-label = Number of users
web-subs-users-hint = More users are charged now for the rest of the period; fewer take effect at its end.
web-subs-see-price = See the price
web-subs-plans = Plans
web-subs-price-month = { $price } per user a month
web-subs-price-year = { $price } per user a year
web-subs-quote = What it costs
web-subs-due-today = Due today: { $amount }
web-subs-prorated = for { $days } of this period's { $period } days
web-subs-credit-used = Your credit of { $amount } is used for it.
web-subs-credit-kept = Credit kept for your next invoices: { $amount }
web-subs-takes-effect = It takes effect on { $date }; until then you keep what you have.
web-subs-then = From { $date }: { $plan }, users: { $users }, { $amount } { $per }.
web-subs-per-month = a month
web-subs-per-year = a year
web-subs-buy = Buy now
web-subs-buy-start = When does the first paid period start?
web-subs-buy-start-trial-end = When the trial ends, on { $date }: you keep the trial days
web-subs-buy-start-now = Today
web-subs-buy-due = Due: { $amount } for { $start } – { $end }, then { $amount } { $per }.
web-subs-buy-confirm = Buy
web-subs-buy-billing = Billing data
web-subs-buy-company = Company
web-subs-buy-address = Address
web-subs-buy-city = City
web-subs-buy-country = Country
web-subs-buy-payment = Payment method
web-subs-buy-no-card = Card — no card on file yet.
web-subs-buy-transfer = Bank transfer (the invoice is mailed to you)
web-subs-done-buy = Thank you: the subscription is bought.
web-subs-compare = Compare plans
web-subs-feature = Feature
web-subs-included = included
web-subs-not-included = not included
web-subs-price = Price
web-subs-confirm = Confirm
web-subs-cancel-button = Cancel the subscription
web-subs-cancel-confirm = Your access ends on { $date }. Until then everything keeps working, and you can resume the subscription.

## Payment methods (seed 001) and the demo's test-mode cards
web-nav-cards = Payment methods
web-test-mode = Test mode: cards are not charged. Use 4242 4242 4242 4242 with any future expiry; 4000 0000 0000 0002 is always declined.
web-cards-title = Payment methods
web-cards-intro = The cards your subscriptions are paid with. The default card pays renewals and changes. Only a card's brand, last four digits and expiry are kept here, never its number.
web-cards-transfer-only = This store is paid by bank transfer: each invoice names the account to pay and the reference to quote.
web-cards-empty = No card yet.
web-cards-card = Card
web-cards-expires = Expires
web-cards-default = Default
web-cards-make-default = Make default
web-cards-remove = Remove
web-cards-add = Add a card
web-cards-added = The card ending { $last4 } was added.
web-cards-not-added = The card page was left before it was finished: no card was added.
web-cards-defaulted = Your default card was changed: it pays the next renewals and changes.
web-cards-removed = The card was removed.
web-cards-ending = { $brand } ending { $last4 }
web-testcard-title = Add a card (test mode)
web-testcard-intro = This page stands in for the payment provider's own: nothing is charged and the number is not kept.
web-testcard-number = Card number
web-testcard-expiry = Expiry (month / year)
web-testcard-month = Month
web-testcard-year = Year
web-testcard-save = Save the card
web-testcard-cancel = Cancel

## Subscription mails (seed 001) and Contact the store
mail-sub-link = Your subscriptions: { $link }
mail-sub-charged = Amount: { $amount } (order { $order }).
mail-sub-nothing-due = Nothing is due: your credit covers it.
mail-sub-next-charge = Next charge: { $date }.
mail-sub-trial-subject = Your trial of { $product } has started
mail-sub-trial-body = Your trial of { $product } ({ $plan }, users: { $users }) runs until { $date }. Nothing is charged during the trial.
mail-sub-trial-buy = To keep using it after the trial, choose Buy now on your subscriptions page.
mail-sub-bought-subject = Thank you: your subscription to { $product } is bought
mail-sub-bought-body = { $plan }, users: { $users }. Your first paid period runs from { $start } to { $end }: { $amount }, order { $order }.
mail-sub-users-added-subject = Users added to your subscription to { $product }
mail-sub-users-added-body = Your subscription to { $product } ({ $plan }) now has { $new } users.
mail-sub-users-reduced-subject = Your subscription to { $product } has fewer users from { $date }
mail-sub-users-reduced-body = From { $date }, your subscription to { $product } ({ $plan }) has { $new } users; until then you keep your { $current } users.
mail-sub-plan-subject = Your subscription to { $product } is now { $plan }
mail-sub-plan-body = Your subscription to { $product } is now on the plan { $plan }, users: { $current }.
mail-sub-downgrade-subject = Your subscription to { $product } changes to { $plan } on { $date }
mail-sub-downgrade-body = Your subscription to { $product } changes to the plan { $plan } on { $date }; until then you keep { $currentplan }.
mail-sub-cancelled-subject = Your subscription to { $product } is cancelled
mail-sub-cancelled-body = Your subscription to { $product } ({ $plan }) is cancelled: your access ends on { $date }. Until then everything keeps working, and you can resume the subscription from your subscriptions page.
mail-sub-resumed-subject = Your subscription to { $product } is resumed
mail-sub-resumed-body = Your subscription to { $product } ({ $plan }) is resumed: it renews as before.
mail-sub-renewed-subject = Your subscription to { $product } is renewed
mail-sub-renewed-body = Your subscription to { $product } is renewed for the period from { $start } to { $end }: { $plan }, users: { $users }.
mail-sub-ended-subject = Your subscription to { $product } has ended
mail-sub-ended-body = Your subscription to { $product } ({ $plan }) ended on { $date }: it is not renewed and nothing more is charged.
mail-sub-declined-subject = Your card was declined for order { $order }
mail-sub-declined-body = We could not charge { $amount } to your card for order { $order } (your subscription to { $product }).
mail-sub-declined-retry = We will try the card again on { $date }.
mail-sub-declined-last = That was the last attempt: unless the order is paid, the subscription is suspended.
mail-sub-declined-cards = To pay with another card, add it in Payment methods and make it the default: { $link }
mail-contact-subject = { $subject } — { $company }
mail-contact-no-subject = About subscription { $id }
mail-contact-intro = { $company } ({ $email }) wrote about their subscription { $id }:
mail-contact-subscription = Subscription: { $id } ({ $product })
mail-contact-plan = Plan: { $plan }
mail-contact-users = Users: { $users }
mail-contact-status = Status: { $status }
mail-contact-period = Period: { $period }
mail-contact-customer = Customer: { $company }, { $email } (account { $account })
mail-contact-trial = trial until { $date }
mail-contact-reply = Reply to this message to answer { $email }.
web-contact-title = Contact the store
web-contact-intro = Write to the store about this subscription: its details go with your message, and the answer comes to your e-mail address.
web-contact-subject = Subject
web-contact-message = Message
web-contact-send = Send
web-contact-sent = Your message was sent to the store.
bo-refusal-contact-empty = Write a message before sending it: the message is empty.

## Back office: subscriptions, Cancel now, the quote tool
bo-subs-nav = Subscriptions
bo-subs-title = Subscriptions
bo-subs-one = Subscription
bo-subs-filter = Filter subscriptions
bo-subs-any-status = Any status
bo-subs-empty = No subscriptions.
bo-subs-bad-status = “{ $status }” is not a subscription status: choose one from the list.
bo-subs-days-past-due =
    { $days ->
        [one] { $days } day past due
       *[other] { $days } days past due
    }
bo-subs-next-attempt = next card attempt on { $date }
bo-subs-suspends-on = suspended on { $date }
bo-subs-done-ended = The subscription is ended, and its license with it.
bo-subs-order-placed = Order { $reference } charges it.
bo-subs-license = License
bo-subs-dunning = Payment overdue
bo-subs-on-behalf = On the customer's behalf
bo-subs-cancel-now = Cancel now
bo-subs-history = Changes
bo-subs-no-changes = No changes yet.
bo-subs-change = Change
bo-subs-orders = Orders and invoices
bo-subs-card-charges = Card charges
bo-subs-refund-by =
    { $method ->
        [card] given back to the card
       *[other] to send by bank transfer
    }
bo-subs-end-what = What ending it today does
bo-subs-end-today = The subscription and its license end today, { $date }; an order of the period still awaiting payment is cancelled.
bo-subs-end-paid = Paid for the current period: { $amount }
bo-subs-end-refund = Unused part to give back: { $amount }
bo-subs-end-give-back = Give back { $amount }
bo-subs-end-refund-admin = Only the admin role may give money back.
bo-subs-end-reason = Reason (kept in the event log)
bo-subs-all-of-customer = See them in the subscriptions list
bo-refusal-subscription-ended = subscription { $id } has ended already.
bo-quote-title = Quote tool
bo-quote-intro = The computation of “tessera-portal billing quote”: a subscription as its period starts, the changes made in it, and what they charge.
bo-quote-changes = Changes in the period
bo-quote-kind =
    { $kind ->
        [quantity] Users
        [plan] Plan
        [interval] Interval and plan
        [cancel] Cancel
        [resume] Resume
       *[other] —
    }
bo-quote-submit = Quote
bo-quote-refused = Not quoted: { $detail }
bo-quote-days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
bo-quote-effective = Takes effect
bo-quote-due-now = Due now
bo-quote-credit = Credit kept
bo-quote-per =
    { $interval ->
        [year] a year
       *[other] a month
    }
bo-quote-next = From { $date }: { $plan }, users: { $users }, { $total } { $per }.
bo-quote-no-next = It ends at the period's end.
bo-subs-method =
    { $method ->
        [card] Card
       *[other] Bank transfer
    }

# Partner and reseller pools (#13 Part B)
error-insufficient-licenses = Your pool holds fewer license-years than this needs (users × years); nothing was done. Ask your partner or the vendor for more licenses, or choose fewer users or years.

## Company administration and seats (seed 004, issue #13 Part A)
bo-events-kind-seat-bound = Seat bound
bo-events-kind-seat-unbound = Seat unbound
mail-seat-bound-subject = You now have access to { $product }
mail-seat-bound-body = { $company } gave you a license of { $product } ({ $edition }): you now have access to it until { $ends }.
mail-seat-unbound-subject = Your access to { $product } ended
mail-seat-unbound-body = { $company } took back your license of { $product } ({ $edition }): your access to it ended.
web-seats-no-end = no end date
web-seats-no-user = No user is registered with this e-mail in your company. Invite them first.
web-seats-taken = This license was bound to someone else meanwhile. Choose another free license.
web-seats-has-one = This user already has a license of this term.
web-seats-ended = This license's term has ended: it can no longer be bound.
web-seats-not-bound = This license is not bound to anyone.
web-seats-bad-email = This is not an e-mail address.
web-seats-has-account = This address already has an account.
web-seats-admins-only = Only the company's administrators manage its licenses.
web-nav-company = Company administration
web-company-title = Company administration
web-company-users = Users of the company
web-company-user-email = E-mail
web-company-user-role = Role
web-company-user-registered = Registered
web-company-role-name =
    { $role ->
        [admin] Administrator
       *[user] User
    }
web-company-yes = Yes
web-company-no = Invitation sent
web-company-invite = Invite
web-company-invite-email = E-mail of the user to invite
web-company-invited = Invitation sent to { $email }.
web-company-subscriptions-link = Subscription management
web-seats-title = Subscription management
web-seats-intro = Each row is one user license. Users must be registered with the e-mail you type. A new term is new licenses: bind them again.
web-seats-empty = No licenses match.
web-seat-product = Product
web-seat-edition = Edition
web-seat-order = Order
web-seat-start = Start
web-seat-end = End
web-seat-status = Status
web-seat-user = Bound to user with e-mail
web-seat-status-name =
    { $status ->
        [free] Free
        [bound] Bound
        [not_started] Not started
       *[expired] Expired
    }
web-seats-filter-product = Product type
web-seats-filter-status = Status
web-seats-all = All
web-seats-search = Search
web-seats-apply = Filter
web-seats-email = User's e-mail
web-seats-bind = Bind
web-seats-unbind = Unbind
web-seats-bound-done = The license was bound to { $email }.
web-seats-unbound-done = The license was unbound: it is free for someone else.
web-seats-carry = Bind the same users as last term
web-seats-carry-binds = It will bind: { $emails }
web-seats-carry-skips = It skips (no longer in the company or no free license): { $emails }
web-seats-carry-none = Nobody of last term can be bound again.
web-seats-carry-done = { $count ->
        [one] One user was bound again.
       *[other] { $count } users were bound again.
    }

## Company administration: the trail Cabinet › Company administration › Subscription management
web-cabinet = Cabinet
web-breadcrumb = You are here

## Partner API: renewal reminders of clients' terms (#13 Part B)
mail-client-ending-subject = The { $product } term of your client { $client } ends on { $date }
mail-client-ending-body = The term of your client { $client } ({ $product }, { $users } users) ends on { $date }, { $days ->
    [one] tomorrow
   *[other] in { $days } days
}. It has not been renewed yet.
mail-client-ending-renew = It is not renewed automatically: renew it from your pool of license-years in the partner console, or through the Partner API (POST /api/v1/partner/clients/{ $client_id }/renewals).
mail-client-ending-company-subject = Your { $product } licenses end on { $date }
mail-client-ending-company-body = Your company's { $product } licenses ({ $users } users) end on { $date }, { $days ->
    [one] tomorrow
   *[other] in { $days } days
}.
mail-client-ending-company-renew = They are not renewed automatically: to keep using { $product } after that day, ask { $seller }, who provides them, to renew them.

# Partner console /partner (#13 Part B, seed 003)
partner-title = Partner console
partner-nav-dashboard = Dashboard
partner-nav-clients = Client list
partner-nav-renewals = Clients to renew
partner-nav-pool = Licenses
partner-sign-in-title = Partner console sign-in
partner-sign-in-intro = For partners and resellers: renew your clients and follow your licenses.
partner-figure-to-renew = Number of companies to renew
partner-view = View
partner-figure-pool = License-years left: { $product }
partner-pool-empty = Your pool holds no licenses yet. Ask your partner or the vendor for some.
partner-create-client = Create client
partner-legend = Legend
partner-standing-renewed = Renewed
partner-standing-ended = Ended
partner-standing-ending = Ending soon
partner-standing-not-started = Not started
partner-standing-active = Running
partner-standing-none = No subscription
partner-legend-renewed = renewed: the end of the current subscription is still shown
partner-legend-ended = the subscription's end date has passed
partner-legend-ending = the subscription ends in less than 3 months
partner-legend-not-started = the subscription has not started yet
partner-created = Client { $name } created.
partner-export-csv = Export (CSV)
partner-clients-empty = You have no clients yet.
partner-col-client = Client name
partner-col-subscription = Subscription
partner-col-reseller = Reseller name
partner-col-start = Start date
partner-col-end = End date
partner-col-users = Users
partner-col-standing = Status
partner-col-duration = Duration (years)
partner-col-to-renew = To renew
partner-col-select = Select
partner-renewed-until = renewed until { $date }
partner-renew = Renew
partner-renewals-intro = Clients whose subscription has ended or ends within 3 months and is not renewed yet. One license is one user for one year.
partner-renewals-empty = No client needs renewing.
partner-select-client = Select { $name }
partner-bulk-renew = Renew selected
partner-renewed = { $name } renewed.
partner-bulk-renewed = Clients renewed: { $count }.
partner-bulk-none = Select at least one client, and between 1 and 100 years.
partner-bulk-title = Renew the selected clients
partner-bulk-total = Licenses needed
partner-renew-title = Renew { $name }
partner-dialog-current-end = current subscription ends on { $date }
partner-dialog-available = Licenses remaining to allocate by { $seller }
partner-dialog-years = Number of renewal years
partner-dialog-assigned = User licenses assigned to { $client }
partner-dialog-the-client = the client
partner-dialog-needed = Licenses this takes (users × years)
partner-dialog-remaining = Licenses remaining after renewal
partner-dialog-term = New subscription
partner-dialog-recalculate = Recalculate
partner-dialog-ok = OK
partner-dialog-cancel = Cancel
partner-dialog-numbers = Enter whole numbers: at least 1 user, and 1 to 100 years.
partner-dialog-name-needed = Enter the client's name.
partner-transferred = The licenses were moved to the reseller.
partner-transfer-amount = Enter a whole number of license-years, at least 1.
partner-pool-balances = Licenses left
partner-pool-balance = License-years
partner-transfer-title = Give licenses to a reseller
partner-transfer-amount-label = License-years
partner-transfer = Transfer
partner-ledger-title = Movements
partner-ledger-empty = No movement yet.
partner-ledger-date = Date
partner-ledger-kind = Movement
partner-ledger-amount = License-years
partner-ledger-grant = Granted by the vendor
partner-ledger-transfer = Transfer
partner-ledger-allocate = Allocated to a client
partner-ledger-return = Returned

## Named-user activation (issue #13): the company account's sign-in in the app and the CLI

error-user-sign-in-failed = The e-mail address or the password is not right. Use the e-mail address and password of your company account on the customer portal.
error-no-seat = No license of { $product } is bound to your company account. Ask your company administrator to bind one to you.
error-seat-not-started = Your license of { $product } starts on { $date }. Activate again from that day.
error-user-too-many-machines =
    { $machines ->
        [one] Your license is in use on { $machines } computer, the most it allows. Deactivate it there, then activate here.
       *[other] Your license is in use on { $machines } computers, the most it allows. Deactivate it on one of them, then activate here.
    }
state-revoked-unbound-message = Your company administrator has ended your access to { $product } — ask them to bind a license to you.
activate-user-title = Sign in with your company account
activate-user-hint = If your company administrator bound a license to you, sign in with the e-mail address and password of your account on the customer portal.
activate-user-email = E-mail address
activate-user-password = Password
activate-user-button = Sign in and activate
dashboard-user = Bound to user
cli-password-prompt = Password for { $email }:

## Partner console: people, forgotten password
partner-nav-people = People
partner-people-intro = Everyone who signs in to this console for { $organisation }.
partner-people-list = People with access
partner-people-since = Since
partner-people-actions = Actions
partner-people-you = you
partner-people-active = Can sign in
partner-people-invited = Invited
partner-people-disabled = Disabled
partner-people-disable = Disable
partner-people-disable-who = Disable { $email }
partner-people-invite = Invite a colleague
partner-people-invite-send = Send the invitation
partner-people-invited-notice = { $email } is invited: a message with a link to set a password is on its way.
partner-people-disabled-notice = { $email } can no longer sign in.
partner-people-bad-email = Enter a valid e-mail address.
partner-people-taken = This e-mail address already has an account in the partner console.
partner-people-yourself = You cannot disable your own account. Ask a colleague.
partner-mail-invite-subject = Your account on the Tessera partner console
partner-mail-invite-body =
    Hello,

    An account has been opened for you on the Tessera partner console, where you renew your clients and follow your licenses. Open this link within one day to choose your password:

    { $link }

    The link works once. Afterwards, sign in with your e-mail address and this password.
partner-mail-reset-subject = Set a new password for the Tessera partner console
partner-mail-reset-body =
    Hello,

    Someone, probably you, asked to set a new password for your account on the Tessera partner console. Open this link within one hour to choose it:

    { $link }

    The link works once. If you did not ask for it, ignore this message: your password stays as it is.
mail-client-ending-reseller = { $client } is a client of your reseller { $seller }, who renews it; you can renew it too.
## Client companies that are customers (#13 Part B, client company administrator)
error-not-company-admin = The account with this e-mail is a user of its company, not its administrator: name the company's administrator instead.
error-client-already-linked = This company is already linked to a partner's or reseller's client: a company is the client of one seller only. Ask the vendor if it changed sellers.
error-client-has-admin = This client is linked to its company already, with another administrator. The company's administrator invites its users on the customer portal.
bo-events-kind-client-linked = Client linked to its company
partner-col-admin = Company administrator
partner-admin-action = Name…
partner-admin-title = Company administrator of { $name }
partner-admin-intro = The administrator of the client's company on the customer portal: an existing company's administrator links the client to that company; a new address makes the company and invites its administrator. The client's licenses become the company's seats.
partner-admin-email = Administrator's e-mail
partner-admin-email-optional = Company administrator's e-mail (optional)
partner-admin-linked = { $name } is linked to its company: its licenses are the company's seats.
partner-admin-invited = { $name } is a customer company now: its administrator was sent an invitation to register.
mail-client-linked-subject = { $seller } now manages licenses for { $company }
mail-client-linked-body = { $seller } named you the administrator of { $company } for the licenses it buys for its client { $client }. Its terms appear as seats on Company administration → Subscription management of the customer portal, where you bind them to your users.
mail-client-linked-object = If { $seller } does not sell to your company, reply to this mail.
## Named users' one-time codes and messages with their details (issue #13, helper H2)

error-user-code-wrong = This code is not right. Check it against the latest e-mail from the portal, or ask for a new code.
error-user-code-expired = This code can no longer be used: a code works once, for { $minutes } minutes, and allows a few tries. Ask for a new code.
mail-user-code-subject = Your one-time code to activate on a computer
mail-user-code-intro = To activate the program with your company account ({ $email }) without your password, type this code:
mail-user-code-expiry = The code works once, for { $minutes } minutes. If you did not ask for it, ignore this e-mail: nobody can use your account without it.
activate-user-code-link = Mail me a code instead
activate-user-password-link = Use my password instead
activate-user-code-send = Mail me a code
activate-user-code-sent = If { $email } belongs to a company account, a code is on its way. It works for { $minutes } minutes.
activate-user-code = Code from the e-mail
activate-user-code-button = Activate with the code
cli-code-sent = If { $email } belongs to a company account, a code is on its way; it works for { $minutes } minutes.
cli-code-prompt = Code from the e-mail:
error-expired-on = This license expired on { $date }. Ask whoever manages your licenses to renew it.
web-seat-from-seller = from { $seller }
