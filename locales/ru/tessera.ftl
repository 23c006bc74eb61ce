### Tessera — русский. Те же идентификаторы и те же переменные, что и в английском каталоге (locales/en/tessera.ftl).

## Приложение и навигация

app-title = Tessera License Manager
nav-license = Лицензия
nav-activate = Активация
nav-offline = Офлайн-активация
nav-portal = Портал клиента
nav-settings = Настройки
nav-diagnostics = Диагностика

## Общие слова для нескольких экранов

common-ok = ОК
common-cancel = Отмена
app-cancelled = Отменено. На этом компьютере ничего не сохранено.
common-yes = Да
common-no = Нет
common-never = Никогда
common-copy = Копировать
common-copied = Скопировано

## Экран активации

activate-title = Активируйте лицензию
activate-key-label = Ключ активации
activate-key-placeholder = Вставьте сюда ключ активации
activate-key-hint = Ключ активации указан в письме с подтверждением заказа и на портале клиента.
activate-button = Активировать лицензию
activate-offline-link = Активировать офлайн
activate-progress = Активация…
activate-success = Ваша лицензия активирована.
activate-replace-title = Заменить лицензию на этом компьютере?
activate-replace-message = На этом компьютере уже есть лицензия { $serial }. Активация этого ключа заменит её: место { $serial } сначала вернётся порталу, чтобы его можно было использовать на другом компьютере. Без интернета сначала деактивируйте её офлайн.
activate-replace-confirm = Заменить лицензию
activate-already = Этот компьютер уже активирован этим ключом (лицензия { $serial }). Ничего не изменено.

## Сведения о лицензии

dashboard-title = Ваша лицензия
dashboard-status = Состояние
dashboard-product = Продукт
dashboard-edition = Редакция
dashboard-users = Пользователи
dashboard-serial = Серийный номер
dashboard-computer = Компьютер
dashboard-order = Номер заказа
dashboard-support-until = Поддержка до
dashboard-expires = Действует до
dashboard-subscription = Подписка
dashboard-subscription-renews = Продлевается { $date }
dashboard-subscription-cancelled = Заканчивается { $date } (отменена)
dashboard-subscription-trial = Пробный период заканчивается { $date }
dashboard-last-sync = Последняя синхронизация
dashboard-fingerprint = Отпечаток
dashboard-headline = Лицензия { $customer }: { $product }
dashboard-headline-perpetual = Лицензия { $customer }: { $product }, бессрочная
dashboard-headline-days =
    { $days ->
        [one] Лицензия { $customer }: { $product }, остался { $days } день
        [few] Лицензия { $customer }: { $product }, осталось { $days } дня
       *[many] Лицензия { $customer }: { $product }, осталось { $days } дней
    }
dashboard-support-contact = Поддержка
dashboard-renew-at = Продление на
dashboard-status-reason = Причина, указанная поставщиком

## Обновление

refresh-button = Обновить лицензию
refresh-progress = Обновление…
refresh-success = Лицензия синхронизирована с порталом лицензирования
refresh-success-state = Лицензия синхронизирована с лицензионным порталом. Её состояние сейчас: { $state }.
refresh-failed = Не удалось синхронизировать: { $reason }

## Офлайн-активация: файлом или установочным и регистрационным ключами

offline-title = Офлайн-активация
offline-intro = На этом компьютере нет интернета? Активируйте его с помощью другого компьютера, подключённого к интернету.
offline-steps = Сохраните файл запроса и перенесите его на компьютер с доступом к интернету; загрузите его на странице «Офлайн-активация» портала клиента; верните сюда файл ответа.
offline-export-button = Экспортировать запрос на активацию
offline-export-help = Сохраняет файл запроса, подписанный этим компьютером. В нём есть ваш ключ активации, имя и отпечаток этого компьютера; он действителен только для этого компьютера.
offline-export-done = Файл запроса сохранён в { $path }.
offline-import-button = Импортировать файл ответа
offline-import-help = Выберите файл ответа, скачанный с портала клиента. Он подходит только к запросу, экспортированному с этого компьютера.
offline-import-done = Файл ответа импортирован. Ваша лицензия активирована.
offline-installation-key-button = Показать установочный ключ
offline-installation-key-label = Установочный ключ
offline-installation-key-help = Не получается перенести файлы? Скопируйте этот установочный ключ и введите его на странице «Генерация ключей» портала клиента или отправьте его поставщику. В ответ вы получите регистрационный ключ.
offline-registration-key-button = Ввести регистрационный ключ
offline-registration-key-label = Регистрационный ключ
offline-registration-key-help = Введите или вставьте регистрационный ключ, полученный для установочного ключа этого компьютера, и подтвердите.

## Деактивация и перенос на другой компьютер

deactivate-title = Деактивация или перенос
deactivate-button = Деактивировать этот компьютер
deactivate-confirm = Деактивировать этот компьютер? Лицензия перестанет здесь работать, а её место освободится, и вы сможете активировать другой компьютер тем же ключом активации.
deactivate-offline-button = Создать квитанцию о деактивации
deactivate-offline-help = Нет подключения к интернету? Лицензия сразу удаляется с этого компьютера, и сохраняется файл квитанции. Загрузите квитанцию на портал клиента, чтобы освободить место.
deactivate-done = Этот компьютер деактивирован.

## Портал клиента: вход, лицензии и поддержка

portal-title = Портал клиента
portal-intro = Войдите, указав адрес электронной почты, который вы использовали при покупке, и один из номеров ваших заказов, чтобы увидеть свои лицензии, поддержку и ключ активации.
portal-email = E-mail
portal-email-placeholder = Введите адрес электронной почты
portal-order = Номер заказа
portal-order-hint = Он указан в письме с подтверждением заказа. Подойдёт любой из номеров ваших заказов.
portal-sign-in = Войти
portal-sign-out = Выйти
portal-signed-in-as = Вы вошли как { $email }
portal-activation-key = Ваш ключ активации: { $key }
portal-previous = Предыдущая
portal-next = Следующая
portal-licenses = Лицензии
licenses-application = Приложение
licenses-serial-computer = Серийный номер / Компьютер
licenses-days = Дни
licenses-users = Пользователи
licenses-edition = Редакция
licenses-order = Номер заказа
licenses-date = Дата
licenses-support = Поддержка?
licenses-support-view = Просмотр
licenses-details = Подробнее
licenses-empty = Лицензий пока нет.
portal-supports = Поддержка
supports-application = Приложение
supports-serial = Серийный номер
supports-users = Пользователи
supports-edition = Редакция
supports-order = Номер заказа
supports-date = Дата
supports-duration = Срок (лет)
supports-empty = Договоров поддержки пока нет.

## Настройки

settings-title = Настройки
settings-portal-url = Адрес портала (URL)
settings-proxy = Прокси-сервер
settings-proxy-none = Без прокси
settings-proxy-system = Системные настройки прокси
settings-proxy-manual = Указать вручную
settings-proxy-url = Адрес прокси (URL)
settings-proxy-user = Имя пользователя прокси
settings-proxy-password = Пароль прокси
settings-language = Язык
settings-auto-refresh = Автоматическое обновление
settings-auto-refresh-every =
    { $hours ->
        [1] Каждый час
        [one] Каждый { $hours } час
        [few] Каждые { $hours } часа
       *[many] Каждые { $hours } часов
    }
settings-auto-refresh-every-days =
    { $days ->
        [1] Каждый день
        [one] Каждый { $days } день
        [few] Каждые { $days } дня
       *[many] Каждые { $days } дней
    }
settings-auto-refresh-off = Выключено
settings-save = Сохранить
settings-saved = Сохранено
settings-credential-store = Место хранения учётных данных: { $store }
credential-store-keyring = системная связка ключей
credential-store-file = зашифрованный файл ({ $path })

## Диагностика

diagnostics-title = Диагностика
diagnostics-export = Экспортировать диагностику
diagnostics-description = Сохраняет отчёт для службы поддержки поставщика: версию программы, настройки, состояние лицензии и компоненты отпечатка. Ключей активации и паролей в нём нет.
diagnostics-saved = Диагностический отчёт сохранён в { $path }.

## Команда tessera

cli-license-state = Лицензия: { $state }
cli-activated = Активировано на этом компьютере.
cli-activate-replace-hint = Чтобы заменить её, выполните: tessera activate КЛЮЧ --replace
cli-deactivated = Деактивировано.
cli-request-written = Запрос записан в { $path }
cli-receipt-written = Квитанция о деактивации записана в { $path }
cli-response-imported = Ответ импортирован.
cli-signed-in = Вы вошли как { $email }.
cli-signed-out = Вы вышли.
cli-credential-store = Место хранения учётных данных: { $store }

## Состояния лицензии: краткое название и что делать дальше

state-not-activated = Не активирована
state-not-activated-message = На этом компьютере ещё нет лицензии. Введите ключ активации, чтобы активировать его.
state-valid = Действительна
state-valid-message = Ваша лицензия действительна.
state-valid-until-message = Ваша лицензия действительна до { $date }.
state-grace = Льготный период
state-grace-message = Ваша лицензия давно не синхронизировалась с порталом лицензирования. Подключитесь к интернету и нажмите «Обновить».
state-grace-until-message = Ваша лицензия давно не синхронизировалась с порталом лицензирования. Она будет работать до { $date }: подключитесь к интернету и нажмите «Обновить».
state-expired = Истекла
state-expired-term-ended-message = Срок действия вашей лицензии истёк { $date }. Продлите её на портале клиента, затем нажмите «Обновить».
state-expired-refresh-overdue-message = Ваша лицензия не синхронизировалась с порталом лицензирования с { $date }. Подключитесь к интернету и нажмите «Обновить» или активируйте её офлайн.
state-suspended = Приостановлена
state-suspended-message = Действие вашей лицензии приостановлено поставщиком. Обратитесь к поставщику или реселлеру; когда вопрос будет решён, нажмите «Обновить».
state-revoked = Отозвана
state-revoked-message = Ваша лицензия отозвана поставщиком. Обратитесь к поставщику или реселлеру.
state-fingerprint-mismatch = Другой компьютер
state-fingerprint-mismatch-message = Эта лицензия привязана к другому компьютеру (изменения: { $changed }). Если вы заменили этот компьютер или его оборудование, деактивируйте лицензию на старом компьютере или попросите поставщика перенести её, затем активируйте снова.
state-clock-tampered = Часы переведены назад
state-clock-tampered-message = Часы этого компьютера показывают время раньше { $date } — момента, который компьютер уже видел. Исправьте дату и время, затем подключитесь к порталу, чтобы подтвердить время: нажмите «Обновить».
state-time-unconfirmed = Время не подтверждено
state-time-unconfirmed-message = Запись этого компьютера о времени последней проверки лицензии отсутствует или была изменена. Подключитесь к порталу, чтобы подтвердить время, прежде чем использовать лицензию: нажмите «Обновить».
state-registered = Зарегистрирован
state-registered-until-message =
    { $seats ->
        [one] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочее место, до { $date }.
        [few] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочих места, до { $date }.
       *[many] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочих мест, до { $date }.
    }
state-registered-message =
    { $seats ->
        [one] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочее место, без даты окончания.
        [few] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочих места, без даты окончания.
       *[many] Этот компьютер зарегистрирован регистрационным ключом на { $seats } рабочих мест, без даты окончания.
    }
state-invalid = Недействительна
state-invalid-message = Файл лицензии на этом компьютере нельзя использовать (ошибка { $code }). Активируйте этот компьютер заново или обратитесь в службу поддержки поставщика и сообщите код ошибки.

## Компоненты отпечатка, как они звучат внутри предложения

component-machine-id = идентификатор машины
component-hostname = имя компьютера
component-mac = сетевой адаптер
component-cpu = процессор
component-os = операционная система

## Ошибки ключей и файлов (tessera-core)

error-code-empty =
    { $kind ->
        [installation-key] Введите установочный ключ.
        [registration-key] Введите регистрационный ключ.
       *[activation-key] Введите ключ активации.
    }
