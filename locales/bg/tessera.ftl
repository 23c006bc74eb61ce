### Tessera — български. Същите идентификатори и същите променливи като английския каталог (locales/en/tessera.ftl).

## Приложение и навигация

app-title = Tessera License Manager
nav-license = Лиценз
nav-activate = Активиране
nav-offline = Активиране офлайн
nav-portal = Клиентски портал
nav-settings = Настройки
nav-diagnostics = Диагностика

## Общи думи за няколко екрана

common-ok = OK
common-cancel = Отказ
app-cancelled = Отменено. Нищо не е записано на този компютър.
common-yes = Да
common-no = Не
common-never = Никога
common-copy = Копиране
common-copied = Копирано

## Екран за активиране

activate-title = Активирайте своя лиценз
activate-key-label = Ключ за активиране
activate-key-placeholder = Поставете тук своя ключ за активиране
activate-key-hint = Ключът за активиране е в имейла за потвърждение на поръчката и в клиентския портал.
activate-button = Активирайте своя лиценз
activate-offline-link = Активирайте офлайн
activate-progress = Активиране…
activate-success = Лицензът ви е активиран.
activate-replace-title = Да се замени ли лицензът на този компютър?
activate-replace-message = Този компютър вече има лиценз { $serial }. Активирането на този ключ го заменя: мястото на { $serial } първо се връща на портала, за да може да се използва на друг компютър. Без интернет първо го деактивирайте офлайн.
activate-replace-confirm = Замяна на лиценза
activate-already = Този компютър вече е активиран с този ключ (лиценз { $serial }). Нищо не е променено.

## Преглед на лиценза

dashboard-title = Вашият лиценз
dashboard-status = Състояние
dashboard-product = Продукт
dashboard-edition = Издание
dashboard-users = Потребители
dashboard-serial = Сериен номер
dashboard-computer = Компютър
dashboard-order = Номер на поръчка
dashboard-support-until = Поддръжка до
dashboard-expires = Валиден до
dashboard-subscription = Абонамент
dashboard-subscription-renews = Подновява се на { $date }
dashboard-subscription-cancelled = Приключва на { $date } (отказан)
dashboard-subscription-trial = Пробният период приключва на { $date }
dashboard-last-sync = Последна синхронизация
dashboard-fingerprint = Отпечатък
dashboard-headline = Лиценз на { $customer }: { $product }
dashboard-headline-perpetual = Лиценз на { $customer }: { $product }, безсрочен
dashboard-headline-days =
    { $days ->
        [one] Лиценз на { $customer }: { $product }, остава { $days } ден
       *[other] Лиценз на { $customer }: { $product }, остават { $days } дни
    }
dashboard-support-contact = Поддръжка
dashboard-renew-at = Подновяване на
dashboard-status-reason = Причина, посочена от доставчика

## Обновяване

refresh-button = Обновяване на лиценза
refresh-progress = Обновяване…
refresh-success = Лицензът е синхронизиран с портала за лицензи
refresh-success-state = Лицензът е синхронизиран с лицензионния портал. Състоянието му сега е: { $state }.
refresh-failed = Синхронизацията не бе успешна: { $reason }

## Активиране офлайн: с файл или с инсталационен и регистрационен ключ

offline-title = Активиране офлайн
offline-intro = Този компютър няма връзка с интернет? Активирайте го с помощта на друг компютър, който има.
offline-steps = Запазете файла със заявката и го пренесете на компютър с достъп до интернет; качете го на страницата „Активиране офлайн“ в клиентския портал; върнете обратно файла с отговора.
offline-export-button = Експортиране на заявка за активиране
offline-export-help = Запазва файл със заявка, подписан от този компютър. Той съдържа ключа ви за активиране, името и отпечатъка на този компютър и важи само за него.
offline-export-done = Файлът със заявката е запазен в { $path }.
offline-import-button = Импортиране на файл с отговор
offline-import-help = Изберете файла с отговора, изтеглен от клиентския портал. Той пасва само на заявката, експортирана от този компютър.
offline-import-done = Файлът с отговора е импортиран. Лицензът ви е активиран.
offline-installation-key-button = Показване на инсталационния ключ
offline-installation-key-label = Инсталационен ключ
offline-installation-key-help = Не можете да пренасяте файлове? Копирайте този инсталационен ключ и го въведете на страницата „Генериране на ключове“ в клиентския портал или го изпратете на доставчика си. В отговор ще получите регистрационен ключ.
offline-registration-key-button = Въвеждане на регистрационен ключ
offline-registration-key-label = Регистрационен ключ
offline-registration-key-help = Въведете или поставете регистрационния ключ, получен за инсталационния ключ на този компютър, и потвърдете.

## Деактивиране и прехвърляне на друг компютър

deactivate-title = Деактивиране или прехвърляне
deactivate-button = Деактивиране на този компютър
deactivate-confirm = Да се деактивира ли този компютър? Лицензът спира да работи тук и работното му място се освобождава, така че можете да активирате друг компютър със същия ключ за активиране.
deactivate-offline-button = Създаване на разписка за деактивиране
deactivate-offline-help = Нямате връзка с интернет? Лицензът веднага се премахва от този компютър и се запазва файл с разписка. Качете разписката в клиентския портал, за да освободите работното място.
deactivate-done = Този компютър е деактивиран.

## Клиентски портал: вход, лицензи и поддръжка

portal-title = Клиентски портал
portal-intro = Влезте с имейл адреса, който посочихте при покупката, и един от номерата на поръчките си, за да видите лицензите, поддръжката и ключа си за активиране.
portal-email = Имейл
portal-email-placeholder = Въведете имейл адреса си
portal-order = Номер на поръчка
portal-order-hint = Ще го намерите в имейла за потвърждение на поръчката. Подходящ е всеки от номерата на поръчките ви.
portal-sign-in = Вход
portal-sign-out = Изход
portal-signed-in-as = Влезли сте като { $email }
portal-activation-key = Вашият ключ за активиране е: { $key }
portal-previous = Предишна
portal-next = Следваща
portal-licenses = Лицензи
licenses-application = Приложение
licenses-serial-computer = Сериен номер / Компютър
licenses-days = Дни
licenses-users = Потребители
licenses-edition = Издание
licenses-order = Номер на поръчка
licenses-date = Дата
licenses-support = Поддръжка?
licenses-support-view = Преглед
licenses-details = Подробности
licenses-empty = Все още няма лицензи.
portal-supports = Поддръжка
supports-application = Приложение
supports-serial = Сериен номер
supports-users = Потребители
supports-edition = Издание
supports-order = Номер на поръчка
supports-date = Дата
supports-duration = Продължителност (години)
supports-empty = Все още няма договори за поддръжка.

## Настройки

settings-title = Настройки
settings-portal-url = URL адрес на портала
settings-proxy = Прокси сървър
settings-proxy-none = Без прокси
settings-proxy-system = Системните настройки за прокси
settings-proxy-manual = Ръчно зададен прокси
settings-proxy-url = URL адрес на проксито
settings-proxy-user = Потребителско име за проксито
settings-proxy-password = Парола за проксито
settings-language = Език
settings-auto-refresh = Автоматично обновяване
settings-auto-refresh-every =
    { $hours ->
        [one] На всеки час
       *[other] На всеки { $hours } часа
    }
settings-auto-refresh-every-days =
    { $days ->
        [one] Всеки ден
       *[other] На всеки { $days } дни
    }
settings-auto-refresh-off = Изключено
settings-save = Запазване
settings-saved = Запазено
settings-credential-store = Хранилище на данните за вход: { $store }
credential-store-keyring = системен ключодържател
credential-store-file = шифрован файл ({ $path })

## Диагностика

diagnostics-title = Диагностика
diagnostics-export = Експортиране на диагностика
diagnostics-description = Запазва отчет за поддръжката на доставчика ви: версия на програмата, настройки, състояние на лиценза и компоненти на отпечатъка. Не съдържа ключове за активиране и пароли.
diagnostics-saved = Диагностичният отчет е запазен в { $path }.

## Командата tessera

cli-license-state = Лиценз: { $state }
cli-activated = Активиран на този компютър.
cli-activate-replace-hint = За да го замените, изпълнете: tessera activate КЛЮЧ --replace
cli-deactivated = Деактивиран.
cli-request-written = Заявката е записана в { $path }
cli-receipt-written = Разписката за деактивиране е записана в { $path }
cli-response-imported = Отговорът е импортиран.
cli-signed-in = Влезли сте като { $email }.
cli-signed-out = Излязохте.
cli-credential-store = Хранилище на данните за вход: { $store }

## Състояния на лиценза: кратко название и какво да направите

state-not-activated = Неактивиран
state-not-activated-message = Този компютър все още няма лиценз. Въведете ключа си за активиране, за да го активирате.
state-valid = Валиден
state-valid-message = Лицензът ви е валиден.
state-valid-until-message = Лицензът ви е валиден до { $date }.
state-grace = Гратисен период
state-grace-message = Лицензът ви не е синхронизиран с портала за лицензи от известно време. Свържете се с интернет и натиснете „Обновяване“.
state-grace-until-message = Лицензът ви не е синхронизиран с портала за лицензи от известно време. Той ще работи до { $date }: свържете се с интернет и натиснете „Обновяване“.
state-expired = Изтекъл
state-expired-term-ended-message = Лицензът ви е изтекъл на { $date }. Подновете го в клиентския портал, след което натиснете „Обновяване“.
state-expired-refresh-overdue-message = Лицензът ви не е синхронизиран с портала за лицензи от { $date }. Свържете се с интернет и натиснете „Обновяване“ или го активирайте офлайн.
state-suspended = Спрян
state-suspended-message = Лицензът ви е спрян от доставчика. Свържете се с доставчика или търговеца си; когато въпросът се реши, натиснете „Обновяване“.
state-revoked = Отнет
state-revoked-message = Лицензът ви е отнет от доставчика. Свържете се с доставчика или търговеца си.
state-fingerprint-mismatch = Друг компютър
state-fingerprint-mismatch-message = Този лиценз принадлежи на друг компютър (променено тук: { $changed }). Ако сте сменили този компютър или хардуера му, деактивирайте лиценза на стария или помолете доставчика си да го прехвърли, след което го активирайте отново.
state-clock-tampered = Върнат часовник
state-clock-tampered-message = Часовникът на този компютър показва време преди { $date } — момент, който компютърът вече е отчел. Поправете датата и часа, след което се свържете с портала, за да потвърди часа: натиснете „Обновяване“.
state-time-unconfirmed = Непотвърден час
state-time-unconfirmed-message = Записът на този компютър за часа на последната проверка на лиценза липсва или е променен. Свържете се с портала, за да потвърди часа, преди лицензът да може да се използва: натиснете „Обновяване“.
state-registered = Регистриран
state-registered-until-message =
    { $seats ->
        [one] Този компютър е регистриран с регистрационен ключ за { $seats } работно място до { $date }.
       *[other] Този компютър е регистриран с регистрационен ключ за { $seats } работни места до { $date }.
    }
state-registered-message =
    { $seats ->
        [one] Този компютър е регистриран с регистрационен ключ за { $seats } работно място без крайна дата.
       *[other] Този компютър е регистриран с регистрационен ключ за { $seats } работни места без крайна дата.
    }
state-invalid = Невалиден
state-invalid-message = Лицензионният файл на този компютър не може да се използва (грешка { $code }). Активирайте отново този компютър или се свържете с поддръжката на доставчика си и съобщете кода на грешката.

## Компоненти на отпечатъка, както се срещат в изречение

component-machine-id = идентификатор на машината
component-hostname = име на компютъра
component-mac = мрежов адаптер
component-cpu = процесор
component-os = операционна система

## Грешки в ключове и файлове (tessera-core)

error-code-empty =
    { $kind ->
        [installation-key] Въведете инсталационния ключ.
        [registration-key] Въведете регистрационния ключ.
       *[activation-key] Въведете ключа за активиране.
    }