error-code-length =
    { $kind ->
        [installation-key] В установочном ключе
        [registration-key] В регистрационном ключе
       *[activation-key] В ключе активации
    } должно быть { $expected } { $expected ->
        [one] символ
        [few] символа
       *[many] символов
    }, а введено { $found }. Проверьте, что скопировали его полностью.
error-code-character =
    { $kind ->
        [installation-key] Установочный ключ
        [registration-key] Регистрационный ключ
       *[activation-key] Ключ активации
    } не может содержать «{ $character }» (символ № { $position }). Ключи состоят из цифр и латинских букв от A до Z, кроме I, L, O и U.
error-code-checksum =
    { $kind ->
        [installation-key] В установочном ключе
        [registration-key] В регистрационном ключе
       *[activation-key] В ключе активации
    } опечатка. Сравните его посимвольно с полученным.
error-code-unsupported =
    { $kind ->
        [installation-key] Этот установочный ключ
        [registration-key] Этот регистрационный ключ
       *[activation-key] Этот ключ активации
    } создан для более новой версии программы. Обновите программу.
error-file-not-armoured =
    { $kind ->
        [activation-request] Это не файл запроса на активацию Tessera
        [activation-response] Это не файл ответа на активацию Tessera
        [deactivation-receipt] Это не квитанция о деактивации Tessera
       *[license] Это не файл лицензии Tessera
    }: первой строкой должна быть -----BEGIN { $label }-----.
error-file-wrong-kind =
    Это { $found_kind ->
        [activation-request] файл запроса на активацию
        [activation-response] файл ответа на активацию
        [deactivation-receipt] квитанция о деактивации
       *[license] файл лицензии
    }, а не { $expected_kind ->
        [activation-request] файл запроса на активацию
        [activation-response] файл ответа на активацию
        [deactivation-receipt] квитанция о деактивации
       *[license] файл лицензии
    }.
error-file-damaged =
    { $kind ->
        [activation-request] Файл запроса на активацию повреждён или неполон
        [activation-response] Файл ответа на активацию повреждён или неполон
        [deactivation-receipt] Квитанция о деактивации повреждена или неполна
       *[license] Файл лицензии повреждён или неполон
    } ({ $detail }). Скачайте или экспортируйте новую копию.
error-file-unsupported-version =
    { $kind ->
        [activation-request] Этот файл запроса на активацию
        [activation-response] Этот файл ответа на активацию
        [deactivation-receipt] Эта квитанция о деактивации
       *[license] Этот файл лицензии
    } использует версию формата { $version }, которую эта программа не знает. Обновите программу.
error-file-unsupported-algorithm =
    { $kind ->
        [activation-request] Этот файл запроса на активацию подписан
        [activation-response] Этот файл ответа на активацию подписан
        [deactivation-receipt] Эта квитанция о деактивации подписана
       *[license] Этот файл лицензии подписан
    } алгоритмом «{ $algorithm }», который эта программа не принимает.
error-unknown-signing-key =
    Подпись { $what ->
        [license] файла лицензии
        [activation-request] файла запроса на активацию
        [activation-response] файла ответа на активацию
        [deactivation-receipt] квитанции о деактивации
        [registration-key] регистрационного ключа
        [portal-response] ответа портала
        [machine-call] запроса с этого компьютера
       *[other] файла
    } сделана ключом, которому эта программа не доверяет (идентификатор ключа { $kid }). Убедитесь, что документ получен с портала вашего поставщика, или обновите программу.
error-bad-signature =
    Подпись { $what ->
        [license] файла лицензии
        [activation-request] файла запроса на активацию
        [activation-response] файла ответа на активацию
        [deactivation-receipt] квитанции о деактивации
        [registration-key] регистрационного ключа
        [portal-response] ответа портала
        [machine-call] запроса с этого компьютера
       *[other] файла
    } не совпадает: содержимое изменено или повреждено. Скачайте или экспортируйте новую копию.
error-response-mismatch = Этот ответ относится к другому запросу на активацию или к другому компьютеру. Экспортируйте новый файл запроса с этого компьютера и загрузите его на портал.
error-product-mismatch = Эта лицензия выдана для продукта { $found }, а не для продукта { $expected }.
error-machine-id-unavailable = У этого компьютера нет идентификатора машины, поэтому к нему нельзя привязать лицензию ({ $detail }). В Linux выполните «systemd-machine-id-setup» от имени администратора.
error-invalid-signing-key = Ключ не является действительным ключом Tessera ({ $detail }).
error-randomness-unavailable = Генератор случайных чисел операционной системы недоступен ({ $detail }). Перезагрузите компьютер и повторите попытку.

## Ошибки, которые возвращает портал лицензирования

error-bad-request = Портал не смог принять этот запрос ({ $detail }). Обновите программу; если это не поможет, обратитесь в службу поддержки поставщика.
error-unauthenticated = Войдите снова: сеанс отсутствует или истёк.
error-sign-in-failed = Клиент с таким адресом электронной почты и номером заказа не найден. Сверьте оба значения с подтверждением заказа.
error-machine-signature-invalid = Этот запрос не подписан ключом, который этот компьютер зарегистрировал при активации. Активируйте этот компьютер заново.
error-key-not-found = Этот ключ активации не подходит для этого продукта. Проверьте ключ в подтверждении заказа или на портале клиента.
error-not-found = Не найдено.
error-not-activated = Этот компьютер не активирован для этой лицензии. Активируйте его с помощью ключа активации.
error-suspended = Действие этой лицензии приостановлено. Обратитесь к поставщику или реселлеру.
error-revoked = Эта лицензия отозвана. Обратитесь к поставщику или реселлеру.
error-expired = Срок действия этой лицензии истёк. Продлите её на портале клиента.
error-too-many-machines =
    { $seats ->
        [1] Единственное место этой лицензии уже занято. Деактивируйте другой компьютер или купите дополнительные места.
       *[other] Все места этой лицензии заняты ({ $seats } из { $seats }). Деактивируйте другой компьютер или купите дополнительные места.
    }
error-replayed = Этот запрос или квитанция уже использовались. Создайте новый.
error-stale-request = Часы этого компьютера слишком сильно расходятся с часами портала. Исправьте дату и время и повторите попытку.
error-not-entitled = Ваша лицензия этого не предусматривает ({ $detail }). Проверьте лицензию на портале клиента или обратитесь к поставщику.
error-not-paid = Заказ { $order } ожидает оплаты: его лицензии начинают действовать, когда оплата будет учтена. Активируйте снова, когда получите подтверждение оплаты.
error-amount-mismatch = Платёж не совпадает с суммой заказа ({ $detail }). Учтите всю сумму, когда она поступит полностью.
error-already-paid = Этот заказ уже оплачен другим платежом ({ $detail }).
error-payment-conflict = Этот платёж нельзя учесть для этого заказа ({ $detail }).
error-wrong-order-status = Это изменение не применимо к заказу в его текущем состоянии ({ $detail }).
error-changed-meanwhile = Тем временем это было изменено, в другом окне или кем-то другим; ничего не сделано. Посмотрите ещё раз и повторите изменение ({ $detail }).
error-payment-declined = Платёж не прошёл: { $detail }
error-provider-unavailable = Платёж не удалось провести: { $detail }
error-token-invalid = Для этого вызова нужен действующий API-токен поставщика. Создайте его командой tessera-portal admin api-token create.
error-scope-missing = Этому API-токену это не разрешено: у него нет области { $scope }. Создайте токен с этой областью.
error-method-not-allowed = Портал не принимает такой запрос по этому адресу. Обновите программу или проверьте адрес портала в настройках.
error-payload-too-large = Запрос слишком большой.
error-headers-too-large = Заголовки запроса слишком велики для портала. Удалите cookie или заголовки, добавленные прокси, и повторите попытку.
error-rate-limited =
    { $seconds ->
        [one] Слишком много попыток. Подождите { $seconds } секунду и повторите попытку.
        [few] Слишком много попыток. Подождите { $seconds } секунды и повторите попытку.
       *[many] Слишком много попыток. Подождите { $seconds } секунд и повторите попытку.
    }
error-internal = На портале что-то пошло не так. Повторите попытку позже.

## Ошибки этой программы (License Manager и команда tessera)

error-network-unreachable = Не удаётся связаться с порталом лицензирования. Проверьте подключение к интернету и повторите попытку; без интернета активируйте лицензию офлайн.
error-proxy-failed = Прокси-сервер отклонил или прервал соединение. Проверьте адрес прокси, имя пользователя и пароль в настройках.
error-tls-failed = Не удалось установить защищённое соединение с порталом лицензирования. Проверьте дату и время на компьютере; причиной также может быть прокси или антивирус, проверяющий защищённые соединения.
error-portal-timeout = Портал лицензирования не ответил вовремя. Повторите попытку через несколько минут.
error-portal-not-genuine = Ответ не подписан порталом лицензирования вашего поставщика, поэтому он отклонён. Проверьте адрес портала в настройках и убедитесь, что прокси не изменяет трафик.
error-not-a-portal = По этому адресу отвечает не лицензионный портал Tessera (HTTP { $status }). Проверьте адрес портала.
error-already-activated = Этот компьютер уже активирован этим ключом активации (лицензия { $serial }). Чтобы синхронизировать его с порталом, обновите.
error-license-held = На этом компьютере уже есть лицензия { $serial }. При замене её место сначала возвращается порталу.
error-unexpected-answer = Портал лицензирования вернул ответ, который эта программа не понимает. Проверьте адрес портала в настройках или обновите программу.
error-state-corrupt = Данные лицензии, сохранённые на этом компьютере, повреждены. Нажмите «Обновить» или активируйте лицензию заново с помощью ключа активации.
error-storage-failed = Не удалось сохранить данные лицензии на этом компьютере. Проверьте свободное место на диске и права доступа к папке данных программы.
error-credential-store-failed = Не удалось воспользоваться хранилищем учётных данных. Разблокируйте системную связку ключей или проверьте права доступа к папке данных программы, затем повторите попытку.
error-no-pending-request = На этом компьютере нет запроса на активацию, ожидающего ответа. Сначала экспортируйте запрос на активацию, затем импортируйте ответ на него.
error-invalid-setting = Одна из настроек указана неверно. Откройте «Настройки» и исправьте отмеченное значение.
error-not-signed-in = Вы не вошли на портал клиента. Войдите, указав адрес электронной почты и один из номеров ваших заказов.
error-file-unreadable = Не удаётся прочитать файл { $path } ({ $detail }).

## Экраны License Manager: другие слова настольного приложения

app-version = Версия { $version }
app-main-navigation = Основная навигация
app-loading = Загрузка…
app-try-again = Повторить
app-open-failed = License Manager не может открыть данные лицензии этого компьютера.
app-settings-set-aside = Файл настроек был повреждён. Он сохранён как { $path }, и используются настройки по умолчанию: проверьте их в разделе «Настройки».
app-auto-refresh-failed = Автоматическое обновление не удалось: { $reason }
app-save-file = Сохранить в файл…
app-open-file = Открыть файл…
app-file-saved = Сохранено в { $path }
app-file-save-failed = Не удалось сохранить файл ({ $detail }).
app-file-open-failed = Не удалось прочитать файл ({ $detail }).
app-file-too-large = Этот файл слишком велик для ответа на запрос активации. Выберите файл ответа, загруженный с клиентского портала.
dashboard-customer = Клиент
dashboard-perpetual = Бессрочная
dashboard-no-support = Без поддержки
dashboard-pending-request = Запрос на активацию, экспортированный с этого компьютера, ожидает ответа.
dashboard-continue-offline = Импортировать ответ
dashboard-registered = Этот компьютер зарегистрирован с помощью регистрационного ключа.
deactivate-offline-confirm = Удалить лицензию с этого компьютера сейчас и создать квитанцию о деактивации? Лицензия сразу перестанет здесь работать.
deactivate-receipt-label = Квитанция о деактивации
deactivate-receipt-ready = Лицензия удалена с этого компьютера. Сохраните или скопируйте эту квитанцию и загрузите её на клиентский портал, чтобы освободить рабочее место.
offline-files-title = С помощью файлов
offline-keys-title = С помощью ключа установки и регистрационного ключа
offline-step-request = 1. Экспортируйте запрос на активацию
offline-step-response = 2. Импортируйте ответ
offline-request-label = Запрос на активацию
offline-response-label = Ответ на запрос активации
offline-response-placeholder = Вставьте сюда текст ответа или откройте файл ответа.
offline-import-pasted = Импортировать ответ
offline-pending = С этого компьютера экспортирован запрос на активацию, он ожидает ответа.
offline-seats-label = Рабочие места
offline-registration-done = Регистрационный ключ принят.
portal-page = Страница { $page } из { $pages }
licenses-machines = Используемые компьютеры
settings-portal-url-hint = Адрес портала лицензий вашего поставщика.
settings-portal-url-invalid = Адрес должен начинаться с https:// или http://.
settings-proxy-url-invalid = Адрес прокси-сервера должен начинаться с http://, https:// или socks5://.
settings-proxy-password-hint = Хранится в хранилище учётных данных. Оставьте поле пустым, чтобы сохранить записанный пароль.
diagnostics-report-label = Отчёт