error-code-length =
    { $kind ->
        [installation-key] Инсталационният ключ
        [registration-key] Регистрационният ключ
       *[activation-key] Ключът за активиране
    } трябва да съдържа { $expected } { $expected ->
        [one] знак
       *[other] знака
    }, а съдържа { $found }. Проверете дали сте го копирали изцяло.
error-code-character =
    { $kind ->
        [installation-key] Инсталационният ключ
        [registration-key] Регистрационният ключ
       *[activation-key] Ключът за активиране
    } не може да съдържа „{ $character }“ (знак № { $position }). Ключовете съдържат цифри и латинските букви от A до Z без I, L, O и U.
error-code-checksum =
    { $kind ->
        [installation-key] Инсталационният ключ
        [registration-key] Регистрационният ключ
       *[activation-key] Ключът за активиране
    } съдържа печатна грешка. Сравнете го знак по знак с получения.
error-code-unsupported =
    { $kind ->
        [installation-key] Този инсталационен ключ
        [registration-key] Този регистрационен ключ
       *[activation-key] Този ключ за активиране
    } е създаден за по-нова версия на програмата. Обновете програмата.
error-file-not-armoured =
    { $kind ->
        [activation-request] Това не е файл със заявка за активиране на Tessera
        [activation-response] Това не е файл с отговор за активиране на Tessera
        [deactivation-receipt] Това не е разписка за деактивиране на Tessera
       *[license] Това не е лицензионен файл на Tessera
    }: не започва с реда -----BEGIN { $label }-----.
error-file-wrong-kind =
    Това е { $found_kind ->
        [activation-request] файл със заявка за активиране
        [activation-response] файл с отговор за активиране
        [deactivation-receipt] разписка за деактивиране
       *[license] лицензионен файл
    }, а не { $expected_kind ->
        [activation-request] файл със заявка за активиране
        [activation-response] файл с отговор за активиране
        [deactivation-receipt] разписка за деактивиране
       *[license] лицензионен файл
    }.
error-file-damaged =
    { $kind ->
        [activation-request] Файлът със заявка за активиране е повреден или непълен
        [activation-response] Файлът с отговор за активиране е повреден или непълен
        [deactivation-receipt] Разписката за деактивиране е повредена или непълна
       *[license] Лицензионният файл е повреден или непълен
    } ({ $detail }). Изтеглете или експортирайте ново копие.
error-file-unsupported-version =
    { $kind ->
        [activation-request] Този файл със заявка за активиране
        [activation-response] Този файл с отговор за активиране
        [deactivation-receipt] Тази разписка за деактивиране
       *[license] Този лицензионен файл
    } използва версия на формата { $version }, която програмата не познава. Обновете програмата.
error-file-unsupported-algorithm =
    { $kind ->
        [activation-request] Този файл със заявка за активиране е подписан
        [activation-response] Този файл с отговор за активиране е подписан
        [deactivation-receipt] Тази разписка за деактивиране е подписана
       *[license] Този лицензионен файл е подписан
    } с „{ $algorithm }“ — алгоритъм, който програмата не приема.
error-unknown-signing-key =
    Подписът { $what ->
        [license] на лицензионния файл
        [activation-request] на файла със заявка за активиране
        [activation-response] на файла с отговор за активиране
        [deactivation-receipt] на разписката за деактивиране
        [registration-key] на регистрационния ключ
        [portal-response] на отговора от портала
        [machine-call] на заявката от този компютър
       *[other] на файла
    } е направен с ключ, на който програмата няма доверие (идентификатор на ключа { $kid }). Уверете се, че документът идва от портала на доставчика ви, или обновете програмата.
error-bad-signature =
    Подписът { $what ->
        [license] на лицензионния файл
        [activation-request] на файла със заявка за активиране
        [activation-response] на файла с отговор за активиране
        [deactivation-receipt] на разписката за деактивиране
        [registration-key] на регистрационния ключ
        [portal-response] на отговора от портала
        [machine-call] на заявката от този компютър
       *[other] на файла
    } не съвпада: съдържанието е променено или повредено. Изтеглете или експортирайте ново копие.
error-response-mismatch = Този отговор е за друга заявка за активиране или за друг компютър. Експортирайте нов файл със заявка от този компютър и го качете в портала.
error-product-mismatch = Този лиценз е за { $found }, а не за { $expected }.
error-machine-id-unavailable = Този компютър няма идентификатор на машината, затова към него не може да се обвърже лиценз ({ $detail }). В Linux изпълнете „systemd-machine-id-setup“ като администратор.
error-invalid-signing-key = Ключът не е валиден ключ на Tessera ({ $detail }).
error-randomness-unavailable = Генераторът на случайни числа на операционната система не е достъпен ({ $detail }). Рестартирайте компютъра и опитайте отново.

## Грешки, с които отговаря порталът за лицензи

error-bad-request = Порталът не можа да приеме тази заявка ({ $detail }). Обновете програмата; ако това не помогне, свържете се с поддръжката на доставчика си.
error-unauthenticated = Влезте отново: сесията ви липсва или е изтекла.
error-sign-in-failed = Няма клиент с този имейл адрес и номер на поръчка. Проверете и двете в потвърждението на поръчката.
error-machine-signature-invalid = Тази заявка не е подписана с ключа, който този компютър регистрира при активирането си. Активирайте отново този компютър.
error-key-not-found = Този ключ за активиране не е валиден за този продукт. Проверете ключа в потвърждението на поръчката или в клиентския портал.
error-not-found = Не е намерено.
error-not-activated = Този компютър не е активиран за този лиценз. Активирайте го с ключа си за активиране.
error-suspended = Този лиценз е спрян. Свържете се с доставчика или търговеца си.
error-revoked = Този лиценз е отнет. Свържете се с доставчика или търговеца си.
error-expired = Този лиценз е изтекъл. Подновете го в клиентския портал.
error-too-many-machines =
    { $seats ->
        [one] Единственото работно място на този лиценз е заето. Деактивирайте другия компютър или купете още работни места.
       *[other] Всички работни места на този лиценз са заети ({ $seats } от { $seats }). Деактивирайте друг компютър или купете още работни места.
    }
error-replayed = Тази заявка или разписка вече е използвана. Създайте нова.
error-stale-request = Часовникът на този компютър се различава твърде много от този на портала. Поправете датата и часа и опитайте отново.
error-not-entitled = Лицензът ви не покрива това ({ $detail }). Проверете лиценза си в клиентския портал или се свържете с доставчика си.
error-not-paid = Поръчка { $order } очаква плащането си: лицензите ѝ започват, когато плащането бъде отразено. Активирайте отново, когато получите потвърждението за плащане.
error-amount-mismatch = Плащането не съответства на общата сума на поръчката ({ $detail }). Отразете цялата сума, след като пристигне изцяло.
error-already-paid = Тази поръчка вече е платена с друго плащане ({ $detail }).
error-payment-conflict = Това плащане не може да бъде отразено за тази поръчка ({ $detail }).
error-wrong-order-status = Тази промяна не се прилага към поръчката в сегашното ѝ състояние ({ $detail }).
error-changed-meanwhile = Междувременно това е променено, в друг прозорец или от някой друг; нищо не е направено. Погледнете отново и повторете промяната ({ $detail }).
error-payment-declined = Плащането не премина: { $detail }
error-provider-unavailable = Плащането не можа да бъде извършено: { $detail }
error-token-invalid = Това извикване изисква действащ API токен на доставчика. Създайте такъв с tessera-portal admin api-token create.
error-scope-missing = Този API токен няма право на това: липсва му обхватът { $scope }. Създайте токен с този обхват.
error-method-not-allowed = Порталът не приема този вид заявка на този адрес. Обновете програмата или проверете URL адреса на портала в „Настройки“.
error-payload-too-large = Заявката е твърде голяма.
error-headers-too-large = Заглавките на заявката са твърде големи за портала. Премахнете бисквитките или заглавките, добавени от прокси, и опитайте отново.
error-rate-limited =
    { $seconds ->
        [one] Твърде много опити. Изчакайте { $seconds } секунда и опитайте отново.
       *[other] Твърде много опити. Изчакайте { $seconds } секунди и опитайте отново.
    }
error-internal = Нещо се обърка в портала. Моля, опитайте отново по-късно.

## Грешки на тази програма (License Manager и командата tessera)

error-network-unreachable = Няма връзка с портала за лицензи. Проверете връзката с интернет и опитайте отново; без интернет активирайте офлайн.
error-proxy-failed = Прокси сървърът отказа или прекъсна връзката. Проверете адреса, потребителското име и паролата на проксито в „Настройки“.
error-tls-failed = Не може да се установи защитена връзка с портала за лицензи. Проверете датата и часа на компютъра; причина може да е и прокси или антивирусна програма, която проверява защитените връзки.
error-portal-timeout = Порталът за лицензи не отговори навреме. Опитайте отново след няколко минути.
error-portal-not-genuine = Отговорът не е подписан от портала за лицензи на доставчика ви и затова е отхвърлен. Проверете URL адреса на портала в „Настройки“ и се уверете, че никой прокси сървър не променя трафика.
error-not-a-portal = Този адрес не отговаря като лицензионен портал Tessera (HTTP { $status }). Проверете адреса на портала.
error-already-activated = Този компютър вече е активиран с този ключ за активиране (лиценз { $serial }). За да го синхронизирате с портала, обновете.
error-license-held = Този компютър вече има лиценз { $serial }. Замяната му първо връща мястото на този лиценз на портала.
error-unexpected-answer = Порталът за лицензи върна отговор, който програмата не разбира. Проверете URL адреса на портала в „Настройки“ или обновете програмата.
error-state-corrupt = Данните за лиценза, запазени на този компютър, са повредени. Натиснете „Обновяване“ или активирайте отново с ключа си за активиране.
error-storage-failed = Данните за лиценза не могат да бъдат запазени на този компютър. Проверете свободното място на диска и правата за достъп до папката с данни на програмата.
error-credential-store-failed = Хранилището на данните за вход не може да се използва. Отключете системния ключодържател или проверете правата за достъп до папката с данни на програмата и опитайте отново.
error-no-pending-request = На този компютър няма заявка за активиране, която чака отговор. Първо експортирайте заявка за активиране, след това импортирайте отговора към нея.
error-invalid-setting = Една от настройките не е валидна. Отворете „Настройки“ и поправете отбелязаната стойност.
error-not-signed-in = Не сте влезли в клиентския портал. Влезте с имейл адреса си и един от номерата на поръчките си.
error-file-unreadable = Файлът { $path } не може да бъде прочетен ({ $detail }).

## Екраните на License Manager: още думи на настолното приложение

app-version = Версия { $version }
app-main-navigation = Основна навигация
app-loading = Зареждане…
app-try-again = Опитай отново
app-open-failed = License Manager не може да отвори данните за лиценза на този компютър.
app-settings-set-aside = Файлът с настройки беше повреден. Той е преместен като { $path } и се използват настройките по подразбиране: проверете ги в Настройки.
app-auto-refresh-failed = Автоматичното обновяване не успя: { $reason }
app-save-file = Запиши във файл…
app-open-file = Отвори файл…
app-file-saved = Записано в { $path }
app-file-save-failed = Файлът не можа да бъде записан ({ $detail }).
app-file-open-failed = Файлът не можа да бъде прочетен ({ $detail }).
app-file-too-large = Този файл е твърде голям, за да бъде отговор за активиране. Изберете файла с отговор, изтеглен от клиентския портал.
dashboard-customer = Клиент
dashboard-perpetual = Безсрочен
dashboard-no-support = Без поддръжка
dashboard-pending-request = Заявка за активиране, експортирана от този компютър, очаква своя отговор.
dashboard-continue-offline = Импортиране на отговора
dashboard-registered = Този компютър е регистриран с регистрационен ключ.
deactivate-offline-confirm = Да се премахне ли лицензът от този компютър сега и да се създаде разписка за деактивиране? Лицензът веднага спира да работи тук.
deactivate-receipt-label = Разписка за деактивиране
deactivate-receipt-ready = Лицензът е премахнат от този компютър. Запишете или копирайте тази разписка и я качете в клиентския портал, за да освободите работното място.
offline-files-title = С файлове
offline-keys-title = С инсталационен и регистрационен ключ
offline-step-request = 1. Експортиране на заявката за активиране
offline-step-response = 2. Импортиране на отговора
offline-request-label = Заявка за активиране
offline-response-label = Отговор за активиране
offline-response-placeholder = Поставете текста на отговора тук или отворете файла с отговора.
offline-import-pasted = Импортиране на отговора
offline-pending = Заявка за активиране е експортирана от този компютър и очаква своя отговор.
offline-seats-label = Работни места
offline-registration-done = Регистрационният ключ е приет.
portal-page = Страница { $page } от { $pages }
licenses-machines = Използвани компютри
settings-portal-url-hint = Адресът на лицензионния портал на вашия доставчик.
settings-portal-url-invalid = Адресът трябва да започва с https:// или http://.
settings-proxy-url-invalid = Адресът на прокси сървъра трябва да започва с http://, https:// или socks5://.
settings-proxy-password-hint = Пази се в хранилището за идентификационни данни. Оставете празно, за да запазите записаната парола.
diagnostics-report-label = Отчет

## Уеб страници на клиентския портал (crates/portal/templates)

web-skip-to-content = Към съдържанието
web-nav-home = Начало
web-nav-orders = Поръчки
web-language = Език
web-actions = Действия
web-back-home = Към началната страница
web-not-found-title = Страницата не е намерена
web-not-found = Тази страница не съществува или принадлежи на друг акаунт.
web-forbidden-title = Заявката е отказана
web-forbidden = Този формуляр е изтекъл или не идва от този портал. Върнете се, презаредете страницата и опитайте отново.
web-internal-title = Възникна грешка
web-home-title = Вашите лицензи и поддръжка
web-activation-key-label = Вашият ключ за активиране е:
web-activation-key-hint = Поставете го в раздела „Лиценз“ на програмата и натиснете „Активирайте своя лиценз“.
web-back-licenses = Към вашите лицензи
web-license-title = Лиценз { $serial }
web-license-expires = Изтича на
web-license-support-until = Поддръжка и актуализации до
web-machines = Компютри
web-machines-empty = В момента нито един компютър не използва този лиценз.
web-machine-hostname = Компютър
web-machine-activated = Активиран
web-machine-last-seen = Последна връзка
web-machine-deactivate = Деактивиране
web-machine-deactivated = Компютърът е деактивиран. Работното му място е свободно за друг компютър.
web-support-title = Поддръжка и актуализации
web-support-ends = Край
web-details = Данни
web-name = Име
web-country = Държава
web-city = Град
web-vat-id = ДДС номер
web-contacts = Контакти
web-contacts-empty = Все още няма контакти.
web-first-name = Собствено име
web-last-name = Фамилия
web-orders-empty = Все още няма поръчки.
web-reference = Номер
web-total = Общо
web-order-title = Поръчка { $reference }
web-back-orders = Към вашите поръчки
web-order-details = Данни за поръчката
web-date-time = Дата и час
web-order-items = Артикули в поръчката
web-product = Продукт
web-sku = Код на артикула
web-quantity = Количество
web-subtotal = Междинна сума
web-nav-offline = Офлайн активиране
web-nav-keys = Програми и ключове
web-too-large-title = Файлът е твърде голям
web-too-large = Порталът приема файлове и текстове до 64 KiB. Проверете дали сте избрали правилния файл.
web-bad-request-title = Заявката не е разбрана
web-bad-request = Стойност в този адрес или формуляр съдържа знаци, които порталът не приема (управляващи знаци), или е твърде дълга. Върнете се и проверете въведеното.
web-field-invalid = Полето { $field } съдържа знаци, които порталът не приема, или е твърде дълго.
web-upload-empty = Изберете файл или поставете текста му и опитайте отново.
web-offline-title = Офлайн активиране
web-offline-intro = За компютър без интернет: донесете тук файла му със заявка за активиране и върнете на компютъра файла с отговора.
web-offline-activate-title = Активиране на компютър
web-offline-activate-hint = Качете файла със заявка за активиране, записан от програмата, или поставете текста му.
web-offline-activated = Компютърът е активиран. Изтеглете файла с отговора или копирайте текста му и го отворете в програмата на този компютър.
web-offline-response-label = Отговор за активиране
web-offline-response-hint = Маркирайте текста, за да го копирате.
web-offline-download = Изтегляне на файла с отговора
web-offline-request-file = Файл със заявка за активиране
web-offline-request-text = Или поставете текста на заявката
web-offline-activate = Активиране
web-offline-receipt-title = Освобождаване на място с разписка за деактивиране
web-offline-receipt-hint = Когато програмата деактивира компютър офлайн, тя записва разписка. Качете я или поставете текста ѝ, за да освободите мястото.
web-offline-freed = Мястото по лиценз { $serial } е свободно за друг компютър.
web-offline-receipt-file = Файл с разписка за деактивиране
web-offline-receipt-text = Или поставете текста на разписката
web-offline-free-seat = Освобождаване на мястото
web-keys-title = Програми и ключове
web-keys-programs = Вашите лицензирани програми
web-keys-workstations = Работни места
web-keys-generate = Генериране на ключове
web-keys-installation-key = Инсталационен ключ
web-keys-installation-key-hint = Програмата го показва при регистрация. Поставете го тук, за да получите регистрационния ключ.
web-keys-comparison = Заявено и полагащо се
web-keys-parameter = Параметър
web-keys-requested = Заявено
web-keys-entitled = Полагащо се
web-keys-check = Проверка
web-keys-ok = Покрито
web-keys-not-ok = Не е покрито
web-keys-registration-key = Вашият регистрационен ключ е:
web-keys-registration-key-hint = Въведете го или го поставете в прозореца за регистрация на програмата.
web-keys-refused = Вашият лиценз не покрива редовете, отбелязани с ✗, затова не може да бъде издаден регистрационен ключ. Свържете се с доставчика си, за да го разширите.
web-keys-no-license = Никой от вашите лицензи не е за програмата, от която идва този инсталационен ключ.
web-keys-releases-until = Версии до { $date }
web-keys-no-support = Няма период на поддръжка
web-keys-in-force = В сила
web-keys-until = До { $date }
web-keys-parameter-product = Продукт
web-keys-parameter-version = Версия
web-keys-parameter-workstations = Работни места
web-keys-parameter-term = Срок на лиценза

## Customer accounts: e-mail and password, password change and reset (web)
web-sign-in-order-title = С номера на поръчката
web-sign-in-password-title = С паролата на профила си
web-password = Парола
web-forgot-link = Забравена парола?
web-sign-in-password-failed = Имейл адресът или паролата не са верни.
web-nav-password = Парола
web-password-title = Смяна на паролата
web-password-current = Настояща парола
web-password-new = Нова парола
web-password-repeat = Новата парола отново
web-password-hint = Поне 10 знака.
web-password-save = Смени паролата
web-password-changed = Паролата ви е сменена.
web-password-current-wrong = Настоящата парола не е вярна.
web-password-too-short = Новата парола трябва да има поне 10 знака.
web-password-mismatch = Двете нови пароли не съвпадат.
web-forgot-title = Забравена парола
web-forgot-intro = Въведете имейл адреса на профила си: ще ви изпратим връзка за задаване на нова парола.
web-forgot-send = Изпрати връзката
web-forgot-sent = Ако този адрес има профил, съобщението е на път. Връзката в него задава нова парола; работи веднъж, в рамките на един час.
web-reset-title = Задаване на парола
web-reset-save = Задай паролата
web-reset-invalid = Тази връзка вече не работи: изтекла е или вече е използвана. Поискайте нова.
web-mail-reset-subject = Задаване на нова парола за клиентския портал на Tessera
web-mail-reset-body =
    Здравейте,

    Някой, вероятно вие, поиска да зададе нова парола за профила ви в клиентския портал на Tessera. Отворете тази връзка до един час, за да я изберете:

    { $link }

    Връзката работи веднъж. Ако не сте поискали това, пренебрегнете съобщението: паролата ви остава същата.
web-mail-invite-subject = Вашият профил в клиентския портал на Tessera
web-mail-invite-body =
    Здравейте,

    За вас е открит профил в клиентския портал на Tessera, където ще намерите лицензите, поръчките и ключа си за активиране. Отворете тази връзка до седем дни, за да изберете паролата си:

    { $link }

    Връзката работи веднъж. След това влизайте с имейл адреса си и тази парола.

## Profile, news, contracts
web-nav-news = Новини
web-nav-profile = Профил
web-nav-contracts = Договори
web-profile-title = Вашият профил
web-profile-company = Фирма
web-profile-manager = МОЛ
web-profile-phone = Телефон
web-profile-since = Клиент от
web-profile-not-given = Не е посочено
web-profile-kept-by-vendor = Тези данни се поддържат от вашия доставчик. За да ги коригирате, пишете на доставчика си.
web-profile-no-account = Влезли сте с номер на поръчка, който няма парола. За да влизате с имейл адреса си и собствена парола, поискайте профил от доставчика си.
web-news-title = Новини
web-news-intro = Актуални новини за нашите програми: нови версии, събития и идеи.
web-news-empty = Все още няма новини.
web-contracts-title = Вашите договори
web-contracts-empty = Все още няма договори.
web-contract-year = Година
web-contract-document = Тип на документа
web-contract-subscription = Вид абонамент
web-contract-monthly-price = Месечна цена
web-contract-signed = Дата на сключване
web-contract-status = Статус
web-contract-document-type =
    { $type ->
        [contract] Договор
        [annex] Анекс
       *[other] { $type }
    }
web-contract-subscription-type =
    { $type ->
        [monthly] Месечно обслужване
        [annual] Годишно обслужване
       *[other] { $type }
    }
web-contract-status-name =
    { $status ->
        [active] Действащ
        [expired] Изтекъл
        [terminated] Прекратен
        [draft] Чернова
       *[other] { $status }
    }

## Programs and license files
web-programs-title = Програми и информация
web-programs-program = Програма
web-programs-installation = Вид на инсталацията
web-programs-single = Едно работно място
web-programs-network = Мрежова
web-programs-service = Вид обслужване
web-programs-support-until = Поддръжка до { $date }
web-programs-support-expired = Поддръжката изтече на { $date }
web-programs-no-support = Без поддръжка
web-programs-generated = Дата на генериране на ключа
web-programs-registration-key = Регистрационен ключ
web-programs-version = Версия
web-programs-show-key = Покажи целия ключ
web-programs-keys-hint = За всяка програма са показани инсталационният и регистрационният ключ от последната ѝ регистрация. Щракнете върху ключ, за да го видите изцяло; едно щракване върху целия ключ го маркира за копиране.
web-machine-file = Лицензионен файл
web-machine-download = Изтегляне на лицензионния файл
web-machine-download-label = Изтегляне на лицензионния файл на { $hostname }
web-machine-transfer = Прехвърляне
web-machine-transfer-label = Деактивиране на { $hostname }, за да прехвърлите лиценза му на друг компютър
web-machine-transfer-hint = Освобождава работното място, така че лицензът да може да се активира на друг компютър.
web-machine-file-hint = Лицензионният файл работи само на компютъра, за който е издаден. Изтеглете го, за да възстановите лиценза на този компютър без достъп до интернет, например след преинсталиране на програмата.
web-license-file-title = Лицензионен файл за компютър
web-license-file-hint = По-старите версии на програмата четат лицензионен файл (.lic), вместо да се активират онлайн. Въведете отпечатъка на компютъра, за който е: файлът работи само там, заема едно от местата на лиценза и съдържа и срока на поддръжката.
web-license-file-fingerprint = Отпечатък на компютъра
web-license-file-fingerprint-hint = 64 шестнадесетични знака, показани от License Manager под „Отпечатък“ или от „tessera status“.
web-license-file-computer = Име на компютъра (по избор)
web-license-file-download = Изтегляне на лицензионния файл
web-license-file-fingerprint-invalid = Това не е отпечатък на компютър: той има 64 шестнадесетични знака (0–9, a–f), както го показва License Manager.
web-license-file-default-computer = Компютър (лицензионен файл)
web-support-file-hint = Срокът на поддръжката е част от лицензионния файл (.lic), който по-старите версии четат и за обновления:
web-support-file-link = изтеглете го за компютър