## Веб-страницы клиентского портала (crates/portal/templates)

web-skip-to-content = Перейти к содержимому
web-nav-home = Главная
web-nav-orders = Заказы
web-language = Язык
web-actions = Действия
web-back-home = На главную страницу
web-not-found-title = Страница не найдена
web-not-found = Такой страницы нет, или она принадлежит другой учётной записи.
web-forbidden-title = Запрос отклонён
web-forbidden = Срок действия формы истёк, или она отправлена не с этого портала. Вернитесь назад, обновите страницу и попробуйте снова.
web-internal-title = Что-то пошло не так
web-home-title = Ваши лицензии и поддержка
web-activation-key-label = Ваш ключ активации:
web-activation-key-hint = Вставьте его на вкладке «Лицензия» вашей программы и нажмите «Активировать лицензию».
web-back-licenses = К вашим лицензиям
web-license-title = Лицензия { $serial }
web-license-expires = Действует до
web-license-support-until = Поддержка и обновления до
web-machines = Компьютеры
web-machines-empty = Сейчас эту лицензию не использует ни один компьютер.
web-machine-hostname = Компьютер
web-machine-activated = Активирован
web-machine-last-seen = Последняя связь
web-machine-deactivate = Деактивировать
web-machine-deactivated = Компьютер деактивирован. Его рабочее место свободно для другого компьютера.
web-support-title = Поддержка и обновления
web-support-ends = Окончание
web-details = Сведения
web-name = Название
web-country = Страна
web-city = Город
web-vat-id = Номер плательщика НДС
web-contacts = Контакты
web-contacts-empty = Контактов пока нет.
web-first-name = Имя
web-last-name = Фамилия
web-orders-empty = Заказов пока нет.
web-reference = Номер
web-total = Итого
web-order-title = Заказ { $reference }
web-back-orders = К вашим заказам
web-order-details = Сведения о заказе
web-date-time = Дата и время
web-order-items = Позиции заказа
web-product = Продукт
web-sku = Артикул
web-quantity = Количество
web-subtotal = Сумма
web-nav-offline = Офлайн-активация
web-nav-keys = Программы и ключи
web-too-large-title = Файл слишком большой
web-too-large = Портал принимает файлы и тексты размером до 64 КиБ. Проверьте, что выбран нужный файл.
web-bad-request-title = Запрос не понят
web-bad-request = Значение в этом адресе или форме содержит символы, которые портал не принимает (управляющие символы), или слишком длинное. Вернитесь и проверьте введённое.
web-field-invalid = Поле { $field } содержит символы, которые портал не принимает, или слишком длинное.
web-upload-empty = Выберите файл или вставьте его текст и повторите попытку.
web-offline-title = Офлайн-активация
web-offline-intro = Для компьютера без интернета: принесите сюда его файл запроса активации и перенесите на компьютер файл ответа.
web-offline-activate-title = Активировать компьютер
web-offline-activate-hint = Загрузите файл запроса активации, сохранённый программой, или вставьте его текст.
web-offline-activated = Компьютер активирован. Скачайте файл ответа или скопируйте его текст и откройте его в программе на этом компьютере.
web-offline-response-label = Ответ на активацию
web-offline-response-hint = Выделите текст, чтобы скопировать его.
web-offline-download = Скачать файл ответа
web-offline-request-file = Файл запроса активации
web-offline-request-text = Или вставьте текст запроса
web-offline-activate = Активировать
web-offline-receipt-title = Освободить место по квитанции о деактивации
web-offline-receipt-hint = Когда программа деактивирует компьютер офлайн, она сохраняет квитанцию. Загрузите её или вставьте её текст, чтобы освободить место.
web-offline-freed = Место лицензии { $serial } свободно для другого компьютера.
web-offline-receipt-file = Файл квитанции о деактивации
web-offline-receipt-text = Или вставьте текст квитанции
web-offline-free-seat = Освободить место
web-keys-title = Программы и ключи
web-keys-programs = Ваши лицензированные программы
web-keys-workstations = Рабочие места
web-keys-generate = Сгенерировать ключи
web-keys-installation-key = Установочный ключ
web-keys-installation-key-hint = Программа показывает его при регистрации. Вставьте его сюда, чтобы получить регистрационный ключ.
web-keys-comparison = Запрошено и положено
web-keys-parameter = Параметр
web-keys-requested = Запрошено
web-keys-entitled = Положено
web-keys-check = Проверка
web-keys-ok = Покрыто
web-keys-not-ok = Не покрыто
web-keys-registration-key = Ваш регистрационный ключ:
web-keys-registration-key-hint = Введите или вставьте его в окно регистрации программы.
web-keys-refused = Ваша лицензия не покрывает строки, отмеченные ✗, поэтому регистрационный ключ выдать нельзя. Обратитесь к поставщику, чтобы расширить её.
web-keys-no-license = Ни одна из ваших лицензий не относится к программе, выдавшей этот установочный ключ.
web-keys-releases-until = Версии до { $date }
web-keys-no-support = Нет срока поддержки
web-keys-in-force = Действует
web-keys-until = До { $date }
web-keys-parameter-product = Продукт
web-keys-parameter-version = Версия
web-keys-parameter-workstations = Рабочие места
web-keys-parameter-term = Срок лицензии

## Customer accounts: e-mail and password, password change and reset (web)
web-sign-in-order-title = По номеру заказа
web-sign-in-password-title = С паролем учётной записи
web-password = Пароль
web-forgot-link = Забыли пароль?
web-sign-in-password-failed = Неверный адрес электронной почты или пароль.
web-nav-password = Пароль
web-password-title = Смена пароля
web-password-current = Текущий пароль
web-password-new = Новый пароль
web-password-repeat = Новый пароль ещё раз
web-password-hint = Не менее 10 символов.
web-password-save = Сменить пароль
web-password-changed = Ваш пароль изменён.
web-password-current-wrong = Текущий пароль неверен.
web-password-too-short = Новый пароль должен содержать не менее 10 символов.
web-password-mismatch = Два новых пароля не совпадают.
web-forgot-title = Забытый пароль
web-forgot-intro = Введите адрес электронной почты вашей учётной записи: мы пришлём ссылку для задания нового пароля.
web-forgot-send = Отправить ссылку
web-forgot-sent = Если у этого адреса есть учётная запись, письмо уже в пути. Ссылка в нём задаёт новый пароль; она действует один раз в течение часа.
web-reset-title = Задание пароля
web-reset-save = Задать пароль
web-reset-invalid = Эта ссылка больше не действует: срок её истёк или она уже использована. Запросите новую.
web-mail-reset-subject = Новый пароль для клиентского портала Tessera
web-mail-reset-body =
    Здравствуйте!

    Кто-то, вероятно вы, запросил новый пароль для вашей учётной записи на клиентском портале Tessera. Откройте эту ссылку в течение часа, чтобы выбрать его:

    { $link }

    Ссылка действует один раз. Если вы ничего не запрашивали, просто проигнорируйте это письмо: ваш пароль не изменится.
web-mail-invite-subject = Ваша учётная запись на клиентском портале Tessera
web-mail-invite-body =
    Здравствуйте!

    Для вас открыта учётная запись на клиентском портале Tessera, где вы найдёте свои лицензии, заказы и ключ активации. Откройте эту ссылку в течение семи дней, чтобы выбрать пароль:

    { $link }

    Ссылка действует один раз. Затем входите с вашим адресом электронной почты и этим паролем.

## Profile, news, contracts
web-nav-news = Новости
web-nav-profile = Профиль
web-nav-contracts = Договоры
web-profile-title = Ваш профиль
web-profile-company = Компания
web-profile-manager = Ответственное лицо
web-profile-phone = Телефон
web-profile-since = Клиент с
web-profile-not-given = Не указано
web-profile-kept-by-vendor = Эти данные ведёт ваш поставщик. Чтобы исправить их, напишите поставщику.
web-profile-no-account = Вы вошли по номеру заказа, у которого нет пароля. Чтобы входить по адресу электронной почты и собственному паролю, попросите у поставщика учётную запись.
web-news-title = Новости
web-news-intro = Новости о наших программах: новые версии, события и идеи.
web-news-empty = Новостей пока нет.
web-contracts-title = Ваши договоры
web-contracts-empty = Договоров пока нет.
web-contract-year = Год
web-contract-document = Тип документа
web-contract-subscription = Вид абонемента
web-contract-monthly-price = Цена в месяц
web-contract-signed = Дата подписания
web-contract-status = Статус
web-contract-document-type =
    { $type ->
        [contract] Договор
        [annex] Дополнительное соглашение
       *[other] { $type }
    }
web-contract-subscription-type =
    { $type ->
        [monthly] Ежемесячное обслуживание
        [annual] Годовое обслуживание
       *[other] { $type }
    }
web-contract-status-name =
    { $status ->
        [active] Действует
        [expired] Истёк
        [terminated] Расторгнут
        [draft] Черновик
       *[other] { $status }
    }

## Programs and license files
web-programs-title = Программы и информация
web-programs-program = Программа
web-programs-installation = Тип установки
web-programs-single = Одно рабочее место
web-programs-network = Сетевая
web-programs-service = Тип обслуживания
web-programs-support-until = Поддержка до { $date }
web-programs-support-expired = Поддержка истекла { $date }
web-programs-no-support = Без поддержки
web-programs-generated = Дата генерации ключа
web-programs-registration-key = Регистрационный ключ
web-programs-version = Версия
web-programs-show-key = Показать ключ полностью
web-programs-keys-hint = Для каждой программы показаны установочный и регистрационный ключи её последней регистрации. Нажмите на ключ, чтобы увидеть его полностью; один щелчок по полному ключу выделяет его для копирования.
web-machine-file = Файл лицензии
web-machine-download = Скачать файл лицензии
web-machine-download-label = Скачать файл лицензии компьютера { $hostname }
web-machine-transfer = Перенос
web-machine-transfer-label = Деактивировать { $hostname }, чтобы перенести лицензию на другой компьютер
web-machine-transfer-hint = Освобождает рабочее место: лицензию можно будет активировать на другом компьютере.
web-machine-file-hint = Файл лицензии работает только на том компьютере, для которого он выдан. Скачайте его, чтобы восстановить лицензию этого компьютера без доступа к интернету, например после переустановки программы.
web-license-file-title = Файл лицензии для компьютера
web-license-file-hint = Старые версии программы читают файл лицензии (.lic) вместо онлайн-активации. Введите отпечаток компьютера, для которого он нужен: файл работает только на нём, занимает одно из мест лицензии и содержит также срок поддержки.
web-license-file-fingerprint = Отпечаток компьютера
web-license-file-fingerprint-hint = 64 шестнадцатеричных символа, которые License Manager показывает в поле «Отпечаток», или «tessera status».
web-license-file-computer = Имя компьютера (необязательно)
web-license-file-download = Скачать файл лицензии
web-license-file-fingerprint-invalid = Это не отпечаток компьютера: в нём 64 шестнадцатеричных символа (0–9, a–f), как его показывает License Manager.
web-license-file-default-computer = Компьютер (файл лицензии)
web-support-file-hint = Срок поддержки входит в файл лицензии (.lic), который старые версии читают и для обновлений:
web-support-file-link = скачайте его для компьютера