## The command line's own words for messages that name the app's buttons (Surface::Cli)
cli--state-grace-message = Лицензът ви не е синхронизиран с портала за лицензи от известно време. Свържете се с интернет и изпълнете „tessera refresh“.
cli--state-grace-until-message = Лицензът ви не е синхронизиран с портала за лицензи от известно време. Той ще работи до { $date }: свържете се с интернет и изпълнете „tessera refresh“.
cli--state-expired-term-ended-message = Лицензът ви е изтекъл на { $date }. Подновете го в клиентския портал, след което изпълнете „tessera refresh“.
cli--state-expired-refresh-overdue-message = Лицензът ви не е синхронизиран с портала за лицензи от { $date }. Свържете се с интернет и изпълнете „tessera refresh“ или го активирайте офлайн.
cli--state-suspended-message = Лицензът ви е спрян от доставчика. Свържете се с доставчика или търговеца си; когато въпросът се реши, изпълнете „tessera refresh“.
cli--state-clock-tampered-message = Часовникът на този компютър показва време преди { $date } — момент, който компютърът вече е отчел. Поправете датата и часа, след което се свържете с портала, за да потвърди часа: изпълнете „tessera refresh“.
cli--state-time-unconfirmed-message = Записът на този компютър за часа на последната проверка на лиценза липсва или е променен. Свържете се с портала, за да потвърди часа, преди лицензът да може да се използва: изпълнете „tessera refresh“.
cli--error-method-not-allowed = Порталът не приема този вид заявка на този адрес. Обновете програмата или проверете адреса на портала („tessera settings --portal-url“).
cli--error-proxy-failed = Прокси сървърът отказа или прекъсна връзката. Проверете адреса, потребителското име и паролата на проксито („tessera settings --proxy-url … --proxy-user …“).
cli--error-portal-not-genuine = Отговорът не е подписан от портала за лицензи на доставчика ви и затова е отхвърлен. Проверете адреса на портала („tessera settings --portal-url“) и се уверете, че никой прокси сървър не променя трафика.
cli--error-unexpected-answer = Порталът за лицензи върна отговор, който програмата не разбира. Проверете адреса на портала („tessera settings --portal-url“) или обновете програмата.
cli--error-state-corrupt = Данните за лиценза, запазени на този компютър, са повредени. Изпълнете „tessera refresh“ или активирайте отново с ключа си за активиране.
cli--error-invalid-setting = Една от настройките не е валидна. Поправете я с „tessera settings“ (вижте „tessera settings --help“).

## Mail the portal sends (payment recorded, license suspended or revoked)
mail-greeting = Здравейте,
mail-signature = Вашият портал за лицензи: { $portal }
mail-order-subject = Вашата поръчка { $order }: очаква плащане
mail-order-intro = Благодарим за поръчка { $order } от { $date }. Общата ѝ сума е { $total }:
mail-order-line = { $description }, потребители { $quantity }: { $subtotal }
mail-order-transfer = Моля, преведете { $total } на { $bank }, като посочите основание { $order }.
mail-order-transfer-invoice = Моля, преведете { $total } по сметката от фактурата, като посочите основание { $order }.
mail-order-card = Плащането ви с карта се обработва.
mail-order-start = Лицензите ви започват в деня, в който пристигне плащането: тогава ще получите имейл с ключа за активиране и указания.
mail-paid-subject = Получено плащане за поръчка { $order }: вашите лицензи
mail-paid-intro = Отразихме плащането ви за поръчка { $order }: { $amount }, получено на { $date }. Лицензите ви са издадени и срокът им започна в деня, в който пристигна плащането.
mail-paid-license = { $product } { $edition }, сериен номер { $serial }: потребители { $users }, компютри { $machines }, { $term }
mail-paid-term-until = валиден до { $date }
mail-paid-term-perpetual = безсрочен
mail-paid-key = Вашият ключ за активиране отваря тези лицензи:
mail-paid-step-open = Отворете Tessera License Manager на компютъра, на който работи софтуерът (на сървър без работен плот изпълнете 'tessera activate').
mail-paid-step-paste = Поставете ключа за активиране и натиснете „Активиране“.
mail-paid-step-refresh = По-късно натиснете „Обновяване“, за да синхронизирате лиценза с портала. Без интернет активирайте офлайн с файл със заявка.
mail-paid-portal = Лицензите, поръчките и договорите ви за поддръжка са в клиентския портал, { $link }: влезте с този имейл адрес и номера на поръчката { $order }.
mail-suspended-subject = Лиценз { $serial } е спрян
mail-suspended-body = Вашият лиценз { $serial } ({ $product } { $edition }) е спрян. Причина: { $reason }
mail-suspended-effect = Софтуерът спира да го приема при следващото обновяване. Когато въпросът бъде уреден, ще го възстановим и обновяването ще го върне.
mail-overdue-subject = Фактурата по поръчка { $reference } не е платена
mail-overdue-body = Фактурата по поръчка { $reference } за абонамента ви за { $product } { $edition } (лиценз { $serial }) все още не е платена.
mail-overdue-card = Не успяхме да таксуваме картата ви. Добавете карта или изберете друга в „Начини на плащане“ — { $link } — и плащането се опитва отново автоматично.
mail-overdue-effect = Ако плащането не пристигне, лиценз { $serial } ще бъде спрян на { $date }. Ако вече сте я платили, не е нужно да правите нищо повече.
mail-revoked-subject = Лиценз { $serial } е отнет
mail-revoked-body = Вашият лиценз { $serial } ({ $product } { $edition }) е отнет. Причина: { $reason }
mail-revoked-effect = Софтуерът спира да го приема при следващото обновяване. Отговорете на това съобщение, ако смятате, че е грешка.

## Back office (the vendor's staff)
mail-key-subject = Вашият ключ за активиране
mail-key-intro = По ваша молба ви изпращаме отново ключа за активиране на лицензите на { $company }.
mail-key-portal = Вашите лицензи, поръчки и договори за поддръжка са в клиентския портал, { $link }: влезте с този имейл адрес и който и да е номер на ваша поръчка.
bo-nav-customers = Клиенти
bo-customers-title = Клиенти
bo-customers-search = Търсене на клиент
bo-search = Търсене
bo-customers-search-hint = Част от името на фирмата или имейл адреса, номер на поръчка, сериен номер или първите знаци на ключ за активиране.
bo-customers-none = Няма клиент, отговарящ на „{ $query }“.
bo-customers-capped = Показани са само първите 50 намерени клиенти: уточнете търсенето.
bo-customer-place = Град, държава
bo-customer-licenses = Лицензи
bo-customer-since = От
bo-customer-language = Език на писмата
bo-customer-key = Ключ за активиране
bo-customer-resend-key = Изпрати ключа отново
bo-customer-key-sent = Ключът за активиране е на опашката за { $email }.
bo-customer-no-licenses = Този клиент още няма лицензи.
bo-customer-no-orders = Този клиент няма поръчки.
bo-customer-people = Контакти и акаунти
bo-customer-person = Име
bo-customer-role = Роля
bo-customer-contact = контакт за покупката
bo-customer-account = акаунт с парола
bo-customer-invited = поканен, още без парола
bo-serial = Сериен номер
bo-state = Състояние
bo-order-items = Артикули
bo-order-status-awaiting-payment = очаква плащане
bo-order-status-paid = платена
bo-order-status-cancelled = отказана
bo-order-status-refunded = възстановена сума
bo-recent-events = Последни събития
bo-no-events = Още няма нищо записано.
bo-event-at = Кога
bo-event-kind = Събитие
bo-event-actor = От
bo-event-subject = Относно
bo-event-change = Промяна
# Откази, които бек офисът показва след „Не е изпълнено:“.
bo-refusal-amount-mismatch = Плащането от { $got } не отговаря на сумата на поръчка { $reference }, { $expected }. Запишете цялата сума, след като пристигне изцяло.
bo-refusal-paid-already = Поръчка { $reference } е платена с друго плащане.
bo-refusal-paid-already-on = Поръчка { $reference } е платена на { $day } с друго плащане.
bo-refusal-order-not-payable = Поръчка { $reference } е { $status ->
        [cancelled] отменена
        [refunded] с възстановена сума
       *[other] { $status }
    } и не може да бъде платена.
bo-refusal-payment-in-future = Датата на плащане { $day } е в бъдещето.
bo-refusal-payment-before-order = Датата на плащане { $day } е преди подаването на поръчка { $reference } ({ $placed }).
bo-refusal-payment-reference-taken = Този банков референтен номер или ключ за идемпотентност е записан за плащането на поръчка { $paid }, а не на { $reference }.
bo-refusal-payment-reference-racing = Този банков референтен номер или ключ за идемпотентност беше записан в същия момент за друго плащане.
bo-refusal-cancel-paid = Поръчка { $reference } е платена: възстановете сумата, вместо да я отменяте.
bo-refusal-cancel-status = Поръчка { $reference } е { $status ->
        [cancelled] отменена
        [refunded] с възстановена сума
       *[other] { $status }
    }: отменя се само поръчка, която очаква плащане.
bo-refusal-refund-unpaid = Поръчка { $reference } не е платена: отменете я, вместо да възстановявате сумата.
bo-refusal-refund-status = Поръчка { $reference } е { $status ->
        [cancelled] отменена
        [refunded] с възстановена сума
       *[other] { $status }
    }: сума се възстановява само за платена поръчка.
bo-refusal-reason-needed = посочете защо поръчка { $reference } се отменя или сумата ѝ се възстановява: причината се пази и се показва
bo-refusal-term-perpetual = лиценз { $serial } е безсрочен: срокът му няма край, който да се удължи
bo-refusal-term-not-later = лиценз { $serial } изтича на { $day }: новият край трябва да е по-късен ден
bo-refusal-users-range = потребители: { $count }; един лиценз брои от 1 до { $most }
bo-refusal-computers-range = компютри: { $count }; един лиценз брои от 1 до { $most }
bo-refusal-seats-held = { $count ->
        [one] { $count } компютър заема място
       *[other] { $count } компютъра заемат места
    } в лиценз { $serial }: освободете някои, преди да разрешите само { $most }
bo-refusal-users-not-number = потребители: „{ $text }“ не е цяло число
bo-refusal-computers-not-number = компютри: „{ $text }“ не е цяло число
bo-refusal-not-a-day = „{ $text }“ не е дата във вида { $example }
bo-refusal-field-too-long = Полето `{ $field }` е по-дълго от { $max ->
        [one] { $max } знак
       *[other] { $max } знака
    }.
bo-refusal-field-control = Полето `{ $field }` съдържа управляващ знак (U+{ $code }) на позиция { $position }.
bo-refusal-news-empty = { $field ->
        [title] заглавие
        [body] текст
       *[other] { $field }
    }: празно, а новината има нужда от заглавие и текст
bo-refusal-news-too-long = { $field ->
        [title] заглавие
        [body] текст
       *[other] { $field }
    }: { $count ->
        [one] { $count } знак
       *[other] { $count } знака
    }, най-много { $most }
bo-refusal-not-a-sku = SKU: „{ $text }“ не е SKU (главни букви, цифри и тирета, без интервали)
bo-refusal-not-a-product-id = идентификатор: „{ $text }“ не е идентификатор на продукт (малки букви, цифри и тирета)
bo-refusal-not-a-match-policy = правило за съвпадение: „{ $text }“ не е правило за съвпадение (exact, fuzzy или loose)
bo-refusal-out-of-range = { $field }: { $value } не е между { $least } и { $most }
bo-refusal-name-needed = { $field }: нужно е име
bo-refusal-too-many-features = функции: най-много { $most }
bo-refusal-product-exists = идентификатор: продукт { $id } вече съществува
bo-refusal-edition-exists = SKU: издание { $edition } или SKU { $sku } вече съществува
bo-refusal-no-product = продукт: няма продукт { $product }
bo-refusal-price-range = цена: { $price } не е между 0 и { $most }
bo-refusal-not-a-term = срок в месеци: това не е срок
bo-refusal-no-edition-sku = издание: никое издание няма SKU { $sku }
bo-refusal-no-edition = издание: { $product } няма издание { $edition }
bo-refusal-plan-exists = SKU: вече има план със SKU { $sku }
bo-refusal-plan-on-sale-already = план { $sku } вече се продава
bo-refusal-plan-retired-already = план { $sku } вече е спрян от продажба
bo-refusal-order-no-lines = поръчката трябва да има поне един ред
bo-refusal-order-quantity = { $users } потребители на { $sku } не е количество, което порталът приема (от 1 до 1 000 000)
bo-refusal-no-customer = няма клиент с идентификатор { $id }
bo-refusal-no-plan = няма план с SKU { $sku }
bo-refusal-plan-not-sold = планът { $sku } вече не се продава
bo-refusal-contract-price-negative = месечна цена: не може да е отрицателна
bo-refusal-contract-currency = валута: „{ $currency }“ не е код на валута като EUR
bo-refusal-contract-year = година: { $year } не е година на договор
bo-refusal-contract-status-already = статус: договорът вече е { $status }
bo-refusal-contract-changed = статус: междувременно договорът е променен; опитайте отново
bo-refusal-subscription-quantity = количество: от 1 до { $most } потребители, не { $quantity }
bo-refusal-card-none = Този абонамент се плаща с карта, а няма запазена карта: първо добавете карта в „Начини на плащане“.
bo-refusal-card-declined = картата, завършваща на { $last4 }, беше отхвърлена за { $amount } ({ $reason }). Нищо не е променено: добавете друга карта в „Начини на плащане“ или опитайте по-късно.
bo-refusal-provider-unavailable = платежният доставчик не отговори навреме за { $amount }. Нищо не е променено; ако опитате отново, ще бъдете таксувани най-много веднъж.
bo-refusal-provider-down = платежният доставчик не отговори навреме. Нищо не е променено; опитайте отново след няколко минути.
bo-refusal-provider-refused = платежният доставчик отказа заявката ({ $reason }).
bo-refusal-card-last = Картата, завършваща на { $last4 }, е единствената на абонамент, платен с карта: добавете друга карта, преди да премахнете тази.
bo-refusal-company-empty = Името на фирмата е празно: фактурите трябва да посочват на кого са издадени.
bo-refusal-vat-id = „{ $typed }“ не е ДДС номер: от 4 до 20 букви и цифри, например BG123456789.
bo-refusal-cards-not-taken = Този магазин не приема карти: изберете банков превод.
bo-refusal-seats-bound = Към лицензите на този абонамент са обвързани повече потребители от { $users }, които тази промяна оставя: първо отвържете някои в Администриране на фирмата.
bo-refused = Не е изпълнено: { $detail }
bo-license-reason = Причина, съобщена на клиента
bo-license-reason-hint = Клиентът я чете в License Manager след следващото опресняване и в имейл.
bo-license-status-title = Спиране, възстановяване, отнемане
bo-license-suspend = Спри
bo-license-revoke = Отнеми
bo-license-reinstate = Възстанови
bo-license-terms-title = Срок, потребители и компютри
bo-license-ends-on = Нов край на срока
bo-license-extend = Удължи срока
bo-license-max-machines = Разрешени компютри
bo-license-change-limits = Промени потребители и компютри
bo-license-free-one = Освободи мястото
bo-license-free-one-label = Освободи мястото на { $hostname }
bo-license-free-all = Освободи всички места
bo-license-free-hint = Всеки компютър се активира отново при следващото свързване или друг заема мястото му.
bo-license-done-suspended = Лицензът е спрян. Компютрите на клиента ще разберат при следващото опресняване.
bo-license-done-reinstated = Лицензът отново е активен.
bo-license-done-revoked = Лицензът е отнет. Компютрите на клиента ще разберат при следващото опресняване.
bo-license-done-term = Срокът е удължен.
bo-license-done-limits = Потребителите и компютрите са променени.
bo-license-done-freed = Всички места са свободни.
bo-license-done-machine = Мястото на компютъра е свободно.
bo-customer-new-order = Нова поръчка
bo-order-title = Поръчка { $order }
bo-order-done-placed = Поръчката е направена и очаква плащане; имейлът с потвърждение до клиента е на път.
bo-order-done-cancelled = Поръчката е отказана: вече не може да бъде платена.
bo-order-done-refunded = Сумата по поръчката е възстановена и лицензите ѝ са отнети; клиентът е уведомен с причината.
bo-order-actions = Плащане, отказ, възстановяване
bo-order-cancel-reason = Причина за отказа (пази се в дневника)
bo-order-refund-reason = Причина за възстановяването (клиентът я чете)
bo-order-refund-hint = Възстановяването отнема всички лицензи от поръчката: компютрите на клиента ще разберат при следващото опресняване, с тази причина.
bo-order-cancel = Откажи поръчката
bo-order-refund = Възстанови сумата
bo-order-new-title = Нова поръчка
bo-order-new-for = Нова поръчка за { $company }
bo-order-no-plans = Няма план в продажба: първо добавете план в каталога.
bo-order-new-hint = Поръчката се плаща с банков превод: очаква плащането си, а лицензите започват в деня, в който то е отразено.
bo-order-new-empty = Въведете броя потребители за поне един план.
bo-order-place = Направи поръчката
bo-plan-term = Срок
bo-plan-price = Цена на потребител
bo-plan-months = { $months ->
    [1] 1 месец
   *[other] { $months } месеца
}
mail-ending-subject = Вашият лиценз { $serial } изтича на { $date }
mail-ending-body = Вашият лиценз { $serial } ({ $product } { $edition }, { $users } потребители) изтича на { $date }, { $days ->
    [one] утре
   *[other] след { $days } дни
}.
mail-ending-renew = Той не се подновява автоматично: за да използвате { $product } и след тази дата, поръчайте нов срок. Новите лицензи започват в деня, в който плащането им е отразено.
mail-ending-link = Вашите лицензи и сроковете им: { $link }
mail-ended-subject = Вашият лиценз { $serial } изтече
mail-ended-body = Вашият лиценз { $serial } ({ $product } { $edition }) изтече на { $date }. Програмата спира да го приема, след като мине гратисният период без връзка.
mail-ended-renew = Достъпът не се подновява автоматично: за да продължите да използвате { $product }, поръчайте нов срок. Новите лицензи започват в деня, в който плащането им е отразено.
invoice-title = Фактура { $number }
invoice-credit-note-title = Кредитно известие { $number }
invoice-documents = Фактура и кредитни известия
invoice-back = Поръчка { $order }
invoice-print-hint = За да запазите копие, отпечатайте страницата или я запишете като PDF от менюто за печат на браузъра.
invoice-issued = Издадена на
invoice-corrects = Анулира фактура
invoice-billed-to = Получател
invoice-unit-price = Цена на потребител
invoice-reason = Причина:
invoice-payment = Плащане
invoice-transfer-to = Моля, преведете сумата по { $bank }, с основание { $order }.
invoice-transfer = Моля, преведете сумата по сметката на доставчика, с основание { $order }.
invoice-terms-start = Лицензите започват в деня, в който плащането е отразено.
bo-title = Администрация
bo-nav-dashboard = Табло
bo-nav-orders = Поръчки
bo-role-admin = администратор
bo-role-support = поддръжка
bo-2fa-nav = Вход в две стъпки
bo-2fa-title = Вход в две стъпки
bo-2fa-intro = Когато е включен, входът в администрацията иска след паролата шестцифрения код, който показва приложение за удостоверяване на телефона ви (например Aegis, FreeOTP, Google Authenticator). Загубен телефон? Оператор го изключва от терминала: tessera-portal admin staff-reset-2fa.
bo-2fa-is-on = Входът в две стъпки е включен.
bo-2fa-is-off = Входът в две стъпки е изключен: влизате само с паролата си.
bo-2fa-turn-on = Включване
bo-2fa-turn-off = Изключване
bo-2fa-new-secret = Отначало с нов ключ
bo-2fa-add-to-app = Добавете този ключ в приложението си за удостоверяване (въведете ключа или поставете адреса), след това въведете показания от приложението код за потвърждение. Входът в две стъпки се включва едва след потвърден код.
bo-2fa-secret = Ключ
bo-2fa-uri = Адрес за приложението
bo-2fa-code = Шестцифрен код
bo-2fa-confirm = Потвърждаване и включване
bo-2fa-turned-on = Входът в две стъпки вече е включен.
bo-2fa-turned-off = Входът в две стъпки вече е изключен.
bo-2fa-code-wrong = Този код не е верен или вече е използван. Въведете кода, който приложението показва сега.
bo-2fa-sign-in-title = Вашият код за вход
bo-2fa-sign-in-intro = Въведете шестцифрения код, който приложението ви за удостоверяване показва за Tessera.
bo-2fa-sign-in-expired = Този вход е изтекъл или не е започнат в този браузър. Влезте отново с паролата си.
bo-2fa-start-again = Отначало
bo-events-kind-staff-two-factor-on = Включен вход в две стъпки
bo-events-kind-staff-two-factor-off = Изключен вход в две стъпки
bo-events-kind-subscription-started = Абонаментът е започнат
bo-events-kind-subscription-changed = Абонаментът е променен
bo-sign-in-title = Вход в администрацията
bo-news-nav = Новини
bo-news-title = Новини
bo-news-intro = Новините от страницата „Новини“ на клиентите, най-новите първо. Публикуваната новина се показва веднага; оттеглената вече не се показва.
bo-news-published = Публикувани
bo-news-empty = Няма публикувани новини.
bo-news-news-title = Заглавие
bo-news-text-start = Текст
bo-news-withdraw = Оттегли
bo-news-publish-title = Публикуване на новина
bo-news-body = Текст
bo-news-body-hint = Обикновен текст, до 10 000 знака; празен ред започва нов абзац.
bo-news-publish = Публикувай
bo-news-done-published = Новината е публикувана.
bo-news-done-withdrawn = Новината е оттеглена.
bo-contracts-title = Договори
bo-contracts-empty = Все още няма договори.
bo-contracts-new-status = Нов статус
bo-contracts-change-status = Промени
bo-contracts-add = Добавяне на договор
bo-contracts-year-hint = Празно: годината на сключване.
bo-contracts-price-hint = В единиците на валутата, напр. 49.90.
bo-contracts-currency = Валута
bo-contracts-done-added = Договорът е добавен.
bo-contracts-done-status = Статусът на договора е променен.
bo-events-kind-news-published = Публикувана новина
bo-events-kind-news-withdrawn = Оттеглена новина
bo-events-kind-contract-added = Добавен договор
bo-events-kind-contract-status-changed = Променен статус на договор
bo-sign-in-intro = За служителите на доставчика. Клиентите влизат в клиентския портал.
bo-password-set = Паролата ви е зададена. Влезте с нея.
bo-catalog-nav = Каталог
bo-catalog-title = Каталог
bo-catalog-intro = Продуктите, техните издания и плановете, с които се продават. Нищо не се изтрива: план, който вече не се продава, се оттегля, а продаденото остава непроменено.
bo-catalog-empty = Все още няма продукти.
bo-catalog-product-id = Идентификатор на продукта
bo-catalog-product-id-hint = Малки латински букви, цифри и тирета, например acme-ledger. Никога не се променя: лицензите и компютрите го носят.
bo-catalog-name = Име
bo-catalog-match-policy = Разпознаване на компютрите
bo-catalog-policy-exact = точно (всички компоненти)
bo-catalog-policy-fuzzy = гъвкаво (повечето компоненти)
bo-catalog-policy-loose = свободно (няколко компонента)
bo-catalog-refresh-days = Опресняване на всеки (дни)
bo-catalog-grace-days = Гратисен период офлайн (дни)
bo-catalog-edit-product = Промяна на продукта
bo-catalog-edit-product-hint = Идентификаторът и разпознаването на компютрите остават същите: лицензите и компютрите ги носят.
bo-catalog-save = Запазване
bo-catalog-editions = Издания
bo-catalog-edition = Издание
bo-catalog-no-editions = Все още няма издания.
bo-catalog-features = Функции
bo-catalog-features-hint = Разделени със запетаи, например ledger, multi-currency. Лицензите, издадени отсега нататък, ги носят.
bo-catalog-edit-features = Промяна на функциите
bo-catalog-plans = Планове
bo-catalog-no-plans = Все още няма планове.
bo-catalog-machines-per-user = Компютри на потребител
bo-catalog-support-years = Поддръжка (години)
bo-catalog-trial-days = Пробен период (дни)
bo-catalog-status = Продажба
bo-catalog-on-sale = в продажба
bo-catalog-retired = оттеглен
bo-catalog-add-product = Добавяне на продукт
bo-catalog-add-edition = Добавяне на издание
bo-catalog-add-plan = Добавяне на план
bo-catalog-sku-hint = Главни латински букви, цифри и тирета, например LED-STD-1Y.
bo-catalog-plan-name-hint = Текстът на реда в поръчката; продуктът, изданието и срокът, ако е празно.
bo-catalog-months = Срок (месеци)
bo-catalog-months-hint = От 1 до 120; празно за безсрочен лиценз.
bo-catalog-price-hint = На потребител за целия срок, например 299.00.
bo-catalog-currency = Валута
bo-catalog-plan-title = План { $sku }
bo-catalog-edit-plan = Промяна на плана
bo-catalog-edit-plan-hint = Новата цена важи за поръчките, направени отсега нататък: вече направените поръчки запазват цената, на която са продадени. Компютрите и поддръжката важат за всеки лиценз, издаден отсега нататък, включително за поръчките, чакащи плащане.
bo-catalog-retire = Оттегляне на плана
bo-catalog-retire-hint = Оттегленият план вече не се продава: никоя нова поръчка не го приема. Вече продадените лицензи и поръчки остават непроменени.
bo-catalog-put-on-sale = Връщане в продажба
bo-catalog-done-product-added = Продуктът е добавен.
bo-catalog-done-product-changed = Продуктът е променен.
bo-catalog-done-edition-added = Изданието е добавено.
bo-catalog-done-features = Функциите са променени.
bo-catalog-done-plan-added = Планът е добавен и е в продажба.
bo-catalog-done-plan-changed = Планът е променен: следващите поръчки го следват.
bo-catalog-done-retired = Планът е оттеглен: никоя нова поръчка не го приема.
bo-catalog-done-on-sale = Планът отново е в продажба.
bo-figure-active = действащи лицензи
bo-figure-activations = активирания днес
bo-figure-awaiting = поръчки, очакващи плащане
bo-figure-ending = срокове, изтичащи до 90 дни
bo-figure-mails = неизпратени имейли
bo-orders-title = Поръчки, очакващи плащане
bo-orders-empty = Няма поръчка, която очаква плащане.
bo-customer = Клиент
bo-record-payment = Отразяване на плащането
bo-amount = Сума
bo-paid-on = Получено на
bo-bank-reference = Банково основание
bo-record = Отрази
bo-payment-recorded = Плащането на поръчка { $order } е отразено; издадени лицензи: { $licenses }. Имейлът до клиента е на път.
bo-events-nav = Дневник
bo-events-title = Дневник на събитията
bo-events-filter = Филтриране на дневника
bo-events-customer = Клиент (имейл или идентификатор)
bo-events-serial = Сериен номер на лиценз
bo-events-actor = Извършил
bo-events-kind = Вид
bo-events-any-kind = Всички видове
bo-events-from = От
bo-events-to = До
bo-events-apply = Филтриране
bo-events-clear = Изчистване
bo-events-csv = Експорт в CSV
bo-events-empty = Няма събития, отговарящи на този филтър.
bo-events-when = Кога
bo-events-subject = Предмет
bo-events-change = Промяна
bo-events-bad-customer = Няма клиент с имейл или идентификатор „{ $customer }“.
bo-events-bad-serial = Няма лиценз със сериен номер „{ $serial }“.
bo-events-bad-kind = „{ $kind }“ не е вид събитие.
bo-events-bad-from = Първият ден „{ $day }“ не е дата като 2026-03-01.
bo-events-bad-to = Последният ден „{ $day }“ не е дата като 2026-03-01.
bo-events-bad-range = Първият ден е след последния.
bo-events-kind-order-placed = Направена поръчка
bo-events-kind-payment-recorded = Отразено плащане
bo-events-kind-license-issued = Издаден лиценз
bo-events-kind-license-status-changed = Променен статус на лиценз
bo-events-kind-customer-added = Добавен клиент
bo-events-kind-api-token-created = Създаден API токен
bo-events-kind-api-token-revoked = Отменен API токен
bo-events-kind-order-cancelled = Анулирана поръчка
bo-events-kind-order-refunded = Възстановена поръчка
bo-events-kind-staff-created = Създаден служебен акаунт
bo-events-kind-machine-activated = Активиран компютър
bo-events-kind-license-refreshed = Обновен лиценз
bo-events-kind-machine-deactivated = Деактивиран компютър
bo-events-kind-mail-resent = Повторно изпратен имейл
bo-events-kind-license-term-extended = Удължен срок на лиценз
bo-events-kind-license-limits-changed = Променени ограничения на лиценз
bo-events-kind-key-resent = Повторно изпратен ключ за активиране
bo-events-kind-password-changed = Паролата е сменена
bo-events-kind-product-added = Добавен продукт
bo-events-kind-product-changed = Променен продукт
bo-events-kind-edition-added = Добавено издание
bo-events-kind-edition-changed = Променено издание
bo-events-kind-plan-added = Добавен план
bo-events-kind-plan-changed = Променен план
bo-events-kind-plan-retired = Оттеглен план
bo-events-kind-plan-on-sale = План отново в продажба
bo-mail-nav = Имейли
bo-mail-title = Изходящи имейли
bo-mail-filter = Имейли по статус
bo-mail-filter-all = Всички ({ $count })
bo-mail-status-queued = в опашката
bo-mail-status-sent = изпратен
bo-mail-status-failed = неуспешен
bo-mail-newest = Показани са най-новите { $count } имейла, без текста им.
bo-mail-empty = Няма имейли с този статус.
bo-mail-queued-at = В опашката от
bo-mail-mail = Имейл
bo-mail-status = Статус
bo-mail-last-error = Последна грешка
bo-mail-resend = Изпрати отново
bo-mail-attempts =
    { $count ->
        [one] { $count } опит
       *[other] { $count } опита
    }