## The command line's own words for messages that name the app's buttons (Surface::Cli)
cli--state-grace-message = Ваша лицензия давно не синхронизировалась с порталом лицензирования. Подключитесь к интернету и выполните «tessera refresh».
cli--state-grace-until-message = Ваша лицензия давно не синхронизировалась с порталом лицензирования. Она будет работать до { $date }: подключитесь к интернету и выполните «tessera refresh».
cli--state-expired-term-ended-message = Срок действия вашей лицензии истёк { $date }. Продлите её на портале клиента, затем выполните «tessera refresh».
cli--state-expired-refresh-overdue-message = Ваша лицензия не синхронизировалась с порталом лицензирования с { $date }. Подключитесь к интернету и выполните «tessera refresh» или активируйте её офлайн.
cli--state-suspended-message = Действие вашей лицензии приостановлено поставщиком. Обратитесь к поставщику или реселлеру; когда вопрос будет решён, выполните «tessera refresh».
cli--state-clock-tampered-message = Часы этого компьютера показывают время раньше { $date } — момента, который компьютер уже видел. Исправьте дату и время, затем подключитесь к порталу, чтобы подтвердить время: выполните «tessera refresh».
cli--state-time-unconfirmed-message = Запись этого компьютера о времени последней проверки лицензии отсутствует или была изменена. Подключитесь к порталу, чтобы подтвердить время, прежде чем использовать лицензию: выполните «tessera refresh».
cli--error-method-not-allowed = Портал не принимает такой запрос по этому адресу. Обновите программу или проверьте адрес портала («tessera settings --portal-url»).
cli--error-proxy-failed = Прокси-сервер отклонил или прервал соединение. Проверьте адрес прокси, имя пользователя и пароль («tessera settings --proxy-url … --proxy-user …»).
cli--error-portal-not-genuine = Ответ не подписан порталом лицензирования вашего поставщика, поэтому он отклонён. Проверьте адрес портала («tessera settings --portal-url») и убедитесь, что прокси не изменяет трафик.
cli--error-unexpected-answer = Портал лицензирования вернул ответ, который эта программа не понимает. Проверьте адрес портала («tessera settings --portal-url») или обновите программу.
cli--error-state-corrupt = Данные лицензии, сохранённые на этом компьютере, повреждены. Выполните «tessera refresh» или активируйте лицензию заново с помощью ключа активации.
cli--error-invalid-setting = Одна из настроек указана неверно. Исправьте её командой «tessera settings» (см. «tessera settings --help»).

## Mail the portal sends (payment recorded, license suspended or revoked)
mail-greeting = Здравствуйте,
mail-signature = Ваш портал лицензий: { $portal }
mail-order-subject = Ваш заказ { $order }: ожидает оплаты
mail-order-intro = Спасибо за заказ { $order } от { $date }. Его сумма — { $total }:
mail-order-line = { $description }, пользователи { $quantity }: { $subtotal }
mail-order-transfer = Пожалуйста, переведите { $total } на { $bank }, указав назначение платежа { $order }.
mail-order-transfer-invoice = Пожалуйста, переведите { $total } на счёт, указанный в счёте-фактуре, указав назначение платежа { $order }.
mail-order-card = Ваш платёж картой обрабатывается.
mail-order-start = Лицензии начинают действовать в день поступления оплаты: тогда придёт письмо с ключом активации и инструкцией.
mail-paid-subject = Оплата заказа { $order } получена: ваши лицензии
mail-paid-intro = Мы учли вашу оплату заказа { $order }: { $amount }, получено { $date }. Ваши лицензии выпущены, и срок их действия начался в день поступления оплаты.
mail-paid-license = { $product } { $edition }, серийный номер { $serial }: пользователи { $users }, компьютеры { $machines }, { $term }
mail-paid-term-until = действует до { $date }
mail-paid-term-perpetual = бессрочная
mail-paid-key = Ваш ключ активации открывает эти лицензии:
mail-paid-step-open = Откройте Tessera License Manager на компьютере, где работает программа (на сервере без рабочего стола выполните 'tessera activate').
mail-paid-step-paste = Вставьте ключ активации и нажмите «Активировать».
mail-paid-step-refresh = Позже нажмите «Обновить», чтобы синхронизировать лицензию с порталом. Без интернета активируйте офлайн с помощью файла запроса.
mail-paid-portal = Ваши лицензии, заказы и договоры поддержки находятся на клиентском портале, { $link }: войдите с этим адресом электронной почты и номером заказа { $order }.
mail-suspended-subject = Лицензия { $serial } приостановлена
mail-suspended-body = Ваша лицензия { $serial } ({ $product } { $edition }) приостановлена. Причина: { $reason }
mail-suspended-effect = Программа перестанет её принимать при следующем обновлении. Когда вопрос будет решён, мы её восстановим, и обновление вернёт её.
mail-overdue-subject = Счёт по заказу { $reference } не оплачен
mail-overdue-body = Счёт по заказу { $reference } за вашу подписку на { $product } { $edition } (лицензия { $serial }) ещё не оплачен.
mail-overdue-card = Списать оплату с вашей карты не удалось. Добавьте карту или выберите другую в разделе «Способы оплаты» — { $link } — и списание будет повторено автоматически.
mail-overdue-effect = Если оплата не поступит, лицензия { $serial } будет приостановлена { $date }. Если вы уже оплатили счёт, больше ничего делать не нужно.
mail-revoked-subject = Лицензия { $serial } отозвана
mail-revoked-body = Ваша лицензия { $serial } ({ $product } { $edition }) отозвана. Причина: { $reason }
mail-revoked-effect = Программа перестанет её принимать при следующем обновлении. Ответьте на это сообщение, если считаете, что это ошибка.

## Back office (the vendor's staff)
mail-key-subject = Ваш ключ активации
mail-key-intro = По вашей просьбе высылаем ещё раз ключ активации лицензий { $company }.
mail-key-portal = Ваши лицензии, заказы и сроки поддержки — на клиентском портале, { $link }: войдите с этим адресом электронной почты и любым номером вашего заказа.
bo-nav-customers = Клиенты
bo-customers-title = Клиенты
bo-customers-search = Найти клиента
bo-search = Найти
bo-customers-search-hint = Часть названия компании или адреса электронной почты, номер заказа, серийный номер или первые символы ключа активации.
bo-customers-none = Нет клиентов по запросу «{ $query }».
bo-customers-capped = Показаны только первые 50 найденных клиентов: уточните запрос.
bo-customer-place = Город, страна
bo-customer-licenses = Лицензии
bo-customer-since = С
bo-customer-language = Язык писем
bo-customer-key = Ключ активации
bo-customer-resend-key = Отправить ключ ещё раз
bo-customer-key-sent = Ключ активации поставлен в очередь для { $email }.
bo-customer-no-licenses = У этого клиента пока нет лицензий.
bo-customer-no-orders = Этот клиент не размещал заказов.
bo-customer-people = Контакты и учётные записи
bo-customer-person = Имя
bo-customer-role = Роль
bo-customer-contact = контакт по покупке
bo-customer-account = учётная запись с паролем
bo-customer-invited = приглашён, пароля ещё нет
bo-serial = Серийный номер
bo-state = Состояние
bo-order-items = Позиции
bo-order-status-awaiting-payment = ожидает оплаты
bo-order-status-paid = оплачен
bo-order-status-cancelled = отменён
bo-order-status-refunded = возвращён
bo-recent-events = Последние события
bo-no-events = Пока ничего не записано.
bo-event-at = Когда
bo-event-kind = Событие
bo-event-actor = Кто
bo-event-subject = Объект
bo-event-change = Изменение
# Отказы, которые бэк-офис показывает после «Не выполнено:».
bo-refusal-amount-mismatch = Платёж на { $got } не совпадает с суммой заказа { $reference }, { $expected }. Запишите всю сумму, когда она поступит полностью.
bo-refusal-paid-already = Заказ { $reference } оплачен другим платежом.
bo-refusal-paid-already-on = Заказ { $reference } оплачен { $day } другим платежом.
bo-refusal-order-not-payable = Заказ { $reference } { $status ->
        [cancelled] отменён
        [refunded] закрыт возвратом средств
       *[other] в статусе «{ $status }»
    } и не может быть оплачен.
bo-refusal-payment-in-future = Дата платежа { $day } ещё не наступила.
bo-refusal-payment-before-order = Дата платежа { $day } раньше даты оформления заказа { $reference } ({ $placed }).
bo-refusal-payment-reference-taken = Этот банковский идентификатор или ключ идемпотентности записан для платежа по заказу { $paid }, а не { $reference }.
bo-refusal-payment-reference-racing = Этот банковский идентификатор или ключ идемпотентности в тот же момент был записан для другого платежа.
bo-refusal-cancel-paid = Заказ { $reference } оплачен: оформите возврат средств вместо отмены.
bo-refusal-cancel-status = Заказ { $reference } { $status ->
        [cancelled] отменён
        [refunded] закрыт возвратом средств
       *[other] в статусе «{ $status }»
    }: отменить можно только заказ, ожидающий оплаты.
bo-refusal-refund-unpaid = Заказ { $reference } не оплачен: отмените его вместо возврата средств.
bo-refusal-refund-status = Заказ { $reference } { $status ->
        [cancelled] отменён
        [refunded] закрыт возвратом средств
       *[other] в статусе «{ $status }»
    }: вернуть средства можно только за оплаченный заказ.
bo-refusal-reason-needed = укажите, почему заказ { $reference } отменяется или по нему возвращаются средства: причина сохраняется и показывается
bo-refusal-term-perpetual = лицензия { $serial } бессрочная: у её срока нет конца, который можно продлить
bo-refusal-term-not-later = лицензия { $serial } действует до { $day }: новая дата окончания должна быть позже
bo-refusal-users-range = пользователей: { $count }; в лицензии их может быть от 1 до { $most }
bo-refusal-computers-range = компьютеров: { $count }; в лицензии их может быть от 1 до { $most }
bo-refusal-seats-held = { $count ->
        [one] { $count } компьютер занимает место
        [few] { $count } компьютера занимают места
        [many] { $count } компьютеров занимают места
       *[other] { $count } компьютера занимают места
    } лицензии { $serial }: освободите часть из них, прежде чем разрешать только { $most }
bo-refusal-users-not-number = пользователи: «{ $text }» — не целое число
bo-refusal-computers-not-number = компьютеры: «{ $text }» — не целое число
bo-refusal-not-a-day = «{ $text }» — не дата в формате { $example }
bo-refusal-field-too-long = Поле `{ $field }` длиннее { $max ->
        [one] { $max } символа
        [few] { $max } символов
        [many] { $max } символов
       *[other] { $max } символа
    }.
bo-refusal-field-control = Поле `{ $field }` содержит управляющий символ (U+{ $code }) в позиции { $position }.
bo-refusal-news-empty = { $field ->
        [title] заголовок
        [body] текст
       *[other] { $field }
    }: пусто, а у новости должны быть заголовок и текст
bo-refusal-news-too-long = { $field ->
        [title] заголовок
        [body] текст
       *[other] { $field }
    }: { $count ->
        [one] { $count } символ
        [few] { $count } символа
        [many] { $count } символов
       *[other] { $count } символа
    }, не более { $most }