bo-mail-next-attempt = следващ опит { $at }
bo-mail-resent = Имейлът отново е в опашката; тръгва до секунди.
bo-mail-not-failed = Имейл { $id } е { $status }: само неуспешен имейл може да се изпрати отново.
bo-mail-bad-status = „{ $status }“ не е статус на имейл: изберете в опашката (queued), изпратен (sent), неуспешен (failed) или всички (all).

## Управление на абонаменти (seed 001)
web-nav-subscriptions = Абонаменти
web-subs-title = Управление на абонаменти
web-subs-none = Нямате абонаменти. Магазинът на доставчика ви ги създава; пробен период също се показва тук.
web-subs-status =
    { $status ->
        [trialing] Пробен период
        [active] Активен
        [past_due] Просрочено плащане
        [suspended] Спрян
        [cancelling] Прекратен
        [ended] Приключил
       *[other] { $status }
    }
web-subs-plan = План
web-subs-users = Потребители
web-subs-billing = Фактуриране
web-subs-interval =
    { $interval ->
        [month] Месечно
        [year] Годишно
       *[other] { $interval }
    }
web-subs-period = Текущ период
web-subs-next-charge = Следващо плащане
web-subs-trial-ends = Пробният период изтича на { $date }
web-subs-renews = { $amount } на { $date }
web-subs-ends = Приключва на { $date } (прекратен)
web-subs-options = Опции
web-subs-update-services = Промяна на услугите
web-subs-change-plan = Смяна на плана
web-subs-cancel = Прекратяване на абонамента
web-subs-resume = Възобновяване
web-subs-order-to-pay = Поръчка { $reference } очаква вашето плащане.
web-subs-done-users = Броят на потребителите е променен.
web-subs-done-plan = Планът е сменен.
web-subs-done-cancel = Абонаментът е прекратен: приключва в края на текущия период. Дотогава можете да го възобновите.
web-subs-done-resume = Абонаментът е възобновен: подновява се както преди.
web-subs-users-invalid = Въведете броя на потребителите с цифри, например 5.
web-subs-users-count =
    { $count ->
        [one] { $count } потребител
       *[other] { $count } потребители
    }
web-subs-users-label = Брой потребители
web-subs-users-hint = Добавените потребители се плащат сега за остатъка от периода; намаление влиза в сила в края му.
web-subs-see-price = Вижте цената
web-subs-plans = Планове
web-subs-price-month = { $price } на потребител на месец
web-subs-price-year = { $price } на потребител на година
web-subs-quote = Колко струва
web-subs-due-today = Дължимо днес: { $amount }
web-subs-prorated = за { $days } от { $period } дни на този период
web-subs-credit-used = Вашият кредит от { $amount } се използва за това.
web-subs-credit-kept = Кредит за следващите ви фактури: { $amount }
web-subs-takes-effect = Влиза в сила на { $date }; дотогава запазвате това, което имате.
web-subs-then = От { $date }: { $plan }, потребители: { $users }, { $amount } { $per }.
web-subs-per-month = на месец
web-subs-per-year = на година
web-subs-buy = Купете сега
web-subs-buy-start = Кога започва първият платен период?
web-subs-buy-start-trial-end = В края на пробния период, на { $date }: запазвате пробните дни
web-subs-buy-start-now = Днес
web-subs-buy-due = Дължимо: { $amount } за периода { $start } – { $end }, след това { $amount } { $per }.
web-subs-buy-confirm = Купуване
web-subs-buy-billing = Данни за фактуриране
web-subs-buy-company = Фирма
web-subs-buy-address = Адрес
web-subs-buy-city = Град
web-subs-buy-country = Държава
web-subs-buy-payment = Начин на плащане
web-subs-buy-no-card = Карта — все още няма запазена карта.
web-subs-buy-transfer = Банков превод (фактурата се изпраща по имейл)
web-subs-done-buy = Благодарим: абонаментът е купен.
web-subs-compare = Сравнение на плановете
web-subs-feature = Функция
web-subs-included = включена
web-subs-not-included = не е включена
web-subs-price = Цена
web-subs-confirm = Потвърждаване
web-subs-cancel-button = Прекратяване на абонамента
web-subs-cancel-confirm = Достъпът ви приключва на { $date }. Дотогава всичко продължава да работи и можете да възобновите абонамента.