bo-refusal-not-a-sku = SKU: «{ $text }» — не SKU (заглавные буквы, цифры и дефисы, без пробелов)
bo-refusal-not-a-product-id = идентификатор: «{ $text }» — не идентификатор продукта (строчные буквы, цифры и дефисы)
bo-refusal-not-a-match-policy = правило сопоставления: «{ $text }» — не правило сопоставления (exact, fuzzy или loose)
bo-refusal-out-of-range = { $field }: { $value } — вне диапазона от { $least } до { $most }
bo-refusal-name-needed = { $field }: нужно название
bo-refusal-too-many-features = функции: не более { $most }
bo-refusal-product-exists = идентификатор: продукт { $id } уже существует
bo-refusal-edition-exists = SKU: редакция { $edition } или SKU { $sku } уже существует
bo-refusal-no-product = продукт: продукта { $product } нет
bo-refusal-price-range = цена: { $price } — вне диапазона от 0 до { $most }
bo-refusal-not-a-term = срок в месяцах: это не срок
bo-refusal-no-edition-sku = редакция: ни у одной редакции нет SKU { $sku }
bo-refusal-no-edition = редакция: у { $product } нет редакции { $edition }
bo-refusal-plan-exists = SKU: план с SKU { $sku } уже есть
bo-refusal-plan-on-sale-already = план { $sku } уже продаётся
bo-refusal-plan-retired-already = план { $sku } уже снят с продажи
bo-refusal-order-no-lines = в заказе должна быть хотя бы одна строка
bo-refusal-order-quantity = { $users } пользователей { $sku } — недопустимое количество (от 1 до 1 000 000)
bo-refusal-no-customer = нет клиента с идентификатором { $id }
bo-refusal-no-plan = нет тарифа с SKU { $sku }
bo-refusal-plan-not-sold = тариф { $sku } больше не продаётся
bo-refusal-contract-price-negative = ежемесячная цена: не может быть отрицательной
bo-refusal-contract-currency = валюта: «{ $currency }» — не код валюты вроде EUR
bo-refusal-contract-year = год: { $year } — не год договора
bo-refusal-contract-status-already = статус: договор уже в статусе { $status }
bo-refusal-contract-changed = статус: договор тем временем изменён; попробуйте ещё раз
bo-refusal-subscription-quantity = количество: от 1 до { $most } пользователей, а не { $quantity }
bo-refusal-card-none = Эта подписка оплачивается картой, но карта не сохранена: сначала добавьте её в разделе «Способы оплаты».
bo-refusal-card-declined = карта с последними цифрами { $last4 } отклонена для суммы { $amount } ({ $reason }). Ничего не изменено: добавьте другую карту в разделе «Способы оплаты» или повторите попытку позже.
bo-refusal-provider-unavailable = платёжная система не ответила вовремя по сумме { $amount }. Ничего не изменено; при повторной попытке списание произойдёт не более одного раза.
bo-refusal-provider-down = платёжная система не ответила вовремя. Ничего не изменено; повторите попытку через несколько минут.
bo-refusal-provider-refused = платёжная система отклонила запрос ({ $reason }).
bo-refusal-card-last = Карта с последними цифрами { $last4 } — единственная для подписки, оплачиваемой картой: добавьте другую карту, прежде чем удалять эту.
bo-refusal-company-empty = Не указано название компании: в счетах должно быть указано, на кого они выставлены.
bo-refusal-vat-id = «{ $typed }» — не номер плательщика НДС: от 4 до 20 букв и цифр, например BG123456789.
bo-refusal-cards-not-taken = Этот магазин не принимает карты: выберите банковский перевод.
bo-refusal-seats-bound = К лицензиям этой подписки привязано больше пользователей, чем { $users }, которые оставляет это изменение: сначала отвяжите некоторых в разделе «Администрирование компании».
bo-refused = Не выполнено: { $detail }
bo-license-reason = Причина для клиента
bo-license-reason-hint = Клиент увидит её в License Manager после следующего обновления и в письме.
bo-license-status-title = Приостановить, восстановить, отозвать
bo-license-suspend = Приостановить
bo-license-revoke = Отозвать
bo-license-reinstate = Восстановить
bo-license-terms-title = Срок, пользователи и компьютеры
bo-license-ends-on = Новый конец срока
bo-license-extend = Продлить срок
bo-license-max-machines = Разрешено компьютеров
bo-license-change-limits = Изменить пользователей и компьютеры
bo-license-free-one = Освободить место
bo-license-free-one-label = Освободить место компьютера { $hostname }
bo-license-free-all = Освободить все места
bo-license-free-hint = Каждый компьютер активируется снова при следующем подключении, или его место займёт другой.
bo-license-done-suspended = Лицензия приостановлена. Компьютеры клиента узнают об этом при следующем обновлении.
bo-license-done-reinstated = Лицензия снова активна.
bo-license-done-revoked = Лицензия отозвана. Компьютеры клиента узнают об этом при следующем обновлении.
bo-license-done-term = Срок продлён.
bo-license-done-limits = Пользователи и компьютеры изменены.
bo-license-done-freed = Все места свободны.
bo-license-done-machine = Место компьютера свободно.
bo-customer-new-order = Оформить заказ
bo-order-title = Заказ { $order }
bo-order-done-placed = Заказ оформлен и ожидает оплаты; письмо-подтверждение клиенту отправляется.
bo-order-done-cancelled = Заказ отменён: его больше нельзя оплатить.
bo-order-done-refunded = Деньги по заказу возвращены, его лицензии отозваны; клиент извещён о причине.
bo-order-actions = Оплата, отмена, возврат
bo-order-cancel-reason = Причина отмены (сохраняется в журнале)
bo-order-refund-reason = Причина возврата (клиент её увидит)
bo-order-refund-hint = Возврат отзывает все лицензии заказа: компьютеры клиента узнают об этом при следующем обновлении, с этой причиной.
bo-order-cancel = Отменить заказ
bo-order-refund = Вернуть деньги
bo-order-new-title = Новый заказ
bo-order-new-for = Новый заказ для { $company }
bo-order-no-plans = Нет тарифов в продаже: сначала добавьте тариф в каталог.
bo-order-new-hint = Заказ оплачивается банковским переводом: он ждёт оплаты, а лицензии начинают действовать в день её учёта.
bo-order-new-empty = Укажите число пользователей хотя бы для одного тарифа.
bo-order-place = Оформить заказ
bo-plan-term = Срок
bo-plan-price = Цена за пользователя
bo-plan-months = { $months ->
    [one] { $months } месяц
    [few] { $months } месяца
    [many] { $months } месяцев
   *[other] { $months } месяца
}
mail-ending-subject = Срок вашей лицензии { $serial } истекает { $date }
mail-ending-body = Срок вашей лицензии { $serial } ({ $product } { $edition }, пользователей: { $users }) истекает { $date }, { $days ->
    [one] через { $days } день
    [few] через { $days } дня
    [many] через { $days } дней
   *[other] через { $days } дня
}.
mail-ending-renew = Лицензия не продлевается автоматически: чтобы пользоваться { $product } и после этой даты, закажите новый срок. Новые лицензии начинают действовать в день учёта их оплаты.
mail-ending-link = Ваши лицензии и их сроки: { $link }
mail-ended-subject = Срок вашей лицензии { $serial } истёк
mail-ended-body = Срок вашей лицензии { $serial } ({ $product } { $edition }) истёк { $date }. Программа перестаёт её принимать по окончании периода работы без связи.
mail-ended-renew = Доступ не продлевается автоматически: чтобы продолжить пользоваться { $product }, закажите новый срок. Новые лицензии начинают действовать в день учёта их оплаты.
invoice-title = Счёт { $number }
invoice-credit-note-title = Кредит-нота { $number }
invoice-documents = Счёт и кредит-ноты
invoice-back = Заказ { $order }
invoice-print-hint = Чтобы сохранить копию, распечатайте страницу или сохраните её в PDF через меню печати браузера.
invoice-issued = Выставлен
invoice-corrects = Аннулирует счёт
invoice-billed-to = Плательщик
invoice-unit-price = Цена за пользователя
invoice-reason = Причина:
invoice-payment = Оплата
invoice-transfer-to = Пожалуйста, переведите сумму на { $bank }, указав номер { $order }.
invoice-transfer = Пожалуйста, переведите сумму на счёт поставщика, указав номер { $order }.
invoice-terms-start = Лицензии начинают действовать в день учёта оплаты.
bo-title = Бэк-офис
bo-nav-dashboard = Сводка
bo-nav-orders = Заказы
bo-role-admin = администратор
bo-role-support = поддержка
bo-2fa-nav = Двухэтапный вход
bo-2fa-title = Двухэтапный вход
bo-2fa-intro = Когда он включён, вход в бэк-офис после пароля запрашивает шестизначный код из приложения-аутентификатора на вашем телефоне (например, Aegis, FreeOTP, Google Authenticator). Потеряли телефон? Оператор отключит его из терминала: tessera-portal admin staff-reset-2fa.
bo-2fa-is-on = Двухэтапный вход включён.
bo-2fa-is-off = Двухэтапный вход выключен: для входа достаточно пароля.
bo-2fa-turn-on = Включить
bo-2fa-turn-off = Выключить
bo-2fa-new-secret = Начать заново с новым ключом
bo-2fa-add-to-app = Добавьте этот ключ в приложение-аутентификатор (введите ключ или вставьте адрес), затем введите код из приложения для подтверждения. Двухэтапный вход включится только после подтверждения кода.
bo-2fa-secret = Ключ
bo-2fa-uri = Адрес для приложения
bo-2fa-code = Шестизначный код
bo-2fa-confirm = Подтвердить и включить
bo-2fa-turned-on = Двухэтапный вход теперь включён.
bo-2fa-turned-off = Двухэтапный вход теперь выключен.
bo-2fa-code-wrong = Этот код неверен или уже использован. Введите код, который приложение показывает сейчас.
bo-2fa-sign-in-title = Ваш код для входа
bo-2fa-sign-in-intro = Введите шестизначный код, который приложение-аутентификатор показывает для Tessera.
bo-2fa-sign-in-expired = Этот вход истёк или был начат не в этом браузере. Войдите снова с паролем.
bo-2fa-start-again = Начать заново
bo-events-kind-staff-two-factor-on = Двухэтапный вход включён
bo-events-kind-staff-two-factor-off = Двухэтапный вход выключен
bo-events-kind-subscription-started = Подписка оформлена
bo-events-kind-subscription-changed = Подписка изменена
bo-sign-in-title = Вход в бэк-офис
bo-news-nav = Новости
bo-news-title = Новости
bo-news-intro = Новости со страницы «Новости» клиентов, сначала самые свежие. Опубликованная новость показывается сразу; снятая больше не показывается.
bo-news-published = Опубликованные
bo-news-empty = Нет опубликованных новостей.
bo-news-news-title = Заголовок
bo-news-text-start = Текст
bo-news-withdraw = Снять
bo-news-publish-title = Опубликовать новость
bo-news-body = Текст
bo-news-body-hint = Простой текст, до 10 000 символов; пустая строка начинает новый абзац.
bo-news-publish = Опубликовать
bo-news-done-published = Новость опубликована.
bo-news-done-withdrawn = Новость снята.
bo-contracts-title = Договоры
bo-contracts-empty = Договоров пока нет.
bo-contracts-new-status = Новый статус
bo-contracts-change-status = Изменить
bo-contracts-add = Добавить договор
bo-contracts-year-hint = Пусто: год заключения.
bo-contracts-price-hint = В единицах валюты, например 49.90.
bo-contracts-currency = Валюта
bo-contracts-done-added = Договор добавлен.
bo-contracts-done-status = Статус договора изменён.
bo-events-kind-news-published = Новость опубликована
bo-events-kind-news-withdrawn = Новость снята
bo-events-kind-contract-added = Договор добавлен
bo-events-kind-contract-status-changed = Статус договора изменён
bo-sign-in-intro = Для сотрудников поставщика. Клиенты входят на клиентский портал.
bo-password-set = Пароль задан. Войдите с ним.
bo-catalog-nav = Каталог
bo-catalog-title = Каталог
bo-catalog-intro = Продукты, их редакции и тарифы, по которым они продаются. Ничего не удаляется: тариф, который больше не продаётся, снимается с продажи, а проданное остаётся как было.
bo-catalog-empty = Продуктов пока нет.
bo-catalog-product-id = Идентификатор продукта
bo-catalog-product-id-hint = Строчные латинские буквы, цифры и дефисы, например acme-ledger. Он никогда не меняется: его несут лицензии и компьютеры.
bo-catalog-name = Название
bo-catalog-match-policy = Распознавание компьютеров
bo-catalog-policy-exact = точное (все компоненты)
bo-catalog-policy-fuzzy = гибкое (большинство компонентов)
bo-catalog-policy-loose = свободное (несколько компонентов)
bo-catalog-refresh-days = Обновление каждые (дней)
bo-catalog-grace-days = Льготный период офлайн (дней)
bo-catalog-edit-product = Изменить продукт
bo-catalog-edit-product-hint = Идентификатор и распознавание компьютеров остаются прежними: их несут лицензии и компьютеры.
bo-catalog-save = Сохранить
bo-catalog-editions = Редакции
bo-catalog-edition = Редакция
bo-catalog-no-editions = Редакций пока нет.
bo-catalog-features = Функции
bo-catalog-features-hint = Через запятую, например ledger, multi-currency. Их получат лицензии, выданные с этого момента.
bo-catalog-edit-features = Изменить функции
bo-catalog-plans = Тарифы
bo-catalog-no-plans = Тарифов пока нет.
bo-catalog-machines-per-user = Компьютеров на пользователя
bo-catalog-support-years = Поддержка (лет)
bo-catalog-trial-days = Пробный период (дней)
bo-catalog-status = Продажа
bo-catalog-on-sale = в продаже
bo-catalog-retired = снят с продажи
bo-catalog-add-product = Добавить продукт
bo-catalog-add-edition = Добавить редакцию
bo-catalog-add-plan = Добавить тариф
bo-catalog-sku-hint = Заглавные латинские буквы, цифры и дефисы, например LED-STD-1Y.
bo-catalog-plan-name-hint = Текст строки заказа; если пусто — продукт, редакция и срок.
bo-catalog-months = Срок (месяцев)
bo-catalog-months-hint = От 1 до 120; пусто для бессрочной лицензии.
bo-catalog-price-hint = За пользователя на весь срок, например 299.00.
bo-catalog-currency = Валюта
bo-catalog-plan-title = Тариф { $sku }
bo-catalog-edit-plan = Изменить тариф
bo-catalog-edit-plan-hint = Новая цена действует для заказов, оформленных с этого момента: уже оформленные заказы сохраняют цену, по которой они проданы. Компьютеры и поддержка применяются ко всем лицензиям, выдаваемым с этого момента, включая лицензии заказов, ожидающих оплаты.
bo-catalog-retire = Снять тариф с продажи
bo-catalog-retire-hint = Снятый с продажи тариф больше не продаётся: ни один новый заказ его не примет. Уже проданные лицензии и заказы остаются как есть.
bo-catalog-put-on-sale = Вернуть в продажу
bo-catalog-done-product-added = Продукт добавлен.
bo-catalog-done-product-changed = Продукт изменён.
bo-catalog-done-edition-added = Редакция добавлена.
bo-catalog-done-features = Функции изменены.
bo-catalog-done-plan-added = Тариф добавлен и поступил в продажу.
bo-catalog-done-plan-changed = Тариф изменён: следующие заказы будут по нему.
bo-catalog-done-retired = Тариф снят с продажи: ни один новый заказ его не примет.
bo-catalog-done-on-sale = Тариф снова в продаже.
bo-figure-active = действующих лицензий
bo-figure-activations = активаций сегодня
bo-figure-awaiting = заказов ожидают оплаты
bo-figure-ending = сроков истекает в ближайшие 90 дней
bo-figure-mails = писем не отправлено
bo-orders-title = Заказы, ожидающие оплаты
bo-orders-empty = Нет заказов, ожидающих оплаты.
bo-customer = Клиент
bo-record-payment = Учесть оплату
bo-amount = Сумма
bo-paid-on = Получено
bo-bank-reference = Банковская ссылка
bo-record = Учесть
bo-payment-recorded = Оплата заказа { $order } учтена; выпущены лицензии: { $licenses }. Письмо клиенту отправляется.
bo-events-nav = Журнал
bo-events-title = Журнал событий
bo-events-filter = Фильтр журнала
bo-events-customer = Клиент (e-mail или идентификатор)
bo-events-serial = Серийный номер лицензии
bo-events-actor = Инициатор
bo-events-kind = Тип
bo-events-any-kind = Любой тип
bo-events-from = С
bo-events-to = По
bo-events-apply = Применить
bo-events-clear = Сбросить
bo-events-csv = Экспорт в CSV
bo-events-empty = Нет событий, подходящих под этот фильтр.
bo-events-when = Когда
bo-events-subject = Объект
bo-events-change = Изменение
bo-events-bad-customer = Нет клиента с e-mail или идентификатором «{ $customer }».
bo-events-bad-serial = Нет лицензии с серийным номером «{ $serial }».
bo-events-bad-kind = «{ $kind }» — не тип события.
bo-events-bad-from = Первый день «{ $day }» — не дата вида 2026-03-01.
bo-events-bad-to = Последний день «{ $day }» — не дата вида 2026-03-01.
bo-events-bad-range = Первый день позже последнего.
bo-events-kind-order-placed = Заказ оформлен
bo-events-kind-payment-recorded = Оплата учтена
bo-events-kind-license-issued = Лицензия выпущена
bo-events-kind-license-status-changed = Статус лицензии изменён
bo-events-kind-customer-added = Клиент добавлен
bo-events-kind-api-token-created = API-токен создан
bo-events-kind-api-token-revoked = API-токен отозван
bo-events-kind-order-cancelled = Заказ отменён
bo-events-kind-order-refunded = Заказ возвращён
bo-events-kind-staff-created = Учётная запись сотрудника создана
bo-events-kind-machine-activated = Компьютер активирован
bo-events-kind-license-refreshed = Лицензия обновлена
bo-events-kind-machine-deactivated = Компьютер деактивирован
bo-events-kind-mail-resent = Письмо отправлено повторно
bo-events-kind-license-term-extended = Срок лицензии продлён
bo-events-kind-license-limits-changed = Ограничения лицензии изменены
bo-events-kind-key-resent = Ключ активации отправлен повторно
bo-events-kind-password-changed = Пароль изменён
bo-events-kind-product-added = Продукт добавлен
bo-events-kind-product-changed = Продукт изменён
bo-events-kind-edition-added = Редакция добавлена
bo-events-kind-edition-changed = Редакция изменена
bo-events-kind-plan-added = Тариф добавлен
bo-events-kind-plan-changed = Тариф изменён
bo-events-kind-plan-retired = Тариф снят с продажи
bo-events-kind-plan-on-sale = Тариф снова в продаже
bo-mail-nav = Почта
bo-mail-title = Исходящая почта
bo-mail-filter = Письма по статусу
bo-mail-filter-all = Все ({ $count })
bo-mail-status-queued = в очереди
bo-mail-status-sent = отправлено
bo-mail-status-failed = не доставлено
bo-mail-newest = Показаны последние письма (не более { $count }), без их текста.
bo-mail-empty = Нет писем с этим статусом.
bo-mail-queued-at = В очереди с
bo-mail-mail = Письмо
bo-mail-status = Статус
bo-mail-last-error = Последняя ошибка
bo-mail-resend = Отправить снова
bo-mail-attempts =
    { $count ->
        [one] { $count } попытка
        [few] { $count } попытки
       *[many] { $count } попыток
    }