## Payment methods (seed 001) and the demo's test-mode cards
web-nav-cards = Начини на плащане
web-test-mode = Тестов режим: картите не се таксуват. Използвайте 4242 4242 4242 4242 с всяка бъдеща дата на валидност; 4000 0000 0000 0002 винаги се отхвърля.
web-cards-title = Начини на плащане
web-cards-intro = Картите, с които се плащат абонаментите ви. Картата по подразбиране плаща подновяванията и промените. Тук се пазят само марката, последните четири цифри и валидността на картата, никога номерът ѝ.
web-cards-transfer-only = Този магазин се плаща с банков превод: всяка фактура посочва сметката и основанието за плащане.
web-cards-empty = Все още няма карта.
web-cards-card = Карта
web-cards-expires = Валидна до
web-cards-default = По подразбиране
web-cards-make-default = Направи основна
web-cards-remove = Премахни
web-cards-add = Добави карта
web-cards-added = Картата, завършваща на { $last4 }, беше добавена.
web-cards-not-added = Страницата на картата беше напусната преди края: не е добавена карта.
web-cards-defaulted = Основната ви карта е сменена: тя ще плаща следващите подновявания и промени.
web-cards-removed = Картата беше премахната.
web-cards-ending = { $brand }, завършваща на { $last4 }
web-testcard-title = Добавяне на карта (тестов режим)
web-testcard-intro = Тази страница замества страницата на платежния доставчик: нищо не се таксува и номерът не се пази.
web-testcard-number = Номер на картата
web-testcard-expiry = Валидност (месец / година)
web-testcard-month = Месец
web-testcard-year = Година
web-testcard-save = Запази картата
web-testcard-cancel = Отказ

## Subscription mails (seed 001) and Contact the store
mail-sub-link = Вашите абонаменти: { $link }
mail-sub-charged = Сума: { $amount } (поръчка { $order }).
mail-sub-nothing-due = Нищо не се дължи: покрива го вашият кредит.
mail-sub-next-charge = Следващо таксуване: { $date }.
mail-sub-trial-subject = Пробният ви период за { $product } започна
mail-sub-trial-body = Пробният ви период за { $product } ({ $plan }, потребители: { $users }) продължава до { $date }. По време на пробния период нищо не се таксува.
mail-sub-trial-buy = За да продължите да го използвате след пробния период, изберете „Купете сега“ на страницата с абонаментите си.
mail-sub-bought-subject = Благодарим ви: абонаментът ви за { $product } е закупен
mail-sub-bought-body = { $plan }, потребители: { $users }. Първият ви платен период е от { $start } до { $end }: { $amount }, поръчка { $order }.
mail-sub-users-added-subject = Добавени са потребители към абонамента ви за { $product }
mail-sub-users-added-body = Абонаментът ви за { $product } ({ $plan }) вече има { $new } потребители.
mail-sub-users-reduced-subject = Абонаментът ви за { $product } има по-малко потребители от { $date }
mail-sub-users-reduced-body = От { $date } абонаментът ви за { $product } ({ $plan }) има { $new } потребители; дотогава запазвате своите { $current } потребители.
mail-sub-plan-subject = Абонаментът ви за { $product } вече е { $plan }
mail-sub-plan-body = Абонаментът ви за { $product } вече е на план { $plan }, потребители: { $current }.
mail-sub-downgrade-subject = Абонаментът ви за { $product } преминава към { $plan } на { $date }
mail-sub-downgrade-body = Абонаментът ви за { $product } преминава към план { $plan } на { $date }; дотогава запазвате { $currentplan }.
mail-sub-cancelled-subject = Абонаментът ви за { $product } е прекратен
mail-sub-cancelled-body = Абонаментът ви за { $product } ({ $plan }) е прекратен: достъпът ви приключва на { $date }. Дотогава всичко продължава да работи и можете да възобновите абонамента от страницата с абонаментите си.
mail-sub-resumed-subject = Абонаментът ви за { $product } е възобновен
mail-sub-resumed-body = Абонаментът ви за { $product } ({ $plan }) е възобновен: подновява се както преди.
mail-sub-renewed-subject = Абонаментът ви за { $product } е подновен
mail-sub-renewed-body = Абонаментът ви за { $product } е подновен за периода от { $start } до { $end }: { $plan }, потребители: { $users }.
mail-sub-ended-subject = Абонаментът ви за { $product } приключи
mail-sub-ended-body = Абонаментът ви за { $product } ({ $plan }) приключи на { $date }: не се подновява и нищо повече не се таксува.
mail-sub-declined-subject = Картата ви беше отказана за поръчка { $order }
mail-sub-declined-body = Не успяхме да таксуваме { $amount } от картата ви за поръчка { $order } (абонаментът ви за { $product }).
mail-sub-declined-retry = Ще опитаме отново с картата на { $date }.
mail-sub-declined-last = Това беше последният опит: ако поръчката не бъде платена, абонаментът се спира.
mail-sub-declined-cards = За да платите с друга карта, добавете я в „Начини на плащане“ и я направете основна: { $link }
mail-contact-subject = { $subject } — { $company }
mail-contact-no-subject = Относно абонамент { $id }
mail-contact-intro = { $company } ({ $email }) писа относно абонамента си { $id }:
mail-contact-subscription = Абонамент: { $id } ({ $product })
mail-contact-plan = План: { $plan }
mail-contact-users = Потребители: { $users }
mail-contact-status = Състояние: { $status }
mail-contact-period = Период: { $period }
mail-contact-customer = Клиент: { $company }, { $email } (акаунт { $account })
mail-contact-trial = пробен период до { $date }
mail-contact-reply = Отговорете на това съобщение, за да отговорите на { $email }.
web-contact-title = Свържете се с магазина
web-contact-intro = Пишете на магазина относно този абонамент: данните му се изпращат със съобщението ви, а отговорът идва на вашия имейл адрес.
web-contact-subject = Тема
web-contact-message = Съобщение
web-contact-send = Изпрати
web-contact-sent = Съобщението ви е изпратено до магазина.
bo-refusal-contact-empty = Напишете съобщение, преди да го изпратите: съобщението е празно.

## Back office: subscriptions, Cancel now, the quote tool
bo-subs-nav = Абонаменти
bo-subs-title = Абонаменти
bo-subs-one = Абонамент
bo-subs-filter = Филтриране на абонаментите
bo-subs-any-status = Всеки статус
bo-subs-empty = Няма абонаменти.
bo-subs-bad-status = „{ $status }“ не е статус на абонамент: изберете от списъка.
bo-subs-days-past-due =
    { $days ->
        [one] { $days } ден закъснение
       *[other] { $days } дни закъснение
    }
bo-subs-next-attempt = следващ опит с картата на { $date }
bo-subs-suspends-on = спира се на { $date }
bo-subs-done-ended = Абонаментът е прекратен, а с него и лицензът му.
bo-subs-order-placed = Поръчка { $reference } го таксува.
bo-subs-license = Лиценз
bo-subs-dunning = Просрочено плащане
bo-subs-on-behalf = От името на клиента
bo-subs-cancel-now = Прекрати сега
bo-subs-history = Промени
bo-subs-no-changes = Все още няма промени.
bo-subs-change = Промяна
bo-subs-orders = Поръчки и фактури
bo-subs-card-charges = Плащания с карта
bo-subs-refund-by =
    { $method ->
        [card] връщат се по картата
       *[other] за връщане с банков превод
    }
bo-subs-end-what = Какво прави прекратяването днес
bo-subs-end-today = Абонаментът и лицензът му приключват днес, { $date }; неплатена поръчка за периода се анулира.
bo-subs-end-paid = Платено за текущия период: { $amount }
bo-subs-end-refund = Неизползвана част за връщане: { $amount }
bo-subs-end-give-back = Върни { $amount }
bo-subs-end-refund-admin = Само ролята администратор може да връща пари.
bo-subs-end-reason = Причина (пази се в дневника)
bo-subs-all-of-customer = Вижте ги в списъка с абонаменти
bo-refusal-subscription-ended = абонамент { $id } вече е прекратен.
bo-quote-title = Инструмент за оферти
bo-quote-intro = Изчислението на „tessera-portal billing quote“: абонамент в началото на периода, промените в него и какво таксуват.
bo-quote-changes = Промени в периода
bo-quote-kind =
    { $kind ->
        [quantity] Потребители
        [plan] План
        [interval] Период и план
        [cancel] Отказ
        [resume] Възобнови
       *[other] —
    }
bo-quote-submit = Изчисли
bo-quote-refused = Няма оферта: { $detail }
bo-quote-days =
    { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    }
bo-quote-effective = В сила от
bo-quote-due-now = Дължимо сега
bo-quote-credit = Запазен кредит
bo-quote-per =
    { $interval ->
        [year] на година
       *[other] на месец
    }
bo-quote-next = От { $date }: { $plan }, потребители: { $users }, { $total } { $per }.
bo-quote-no-next = Приключва в края на периода.
bo-subs-method =
    { $method ->
        [card] Карта
       *[other] Банков превод
    }

# Partner and reseller pools (#13 Part B)
error-insufficient-licenses = Вашият резерв има по-малко лицензи, отколкото са нужни (потребители × години); нищо не е направено. Поискайте още лицензи от партньора си или от производителя, или изберете по-малко потребители или години.

## Company administration and seats (seed 004, issue #13 Part A)
bo-events-kind-seat-bound = Лицензът е обвързан
bo-events-kind-seat-unbound = Лицензът е освободен
mail-seat-bound-subject = Вече имате достъп до { $product }
mail-seat-bound-body = { $company } ви предостави лиценз за { $product } ({ $edition }): имате достъп до него до { $ends }.
mail-seat-unbound-subject = Достъпът ви до { $product } приключи
mail-seat-unbound-body = { $company } освободи вашия лиценз за { $product } ({ $edition }): достъпът ви до него приключи.
web-seats-no-end = без крайна дата
web-seats-no-user = Няма регистриран потребител на вашата фирма с този имейл. Първо го поканете.
web-seats-taken = Междувременно този лиценз беше обвързан с друг потребител. Изберете друг свободен лиценз.
web-seats-has-one = Този потребител вече има лиценз за този срок.
web-seats-ended = Срокът на този лиценз е изтекъл: той вече не може да бъде обвързан.
web-seats-not-bound = Този лиценз не е обвързан с никого.
web-seats-bad-email = Това не е имейл адрес.
web-seats-has-account = Този адрес вече има профил.
web-seats-admins-only = Само администраторите на фирмата управляват нейните лицензи.
web-nav-company = Администриране на фирмата
web-company-title = Администриране на фирмата
web-company-users = Потребители на фирмата
web-company-user-email = Имейл
web-company-user-role = Роля
web-company-user-registered = Регистриран
web-company-role-name =
    { $role ->
        [admin] Администратор
       *[user] Потребител
    }
web-company-yes = Да
web-company-no = Изпратена покана
web-company-invite = Покани
web-company-invite-email = Имейл на потребителя за покана
web-company-invited = Изпратена е покана до { $email }.
web-company-subscriptions-link = Управление на абонамента
web-seats-title = Управление на абонамента
web-seats-intro = Всеки ред е един потребителски лиценз. Потребителите трябва да са регистрирани с въведения имейл. Нов срок означава нови лицензи: обвържете ги отново.
web-seats-empty = Няма съвпадащи лицензи.
web-seat-product = Продукт
web-seat-edition = Издание
web-seat-order = Поръчка
web-seat-start = Начало
web-seat-end = Край
web-seat-status = Статус
web-seat-user = Обвързан с потребител с имейл
web-seat-status-name =
    { $status ->
        [free] Свободен
        [bound] Обвързан
        [not_started] Не е започнал
       *[expired] Изтекъл
    }