bo-mail-next-attempt = следующая попытка { $at }
bo-mail-resent = Письмо снова в очереди; оно уйдёт через несколько секунд.
bo-mail-not-failed = Письмо { $id }: статус «{ $status }»; повторно отправить можно только недоставленное письмо.
bo-mail-bad-status = «{ $status }» — не статус письма: выберите в очереди (queued), отправлено (sent), не доставлено (failed) или все (all).

## Управление подписками (seed 001)
web-nav-subscriptions = Подписки
web-subs-title = Управление подписками
web-subs-none = У вас нет подписок. Их оформляет магазин вашего поставщика; пробный период тоже отображается здесь.
web-subs-status =
    { $status ->
        [trialing] Пробный период
        [active] Активна
        [past_due] Оплата просрочена
        [suspended] Приостановлена
        [cancelling] Отменена
        [ended] Завершена
       *[other] { $status }
    }
web-subs-plan = Тариф
web-subs-users = Пользователи
web-subs-billing = Оплата
web-subs-interval =
    { $interval ->
        [month] Ежемесячно
        [year] Ежегодно
       *[other] { $interval }
    }
web-subs-period = Текущий период
web-subs-next-charge = Следующий платёж
web-subs-trial-ends = Пробный период заканчивается { $date }
web-subs-renews = { $amount }, { $date }
web-subs-ends = Заканчивается { $date } (отменена)
web-subs-options = Действия
web-subs-update-services = Изменить услуги
web-subs-change-plan = Сменить тариф
web-subs-cancel = Отменить подписку
web-subs-resume = Возобновить
web-subs-order-to-pay = Заказ { $reference } ожидает оплаты.
web-subs-done-users = Число пользователей изменено.
web-subs-done-plan = Тариф изменён.
web-subs-done-cancel = Подписка отменена: она закончится в конце текущего периода. До тех пор её можно возобновить.
web-subs-done-resume = Подписка возобновлена: она продлевается, как прежде.
web-subs-users-invalid = Введите число пользователей цифрами, например 5.
web-subs-users-count =
    { $count ->
        [one] { $count } пользователь
        [few] { $count } пользователя
        [many] { $count } пользователей
       *[other] { $count } пользователя
    }
web-subs-users-label = Число пользователей
web-subs-users-hint = Добавленные пользователи оплачиваются сейчас за остаток периода; уменьшение вступает в силу в его конце.
web-subs-see-price = Узнать цену
web-subs-plans = Тарифы
web-subs-price-month = { $price } за пользователя в месяц
web-subs-price-year = { $price } за пользователя в год
web-subs-quote = Стоимость
web-subs-due-today = К оплате сегодня: { $amount }
web-subs-prorated = за { $days } из { $period } дней этого периода
web-subs-credit-used = На это идёт ваш кредит { $amount }.
web-subs-credit-kept = Кредит на следующие счета: { $amount }
web-subs-takes-effect = Вступает в силу { $date }; до тех пор у вас остаётся то, что есть.
web-subs-then = С { $date }: { $plan }, пользователей: { $users }, { $amount } { $per }.
web-subs-per-month = в месяц
web-subs-per-year = в год
web-subs-buy = Купить сейчас
web-subs-buy-start = Когда начинается первый оплаченный период?
web-subs-buy-start-trial-end = В конце пробного периода, { $date }: пробные дни сохраняются
web-subs-buy-start-now = Сегодня
web-subs-buy-due = К оплате: { $amount } за период { $start } – { $end }, затем { $amount } { $per }.
web-subs-buy-confirm = Купить
web-subs-buy-billing = Платёжные реквизиты
web-subs-buy-company = Компания
web-subs-buy-address = Адрес
web-subs-buy-city = Город
web-subs-buy-country = Страна
web-subs-buy-payment = Способ оплаты
web-subs-buy-no-card = Карта — карта ещё не сохранена.
web-subs-buy-transfer = Банковский перевод (счёт придёт по почте)
web-subs-done-buy = Спасибо: подписка куплена.
web-subs-compare = Сравнить тарифы
web-subs-feature = Функция
web-subs-included = включена
web-subs-not-included = не включена
web-subs-price = Цена
web-subs-confirm = Подтвердить
web-subs-cancel-button = Отменить подписку
web-subs-cancel-confirm = Ваш доступ заканчивается { $date }. До тех пор всё работает, и подписку можно возобновить.

## Payment methods (seed 001) and the demo's test-mode cards
web-nav-cards = Способы оплаты
web-test-mode = Тестовый режим: деньги с карт не списываются. Используйте 4242 4242 4242 4242 с любым будущим сроком действия; карта 4000 0000 0000 0002 всегда отклоняется.
web-cards-title = Способы оплаты
web-cards-intro = Карты, которыми оплачиваются ваши подписки. Карта по умолчанию оплачивает продления и изменения. Здесь хранятся только платёжная система, последние четыре цифры и срок действия карты, но не её номер.
web-cards-transfer-only = Этот магазин принимает оплату банковским переводом: в каждом счёте указаны реквизиты и назначение платежа.
web-cards-empty = Карт пока нет.
web-cards-card = Карта
web-cards-expires = Срок действия
web-cards-default = По умолчанию
web-cards-make-default = Сделать основной
web-cards-remove = Удалить
web-cards-add = Добавить карту
web-cards-added = Карта с последними цифрами { $last4 } добавлена.
web-cards-not-added = Страница карты закрыта до завершения: карта не добавлена.
web-cards-defaulted = Основная карта изменена: она оплатит следующие продления и изменения.
web-cards-removed = Карта удалена.
web-cards-ending = { $brand }, последние цифры { $last4 }
web-testcard-title = Добавить карту (тестовый режим)
web-testcard-intro = Эта страница заменяет страницу платёжной системы: ничего не списывается, номер не сохраняется.
web-testcard-number = Номер карты
web-testcard-expiry = Срок действия (месяц / год)
web-testcard-month = Месяц
web-testcard-year = Год
web-testcard-save = Сохранить карту
web-testcard-cancel = Отмена

## Subscription mails (seed 001) and Contact the store
mail-sub-link = Ваши подписки: { $link }
mail-sub-charged = Сумма: { $amount } (заказ { $order }).
mail-sub-nothing-due = К оплате ничего: это покрывает ваш кредит.
mail-sub-next-charge = Следующее списание: { $date }.
mail-sub-trial-subject = Пробный период { $product } начался
mail-sub-trial-body = Пробный период { $product } ({ $plan }, пользователей: { $users }) длится до { $date }. Во время пробного периода ничего не списывается.
mail-sub-trial-buy = Чтобы пользоваться им и после пробного периода, выберите «Купить сейчас» на странице ваших подписок.
mail-sub-bought-subject = Спасибо: подписка на { $product } куплена
mail-sub-bought-body = { $plan }, пользователей: { $users }. Первый оплачиваемый период — с { $start } по { $end }: { $amount }, заказ { $order }.
mail-sub-users-added-subject = В подписку на { $product } добавлены пользователи
mail-sub-users-added-body = В вашей подписке на { $product } ({ $plan }) теперь пользователей: { $new }.
mail-sub-users-reduced-subject = С { $date } в подписке на { $product } меньше пользователей
mail-sub-users-reduced-body = С { $date } в вашей подписке на { $product } ({ $plan }) пользователей: { $new }; до тех пор у вас остаются пользователи ({ $current }).
mail-sub-plan-subject = Ваша подписка на { $product } теперь { $plan }
mail-sub-plan-body = Ваша подписка на { $product } теперь на тарифе { $plan }, пользователей: { $current }.
mail-sub-downgrade-subject = Ваша подписка на { $product } переходит на { $plan } { $date }
mail-sub-downgrade-body = Ваша подписка на { $product } переходит на тариф { $plan } { $date }; до тех пор у вас остаётся { $currentplan }.
mail-sub-cancelled-subject = Ваша подписка на { $product } отменена
mail-sub-cancelled-body = Ваша подписка на { $product } ({ $plan }) отменена: доступ заканчивается { $date }. До тех пор всё работает, и подписку можно возобновить на странице ваших подписок.
mail-sub-resumed-subject = Ваша подписка на { $product } возобновлена
mail-sub-resumed-body = Ваша подписка на { $product } ({ $plan }) возобновлена: она продлевается, как прежде.
mail-sub-renewed-subject = Ваша подписка на { $product } продлена
mail-sub-renewed-body = Ваша подписка на { $product } продлена на период с { $start } по { $end }: { $plan }, пользователей: { $users }.
mail-sub-ended-subject = Ваша подписка на { $product } закончилась
mail-sub-ended-body = Ваша подписка на { $product } ({ $plan }) закончилась { $date }: она не продлевается, и больше ничего не списывается.
mail-sub-declined-subject = Ваша карта отклонена для заказа { $order }
mail-sub-declined-body = Нам не удалось списать { $amount } с вашей карты для заказа { $order } (ваша подписка на { $product }).
mail-sub-declined-retry = Мы попробуем списать с карты снова { $date }.
mail-sub-declined-last = Это была последняя попытка: если заказ не будет оплачен, подписка будет приостановлена.
mail-sub-declined-cards = Чтобы оплатить другой картой, добавьте её в разделе «Способы оплаты» и сделайте основной: { $link }
mail-contact-subject = { $subject } — { $company }
mail-contact-no-subject = О подписке { $id }
mail-contact-intro = { $company } ({ $email }) пишет о своей подписке { $id }:
mail-contact-subscription = Подписка: { $id } ({ $product })
mail-contact-plan = Тариф: { $plan }
mail-contact-users = Пользователей: { $users }
mail-contact-status = Состояние: { $status }
mail-contact-period = Период: { $period }
mail-contact-customer = Клиент: { $company }, { $email } (учётная запись { $account })
mail-contact-trial = пробный период до { $date }
mail-contact-reply = Ответьте на это письмо, чтобы ответить { $email }.
web-contact-title = Связаться с магазином
web-contact-intro = Напишите в магазин об этой подписке: её данные будут приложены к сообщению, а ответ придёт на ваш адрес электронной почты.
web-contact-subject = Тема
web-contact-message = Сообщение
web-contact-send = Отправить
web-contact-sent = Ваше сообщение отправлено в магазин.
bo-refusal-contact-empty = Напишите сообщение, прежде чем отправлять: сообщение пустое.

## Back office: subscriptions, Cancel now, the quote tool
bo-subs-nav = Подписки
bo-subs-title = Подписки
bo-subs-one = Подписка
bo-subs-filter = Фильтр подписок
bo-subs-any-status = Любой статус
bo-subs-empty = Подписок нет.
bo-subs-bad-status = «{ $status }» — не статус подписки: выберите его из списка.
bo-subs-days-past-due =
    { $days ->
        [one] просрочено на { $days } день
        [few] просрочено на { $days } дня
        [many] просрочено на { $days } дней
       *[other] просрочено на { $days } дня
    }
bo-subs-next-attempt = следующая попытка списания с карты { $date }
bo-subs-suspends-on = приостанавливается { $date }
bo-subs-done-ended = Подписка завершена, а вместе с ней и её лицензия.
bo-subs-order-placed = Заказ { $reference } выставлен за это.
bo-subs-license = Лицензия
bo-subs-dunning = Просроченный платёж
bo-subs-on-behalf = От имени клиента
bo-subs-cancel-now = Завершить сейчас
bo-subs-history = Изменения
bo-subs-no-changes = Изменений пока нет.
bo-subs-change = Изменение
bo-subs-orders = Заказы и счета
bo-subs-card-charges = Списания с карты
bo-subs-refund-by =
    { $method ->
        [card] возвращается на карту
       *[other] к возврату банковским переводом
    }
bo-subs-end-what = Что делает завершение сегодня
bo-subs-end-today = Подписка и её лицензия заканчиваются сегодня, { $date }; неоплаченный заказ за период отменяется.
bo-subs-end-paid = Оплачено за текущий период: { $amount }
bo-subs-end-refund = Неиспользованная часть к возврату: { $amount }
bo-subs-end-give-back = Вернуть { $amount }
bo-subs-end-refund-admin = Возвращать деньги может только роль администратора.
bo-subs-end-reason = Причина (сохраняется в журнале)
bo-subs-all-of-customer = Показать их в списке подписок
bo-refusal-subscription-ended = подписка { $id } уже завершена.
bo-quote-title = Расчёт стоимости
bo-quote-intro = Расчёт «tessera-portal billing quote»: подписка на начало периода, изменения в нём и их стоимость.
bo-quote-changes = Изменения в периоде
bo-quote-kind =
    { $kind ->
        [quantity] Пользователи
        [plan] Тариф
        [interval] Период и тариф
        [cancel] Отмена
        [resume] Возобновление
       *[other] —
    }