web-seats-filter-product = Вид продукт
web-seats-filter-status = Статус
web-seats-all = Всички
web-seats-search = Търсене
web-seats-apply = Филтрирай
web-seats-email = Имейл на потребителя
web-seats-bind = Обвържи
web-seats-unbind = Освободи
web-seats-bound-done = Лицензът е обвързан с { $email }.
web-seats-unbound-done = Лицензът е освободен: може да бъде даден на друг.
web-seats-carry = Обвържи същите потребители като в предишния срок
web-seats-carry-binds = Ще бъдат обвързани: { $emails }
web-seats-carry-skips = Пропуснати (вече не са във фирмата или няма свободен лиценз): { $emails }
web-seats-carry-none = Никой от предишния срок не може да бъде обвързан отново.
web-seats-carry-done = { $count ->
        [one] Един потребител е обвързан отново.
       *[other] { $count } потребители са обвързани отново.
    }

## Company administration: the trail Cabinet › Company administration › Subscription management
web-cabinet = Кабинет
web-breadcrumb = Вие сте тук

## Partner API: renewal reminders of clients' terms (#13 Part B)
mail-client-ending-subject = Срокът за { $product } на вашия клиент { $client } изтича на { $date }
mail-client-ending-body = Срокът на вашия клиент { $client } ({ $product }, { $users } потребители) изтича на { $date }, { $days ->
    [one] утре
   *[other] след { $days } дни
}. Все още не е подновен.
mail-client-ending-renew = Не се подновява автоматично: подновете го от вашия резерв от лицензо-години в партньорската конзола или чрез Partner API (POST /api/v1/partner/clients/{ $client_id }/renewals).
mail-client-ending-company-subject = Вашите лицензи за { $product } изтичат на { $date }
mail-client-ending-company-body = Лицензите за { $product } на вашата фирма ({ $users } потребители) изтичат на { $date }, { $days ->
    [one] утре
   *[other] след { $days } дни
}.
mail-client-ending-company-renew = Не се подновяват автоматично: за да продължите да използвате { $product } след тази дата, помолете { $seller }, който ви ги предоставя, да ги поднови.

# Partner console /partner (#13 Part B, seed 003)
partner-title = Конзола за партньори
partner-nav-dashboard = Табло
partner-nav-clients = Списък с клиенти
partner-nav-renewals = Клиенти за подновяване
partner-nav-pool = Лицензи
partner-sign-in-title = Вход в конзолата за партньори
partner-sign-in-intro = За партньори и дистрибутори: подновявайте клиентите си и следете лицензите си.
partner-figure-to-renew = Брой фирми за подновяване
partner-view = Преглед
partner-figure-pool = Оставащи лицензо-години: { $product }
partner-pool-empty = Във вашия фонд още няма лицензи. Поискайте от партньора си или от производителя.
partner-create-client = Нов клиент
partner-legend = Легенда
partner-standing-renewed = Подновен
partner-standing-ended = Изтекъл
partner-standing-ending = Изтича скоро
partner-standing-not-started = Не е започнал
partner-standing-active = Действащ
partner-standing-none = Без абонамент
partner-legend-renewed = подновен: краят на текущия абонамент остава показан
partner-legend-ended = крайната дата на абонамента е минала
partner-legend-ending = абонаментът изтича след по-малко от 3 месеца
partner-legend-not-started = абонаментът още не е започнал
partner-created = Клиентът { $name } е създаден.
partner-export-csv = Експорт (CSV)
partner-clients-empty = Още нямате клиенти.
partner-col-client = Име на клиента
partner-col-subscription = Абонамент
partner-col-reseller = Име на дистрибутора
partner-col-start = Начална дата
partner-col-end = Крайна дата
partner-col-users = Потребители
partner-col-standing = Състояние
partner-col-duration = Продължителност (години)
partner-col-to-renew = За подновяване
partner-col-select = Избор
partner-renewed-until = подновен до { $date }
partner-renew = Поднови
partner-renewals-intro = Клиенти, чийто абонамент е изтекъл или изтича до 3 месеца и още не е подновен. Един лиценз е един потребител за една година.
partner-renewals-empty = Няма клиенти за подновяване.
partner-select-client = Избор на { $name }
partner-bulk-renew = Поднови избраните
partner-renewed = { $name } е подновен.
partner-bulk-renewed = Подновени клиенти: { $count }.
partner-bulk-none = Изберете поне един клиент и от 1 до 100 години.
partner-bulk-title = Подновяване на избраните клиенти
partner-bulk-total = Нужни лицензи
partner-renew-title = Подновяване на { $name }
partner-dialog-current-end = текущият абонамент изтича на { $date }
partner-dialog-available = Лицензи, които { $seller } още може да разпредели
partner-dialog-years = Брой години на подновяване
partner-dialog-assigned = Потребителски лицензи за { $client }
partner-dialog-the-client = клиента
partner-dialog-needed = Използвани лицензи (потребители × години)
partner-dialog-remaining = Оставащи лицензи след подновяването
partner-dialog-term = Нов абонамент
partner-dialog-recalculate = Преизчисли
partner-dialog-ok = OK
partner-dialog-cancel = Отказ
partner-dialog-numbers = Въведете цели числа: поне 1 потребител и от 1 до 100 години.
partner-dialog-name-needed = Въведете името на клиента.
partner-transferred = Лицензите са прехвърлени на дистрибутора.
partner-transfer-amount = Въведете цял брой лицензо-години, поне 1.
partner-pool-balances = Оставащи лицензи
partner-pool-balance = Лицензо-години
partner-transfer-title = Прехвърляне на лицензи към дистрибутор
partner-transfer-amount-label = Лицензо-години
partner-transfer = Прехвърли
partner-ledger-title = Движения
partner-ledger-empty = Още няма движения.
partner-ledger-date = Дата
partner-ledger-kind = Движение
partner-ledger-amount = Лицензо-години
partner-ledger-grant = Отпуснати от производителя
partner-ledger-transfer = Прехвърляне
partner-ledger-allocate = Разпределени към клиент
partner-ledger-return = Върнати

## Named-user activation (issue #13): the company account's sign-in in the app and the CLI

error-user-sign-in-failed = Имейл адресът или паролата не са верни. Използвайте имейл адреса и паролата на фирмения си акаунт в клиентския портал.
error-no-seat = Към фирмения ви акаунт не е свързан лиценз за { $product }. Помолете администратора на фирмата да ви свърже лиценз.
error-seat-not-started = Лицензът ви за { $product } започва на { $date }. Активирайте отново от този ден.
error-user-too-many-machines =
    { $machines ->
        [one] Лицензът ви се използва на { $machines } компютър — толкова, колкото позволява. Деактивирайте го там, след това активирайте тук.
       *[other] Лицензът ви се използва на { $machines } компютъра — толкова, колкото позволява. Деактивирайте го на един от тях, след това активирайте тук.
    }
state-revoked-unbound-message = Администраторът на фирмата ви прекрати достъпа ви до { $product } — помолете го да ви свърже лиценз.
activate-user-title = Вход с фирмения ви акаунт
activate-user-hint = Ако администраторът на фирмата ви е свързал лиценз с вас, влезте с имейл адреса и паролата на акаунта си в клиентския портал.
activate-user-email = Имейл адрес
activate-user-password = Парола
activate-user-button = Вход и активиране
dashboard-user = Свързан с потребител
cli-password-prompt = Парола за { $email }:

## Partner console: people, forgotten password
partner-nav-people = Хора
partner-people-intro = Всички, които влизат в тази конзола за { $organisation }.
partner-people-list = Хора с достъп
partner-people-since = От
partner-people-actions = Действия
partner-people-you = вие
partner-people-active = Може да влиза
partner-people-invited = Поканен
partner-people-disabled = Деактивиран
partner-people-disable = Деактивирай
partner-people-disable-who = Деактивирай { $email }
partner-people-invite = Поканете колега
partner-people-invite-send = Изпрати поканата
partner-people-invited-notice = { $email } е поканен: съобщение с връзка за задаване на парола е на път.
partner-people-disabled-notice = { $email } вече не може да влиза.
partner-people-bad-email = Въведете валиден имейл адрес.
partner-people-taken = Този имейл адрес вече има акаунт в партньорската конзола.
partner-people-yourself = Не можете да деактивирате собствения си акаунт. Помолете колега.
partner-mail-invite-subject = Вашият акаунт в партньорската конзола на Tessera
partner-mail-invite-body =
    Здравейте,

    За вас е открит акаунт в партньорската конзола на Tessera, където подновявате клиентите си и следите лицензите си. Отворете тази връзка до един ден, за да изберете парола:

    { $link }

    Връзката работи веднъж. След това влизайте с имейл адреса си и тази парола.
partner-mail-reset-subject = Нова парола за партньорската конзола на Tessera
partner-mail-reset-body =
    Здравейте,

    Някой, вероятно вие, поиска нова парола за акаунта ви в партньорската конзола на Tessera. Отворете тази връзка до един час, за да я изберете:

    { $link }

    Връзката работи веднъж. Ако не сте я поискали, пренебрегнете това съобщение: паролата ви остава същата.
mail-client-ending-reseller = { $client } е клиент на вашия дистрибутор { $seller }, който го подновява; можете да го подновите и вие.
## Client companies that are customers (#13 Part B, client company administrator)
error-not-company-admin = Акаунтът с този имейл е потребител на своята фирма, а не неин администратор: посочете администратора на фирмата.
error-client-already-linked = Тази фирма вече е свързана с клиент на партньор или дистрибутор: една фирма е клиент само на един продавач. Попитайте производителя, ако е сменила продавача си.
error-client-has-admin = Този клиент вече е свързан със своята фирма, с друг администратор. Администраторът на фирмата кани потребителите ѝ в клиентския портал.
bo-events-kind-client-linked = Клиент, свързан със своята фирма
partner-col-admin = Администратор на фирмата
partner-admin-action = Посочете…
partner-admin-title = Администратор на фирмата { $name }
partner-admin-intro = Администраторът на клиентската фирма в клиентския портал: администраторът на съществуваща фирма свързва клиента с нея; нов имейл създава фирмата и кани нейния администратор. Лицензите на клиента стават потребителски лицензи на фирмата.
partner-admin-email = Имейл на администратора
partner-admin-email-optional = Имейл на администратора на фирмата (по желание)
partner-admin-linked = { $name } е свързан със своята фирма: лицензите му са потребителските лицензи на фирмата.
partner-admin-invited = { $name } вече е клиентска фирма: администраторът ѝ получи покана за регистрация.
mail-client-linked-subject = { $seller } вече управлява лицензи за { $company }
mail-client-linked-body = { $seller } ви посочи като администратор на { $company } за лицензите, които купува за своя клиент { $client }. Периодите му се показват като потребителски лицензи в Администриране на фирмата → Управление на абонаментите в клиентския портал, където ги свързвате с потребителите си.
mail-client-linked-object = Ако { $seller } не продава на вашата фирма, отговорете на това писмо.
## Named users' one-time codes and messages with their details (issue #13, helper H2)

error-user-code-wrong = Този код не е верен. Проверете го в последния имейл от портала или поискайте нов код.
error-user-code-expired = Този код вече не може да се използва: кодът важи веднъж, за { $minutes } минути, и позволява няколко опита. Поискайте нов код.
mail-user-code-subject = Вашият еднократен код за активиране на компютър
mail-user-code-intro = За да активирате програмата с фирмения си акаунт ({ $email }) без парола, въведете този код:
mail-user-code-expiry = Кодът важи веднъж, за { $minutes } минути. Ако не сте го поискали, не обръщайте внимание на този имейл: никой не може да използва акаунта ви без него.
activate-user-code-link = Изпратете ми код по имейл
activate-user-password-link = Използвам паролата си
activate-user-code-send = Изпратете ми код
activate-user-code-sent = Ако { $email } принадлежи на фирмен акаунт, кодът е на път. Важи { $minutes } минути.
activate-user-code = Код от имейла
activate-user-code-button = Активиране с кода
cli-code-sent = Ако { $email } принадлежи на фирмен акаунт, кодът е на път; важи { $minutes } минути.
cli-code-prompt = Код от имейла:
error-expired-on = Този лиценз изтече на { $date }. Помолете този, който управлява лицензите ви, да го поднови.
web-seat-from-seller = чрез { $seller }