bo-quote-submit = Рассчитать
bo-quote-refused = Не рассчитано: { $detail }
bo-quote-days =
    { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
bo-quote-effective = Вступает в силу
bo-quote-due-now = К оплате сейчас
bo-quote-credit = Сохранённый кредит
bo-quote-per =
    { $interval ->
        [year] в год
       *[other] в месяц
    }
bo-quote-next = С { $date }: { $plan }, пользователей: { $users }, { $total } { $per }.
bo-quote-no-next = Заканчивается в конце периода.
bo-subs-method =
    { $method ->
        [card] Карта
       *[other] Банковский перевод
    }

# Partner and reseller pools (#13 Part B)
error-insufficient-licenses = В вашем резерве меньше лицензий, чем нужно (пользователи × годы); ничего не сделано. Запросите дополнительные лицензии у партнёра или у производителя либо выберите меньше пользователей или лет.

## Company administration and seats (seed 004, issue #13 Part A)
bo-events-kind-seat-bound = Лицензия привязана
bo-events-kind-seat-unbound = Лицензия отвязана
mail-seat-bound-subject = Теперь у вас есть доступ к { $product }
mail-seat-bound-body = { $company } предоставила вам лицензию { $product } ({ $edition }): доступ открыт до { $ends }.
mail-seat-unbound-subject = Ваш доступ к { $product } прекращён
mail-seat-unbound-body = { $company } отвязала вашу лицензию { $product } ({ $edition }): доступ прекращён.
web-seats-no-end = без даты окончания
web-seats-no-user = С этим e-mail не зарегистрирован ни один пользователь вашей компании. Сначала пригласите его.
web-seats-taken = Тем временем эта лицензия была привязана к другому пользователю. Выберите другую свободную лицензию.
web-seats-has-one = У этого пользователя уже есть лицензия этого срока.
web-seats-ended = Срок этой лицензии истёк: её больше нельзя привязать.
web-seats-not-bound = Эта лицензия ни к кому не привязана.
web-seats-bad-email = Это не адрес e-mail.
web-seats-has-account = У этого адреса уже есть учётная запись.
web-seats-admins-only = Лицензиями компании управляют только её администраторы.
web-nav-company = Администрирование компании
web-company-title = Администрирование компании
web-company-users = Пользователи компании
web-company-user-email = E-mail
web-company-user-role = Роль
web-company-user-registered = Зарегистрирован
web-company-role-name =
    { $role ->
        [admin] Администратор
       *[user] Пользователь
    }
web-company-yes = Да
web-company-no = Приглашение отправлено
web-company-invite = Пригласить
web-company-invite-email = E-mail приглашаемого пользователя
web-company-invited = Приглашение отправлено на { $email }.
web-company-subscriptions-link = Управление подпиской
web-seats-title = Управление подпиской
web-seats-intro = Каждая строка — одна пользовательская лицензия. Пользователи должны быть зарегистрированы с указанным e-mail. Новый срок — это новые лицензии: привяжите их снова.
web-seats-empty = Нет подходящих лицензий.
web-seat-product = Продукт
web-seat-edition = Редакция
web-seat-order = Счёт
web-seat-start = Начало
web-seat-end = Окончание
web-seat-status = Статус
web-seat-user = Привязана к пользователю с E-mail
web-seat-status-name =
    { $status ->
        [free] Свободна
        [bound] Привязана
        [not_started] Не началась
       *[expired] Истекла
    }
web-seats-filter-product = Тип продукта
web-seats-filter-status = Статус
web-seats-all = Все
web-seats-search = Поиск
web-seats-apply = Применить
web-seats-email = E-mail пользователя
web-seats-bind = Привязать
web-seats-unbind = Отвязать
web-seats-bound-done = Лицензия привязана к { $email }.
web-seats-unbound-done = Лицензия отвязана: её можно предоставить другому пользователю.
web-seats-carry = Привязать тех же пользователей, что в прошлом сроке
web-seats-carry-binds = Будут привязаны: { $emails }
web-seats-carry-skips = Пропущены (больше не в компании или нет свободной лицензии): { $emails }
web-seats-carry-none = Никого из прошлого срока нельзя привязать снова.
web-seats-carry-done = { $count ->
        [one] Привязан снова { $count } пользователь.
        [few] Привязаны снова { $count } пользователя.
        [many] Привязано снова { $count } пользователей.
       *[other] Привязано снова { $count } пользователя.
    }

## Company administration: the trail Cabinet › Company administration › Subscription management
web-cabinet = Кабинет
web-breadcrumb = Вы здесь

## Partner API: renewal reminders of clients' terms (#13 Part B)
mail-client-ending-subject = Срок { $product } вашего клиента { $client } заканчивается { $date }
mail-client-ending-body = Срок вашего клиента { $client } ({ $product }, пользователей: { $users }) заканчивается { $date }, { $days ->
    [one] через { $days } день
    [few] через { $days } дня
    [many] через { $days } дней
   *[other] через { $days } дня
}. Он ещё не продлён.
mail-client-ending-renew = Он не продлевается автоматически: продлите его из вашего резерва лицензий-лет в консоли партнёра или через Partner API (POST /api/v1/partner/clients/{ $client_id }/renewals).
mail-client-ending-company-subject = Ваши лицензии { $product } заканчиваются { $date }
mail-client-ending-company-body = Лицензии { $product } вашей компании (пользователей: { $users }) заканчиваются { $date }, { $days ->
    [one] через { $days } день
    [few] через { $days } дня
    [many] через { $days } дней
   *[other] через { $days } дня
}.
mail-client-ending-company-renew = Они не продлеваются автоматически: чтобы продолжить пользоваться { $product } после этой даты, попросите { $seller }, который их предоставляет, продлить их.

# Partner console /partner (#13 Part B, seed 003)
partner-title = Консоль партнёра
partner-nav-dashboard = Панель
partner-nav-clients = Список клиентов
partner-nav-renewals = Клиенты для продления
partner-nav-pool = Лицензии
partner-sign-in-title = Вход в консоль партнёра
partner-sign-in-intro = Для партнёров и реселлеров: продлевайте клиентов и следите за лицензиями.
partner-figure-to-renew = Число компаний для продления
partner-view = Открыть
partner-figure-pool = Осталось лицензий-лет: { $product }
partner-pool-empty = В вашем пуле пока нет лицензий. Запросите их у партнёра или у производителя.
partner-create-client = Создать клиента
partner-legend = Обозначения
partner-standing-renewed = Продлён
partner-standing-ended = Закончился
partner-standing-ending = Скоро закончится
partner-standing-not-started = Не начался
partner-standing-active = Действует
partner-standing-none = Без подписки
partner-legend-renewed = продлён: дата окончания текущей подписки по-прежнему показана
partner-legend-ended = дата окончания подписки прошла
partner-legend-ending = подписка заканчивается менее чем через 3 месяца
partner-legend-not-started = подписка ещё не началась
partner-created = Клиент { $name } создан.
partner-export-csv = Экспорт (CSV)
partner-clients-empty = У вас пока нет клиентов.
partner-col-client = Название клиента
partner-col-subscription = Подписка
partner-col-reseller = Название реселлера
partner-col-start = Дата начала
partner-col-end = Дата окончания
partner-col-users = Пользователи
partner-col-standing = Состояние
partner-col-duration = Срок (лет)
partner-col-to-renew = К продлению
partner-col-select = Выбор
partner-renewed-until = продлён до { $date }
partner-renew = Продлить
partner-renewals-intro = Клиенты, чья подписка закончилась или заканчивается в ближайшие 3 месяца и ещё не продлена. Одна лицензия — один пользователь на один год.
partner-renewals-empty = Нет клиентов для продления.
partner-select-client = Выбрать { $name }
partner-bulk-renew = Продлить выбранных
partner-renewed = { $name }: подписка продлена.
partner-bulk-renewed = Продлено клиентов: { $count }.
partner-bulk-none = Выберите хотя бы одного клиента и срок от 1 до 100 лет.
partner-bulk-title = Продление выбранных клиентов
partner-bulk-total = Нужно лицензий
partner-renew-title = Продление: { $name }
partner-dialog-current-end = текущая подписка заканчивается { $date }
partner-dialog-available = Лицензий, которые ещё может распределить { $seller }
partner-dialog-years = Число лет продления
partner-dialog-assigned = Пользовательские лицензии клиента { $client }
partner-dialog-the-client = клиент
partner-dialog-needed = Потребуется лицензий (пользователи × годы)
partner-dialog-remaining = Останется лицензий после продления
partner-dialog-term = Новая подписка
partner-dialog-recalculate = Пересчитать
partner-dialog-ok = OK
partner-dialog-cancel = Отмена
partner-dialog-numbers = Введите целые числа: не меньше 1 пользователя и от 1 до 100 лет.
partner-dialog-name-needed = Введите название клиента.
partner-transferred = Лицензии переданы реселлеру.
partner-transfer-amount = Введите целое число лицензий-лет, не меньше 1.
partner-pool-balances = Осталось лицензий
partner-pool-balance = Лицензии-годы
partner-transfer-title = Передать лицензии реселлеру
partner-transfer-amount-label = Лицензии-годы
partner-transfer = Передать
partner-ledger-title = Движения
partner-ledger-empty = Движений пока нет.
partner-ledger-date = Дата
partner-ledger-kind = Движение
partner-ledger-amount = Лицензии-годы
partner-ledger-grant = Выданы производителем
partner-ledger-transfer = Передача
partner-ledger-allocate = Распределены клиенту
partner-ledger-return = Возвращены

## Named-user activation (issue #13): the company account's sign-in in the app and the CLI

error-user-sign-in-failed = Неверный адрес электронной почты или пароль. Используйте адрес и пароль вашей корпоративной учётной записи на портале клиента.
error-no-seat = К вашей корпоративной учётной записи не привязана лицензия { $product }. Попросите администратора вашей компании привязать её к вам.
error-seat-not-started = Ваша лицензия { $product } начинает действовать { $date }. Активируйте снова начиная с этого дня.
error-user-too-many-machines =
    { $machines ->
        [one] Ваша лицензия используется на { $machines } компьютере — это максимум. Деактивируйте её там, затем активируйте здесь.
        [few] Ваша лицензия используется на { $machines } компьютерах — это максимум. Деактивируйте её на одном из них, затем активируйте здесь.
        [many] Ваша лицензия используется на { $machines } компьютерах — это максимум. Деактивируйте её на одном из них, затем активируйте здесь.
       *[other] Ваша лицензия используется на { $machines } компьютерах — это максимум. Деактивируйте её на одном из них, затем активируйте здесь.
    }
state-revoked-unbound-message = Администратор вашей компании прекратил ваш доступ к { $product } — попросите его привязать к вам лицензию.
activate-user-title = Войти с корпоративной учётной записью
activate-user-hint = Если администратор вашей компании привязал к вам лицензию, войдите с адресом электронной почты и паролем вашей учётной записи на портале клиента.
activate-user-email = Адрес электронной почты
activate-user-password = Пароль
activate-user-button = Войти и активировать
dashboard-user = Привязана к пользователю
cli-password-prompt = Пароль для { $email }:

## Partner console: people, forgotten password
partner-nav-people = Сотрудники
partner-people-intro = Все, кто входит в эту консоль от имени { $organisation }.
partner-people-list = Сотрудники с доступом
partner-people-since = С
partner-people-actions = Действия
partner-people-you = вы
partner-people-active = Может входить
partner-people-invited = Приглашён
partner-people-disabled = Отключён
partner-people-disable = Отключить
partner-people-disable-who = Отключить { $email }
partner-people-invite = Пригласить коллегу
partner-people-invite-send = Отправить приглашение
partner-people-invited-notice = { $email } приглашён: письмо со ссылкой для выбора пароля уже отправлено.
partner-people-disabled-notice = { $email } больше не может входить.
partner-people-bad-email = Введите правильный адрес электронной почты.
partner-people-taken = У этого адреса уже есть учётная запись в партнёрской консоли.
partner-people-yourself = Нельзя отключить собственную учётную запись. Попросите коллегу.
partner-mail-invite-subject = Ваша учётная запись в партнёрской консоли Tessera
partner-mail-invite-body =
    Здравствуйте!

    Для вас открыта учётная запись в партнёрской консоли Tessera, где вы продлеваете клиентов и следите за лицензиями. Откройте эту ссылку в течение суток, чтобы выбрать пароль:

    { $link }

    Ссылка действует один раз. Затем входите с вашим адресом электронной почты и этим паролем.
partner-mail-reset-subject = Новый пароль для партнёрской консоли Tessera
partner-mail-reset-body =
    Здравствуйте!

    Кто-то, вероятно вы, запросил новый пароль для вашей учётной записи в партнёрской консоли Tessera. Откройте эту ссылку в течение часа, чтобы выбрать его:

    { $link }

    Ссылка действует один раз. Если вы ничего не запрашивали, не обращайте внимания на это письмо: пароль остаётся прежним.
mail-client-ending-reseller = { $client } — клиент вашего реселлера { $seller }, который его продлевает; вы тоже можете его продлить.
## Client companies that are customers (#13 Part B, client company administrator)
error-not-company-admin = Учётная запись с этим адресом — пользователь своей компании, а не её администратор: укажите администратора компании.
error-client-already-linked = Эта компания уже связана с клиентом партнёра или реселлера: компания может быть клиентом только одного продавца. Обратитесь к производителю, если она сменила продавца.
error-client-has-admin = Этот клиент уже связан со своей компанией, у которой другой администратор. Администратор компании приглашает её пользователей на клиентском портале.
bo-events-kind-client-linked = Клиент связан со своей компанией
partner-col-admin = Администратор компании
partner-admin-action = Указать…
partner-admin-title = Администратор компании { $name }
partner-admin-intro = Администратор компании клиента на клиентском портале: администратор существующей компании связывает клиента с ней; новый адрес создаёт компанию и приглашает её администратора. Лицензии клиента становятся пользовательскими лицензиями компании.
partner-admin-email = Эл. почта администратора
partner-admin-email-optional = Эл. почта администратора компании (необязательно)
partner-admin-linked = { $name } связан со своей компанией: его лицензии — пользовательские лицензии компании.
partner-admin-invited = { $name } теперь компания-клиент: её администратору отправлено приглашение зарегистрироваться.
mail-client-linked-subject = { $seller } теперь управляет лицензиями для { $company }
mail-client-linked-body = { $seller } назначил вас администратором { $company } для лицензий, которые покупает для своего клиента { $client }. Его сроки отображаются как пользовательские лицензии в разделе Администрирование компании → Управление подписками клиентского портала, где вы привязываете их к своим пользователям.
mail-client-linked-object = Если { $seller } не продаёт вашей компании, ответьте на это письмо.
## Named users' one-time codes and messages with their details (issue #13, helper H2)

error-user-code-wrong = Неверный код. Сверьте его с последним письмом портала или запросите новый код.
error-user-code-expired = Этот код больше нельзя использовать: код действует один раз, { $minutes } минут, и допускает несколько попыток. Запросите новый код.
mail-user-code-subject = Ваш одноразовый код для активации компьютера
mail-user-code-intro = Чтобы активировать программу с корпоративной учётной записью ({ $email }) без пароля, введите этот код:
mail-user-code-expiry = Код действует один раз, { $minutes } минут. Если вы его не запрашивали, не обращайте внимания на это письмо: без кода никто не сможет воспользоваться вашей учётной записью.
activate-user-code-link = Прислать код по почте
activate-user-password-link = Войти с паролем
activate-user-code-send = Прислать код
activate-user-code-sent = Если { $email } принадлежит корпоративной учётной записи, код уже отправлен. Он действует { $minutes } минут.
activate-user-code = Код из письма
activate-user-code-button = Активировать с кодом
cli-code-sent = Если { $email } принадлежит корпоративной учётной записи, код уже отправлен; он действует { $minutes } минут.
cli-code-prompt = Код из письма:
error-expired-on = Срок действия этой лицензии истёк { $date }. Попросите того, кто управляет вашими лицензиями, продлить её.
web-seat-from-seller = через { $seller }
