// Every action the trail records, named in az, en and ru: the auditor filters and reads the trail
// by these names, not by internal codes. The tables are the list: `appendAudit` takes only an
// action named here, so a command that writes an unnamed one does not compile.
import type { Action } from '../access/rules.ts';
import type { Language } from '../profile/schema.ts';

type Words = Record<Language, string>;

/** The audit hook's entry of each API call: the route's access action (src/access/rules.ts). */
const CALLS: Record<Action, Words> = {
  'session.self': { az: 'Öz hesabı və sessiyası', en: 'Own account and session', ru: 'Своя учётная запись и сеанс' },
  'profile.read': { az: 'Ölkə profilinə baxış', en: 'Read the country profile', ru: 'Просмотр профиля страны' },
  'agencies.list': { az: 'Qurumların siyahısı', en: 'List agencies', ru: 'Список ведомств' },
  'agencies.create': { az: 'Qurumun yaradılması', en: 'Create an agency', ru: 'Создание ведомства' },
  'agencies.update': { az: 'Qurumun dəyişdirilməsi', en: 'Change an agency', ru: 'Изменение ведомства' },
  'users.list': { az: 'İstifadəçilərin siyahısı', en: 'List users', ru: 'Список пользователей' },
  'users.create': { az: 'İstifadəçinin yaradılması', en: 'Create a user', ru: 'Создание пользователя' },
  'users.update': { az: 'İstifadəçinin dəyişdirilməsi', en: 'Change a user', ru: 'Изменение пользователя' },
  'users.approve': { az: 'Hesab dəyişikliyi üzrə qərar', en: 'Decide on an account change', ru: 'Решение об изменении учётной записи' },
  'settings.read': { az: 'Sistem parametrlərinə baxış', en: 'Read system settings', ru: 'Просмотр системных настроек' },
  'settings.update': { az: 'Sistem parametrlərinin dəyişdirilməsi', en: 'Change system settings', ru: 'Изменение системных настроек' },
  'persons.list': { az: 'Şəxslərin siyahısı və axtarışı', en: 'List and search persons', ru: 'Список и поиск лиц' },
  'persons.identity': { az: 'Şəxsiyyət məlumatlarına baxış', en: "Open a person's identifying data", ru: 'Просмотр идентифицирующих данных лица' },
  'persons.create': { az: 'Şəxsin qeydiyyatı', en: 'Register a person', ru: 'Регистрация лица' },
  'persons.update': { az: 'Şəxsin qeydinin dəyişdirilməsi', en: "Change a person's record", ru: 'Изменение записи о лице' },
  'persons.identify': { az: 'Qurban kimi tanınma qərarı', en: 'Identification decision', ru: 'Решение об идентификации' },
  'referrals.create': { az: 'Şəxsin yönləndirilməsi', en: 'Refer a person', ru: 'Направление лица' },
  'referrals.inbox': { az: 'Daxil olan yönləndirmələr', en: 'Referrals received', ru: 'Входящие направления' },
  'assistance.record': { az: 'Yardımın qeydə alınması', en: 'Record assistance', ru: 'Учёт помощи' },
  'payments.record': { az: 'Ödənişin qeydə alınması', en: 'Record a payment', ru: 'Учёт выплаты' },
  'notes.read': { az: 'İş qeydlərinə baxış', en: 'Read case notes', ru: 'Просмотр заметок по делу' },
  'notes.write': { az: 'İş qeydlərinin yazılması', en: 'Write case notes', ru: 'Запись заметок по делу' },
  'attachments.read': { az: 'Əlavə fayllara baxış', en: 'Open attachments', ru: 'Просмотр вложений' },
  'attachments.add': { az: 'Faylın əlavə edilməsi', en: 'Add an attachment', ru: 'Добавление вложения' },
  'persons.assign': { az: 'İşin əməkdaşa təyin edilməsi', en: 'Assign a case', ru: 'Назначение дела сотруднику' },
  'consents.override': { az: 'Razılıqdan imtinaya baxmayaraq emal', en: 'Override a refused consent', ru: 'Обработка вопреки отказу в согласии' },
  'hotline.read': { az: 'Qaynar xətt müraciətlərinə baxış', en: 'Read hotline contacts', ru: 'Просмотр обращений на горячую линию' },
  'hotline.log': { az: 'Qaynar xətt müraciətinin yazılması', en: 'Log a hotline contact', ru: 'Запись обращения на горячую линию' },
  'tips.read': { az: 'Polisə məlumatlara baxış', en: 'Read tips for the police', ru: 'Просмотр сообщений для полиции' },
  'tips.file': { az: 'Polisə məlumatın göndərilməsi', en: 'File a tip for the police', ru: 'Передача сообщения в полицию' },
  'tips.review': { az: 'Polisə məlumata baxılması', en: 'Review a tip', ru: 'Рассмотрение сообщения' },
  'hotline.stats': { az: 'Qaynar xətt statistikası', en: 'Hotline statistics', ru: 'Статистика горячей линии' },
  'report.read': { az: 'İllik hesabata baxış', en: 'Read the annual report', ru: 'Просмотр годового отчёта' },
  'report.sources': { az: 'Göstəricinin qeydlərinə baxış', en: 'Open the records behind a figure', ru: 'Просмотр записей за показателем' },
  'report.narrative': { az: 'Hesabat mətninin yazılması', en: 'Write report text', ru: 'Написание текста отчёта' },
  'report.definition': { az: 'Hesabatın tərifinin dəyişdirilməsi', en: 'Change the report definition', ru: 'Изменение определения отчёта' },
  'report.publish': { az: 'Hesabatın dərc edilməsi', en: 'Publish the report', ru: 'Публикация отчёта' },
  'report.history': { az: 'Keçmiş illərin göstəriciləri', en: 'Figures of past years', ru: 'Показатели прошлых лет' },
  'returns.make': { az: 'Beynəlxalq hesabatın hazırlanması', en: 'Make an international return', ru: 'Подготовка международного отчёта' },
  'prosecution.read': { az: 'Cinayət təqibi reyestrinə baxış', en: 'Read the criminal-justice registry', ru: 'Просмотр реестра уголовного преследования' },
  'prosecution.record': { az: 'Cinayət təqibi reyestrində yazılış', en: 'Record in the criminal-justice registry', ru: 'Запись в реестр уголовного преследования' },
  'prosecution.stats': { az: 'Cinayət təqibi statistikası', en: 'Criminal justice statistics', ru: 'Статистика уголовного преследования' },
  'submissions.read': { az: 'Qurum hesabatlarına baxış', en: 'Read agency submissions', ru: 'Просмотр отчётов ведомств' },
  'submissions.edit': { az: 'Hesabatın doldurulması', en: 'Fill in a submission', ru: 'Заполнение отчёта' },
  'submissions.review': { az: 'Hesabata baxılması', en: 'Review a submission', ru: 'Рассмотрение отчёта' },
  'submissions.figures': { az: 'Milli göstəricilər', en: 'National figures', ru: 'Национальные показатели' },
  'indicators.read': { az: 'Göstəricilər kataloquna baxış', en: 'Read the indicator catalogue', ru: 'Просмотр каталога показателей' },
  'indicators.edit': { az: 'Göstəricilər kataloqunun dəyişdirilməsi', en: 'Change the indicator catalogue', ru: 'Изменение каталога показателей' },
  'activities.read': { az: 'Tədbirlərə baxış', en: 'Read activities', ru: 'Просмотр мероприятий' },
  'activities.record': { az: 'Tədbirin qeydə alınması', en: 'Record an activity', ru: 'Регистрация мероприятия' },
  'nap.read': { az: 'Fəaliyyət planına baxış', en: 'Read the action plan', ru: 'Просмотр плана действий' },
  'nap.manage': { az: 'Fəaliyyət planının idarə edilməsi', en: 'Manage the action plan', ru: 'Ведение плана действий' },
  'nap.report': { az: 'Tədbirin icrası barədə hesabat', en: 'Report on a measure', ru: 'Отчёт о выполнении меры' },
  'screening.screen': { az: 'Mətnin yoxlanması', en: 'Screen a text', ru: 'Проверка текста' },
  'screening.keep': { az: 'Yoxlanmış mətnin saxlanması', en: 'Keep a screened text', ru: 'Сохранение проверенного текста' },
  'screening.read': { az: 'Yoxlama növbəsinə baxış', en: 'Read the screening queue', ru: 'Просмотр очереди проверки' },
  'screening.review': { az: 'Yoxlanmış mətnə baxılması', en: 'Review a screened text', ru: 'Рассмотрение проверенного текста' },
  'screening.export': { az: 'Yoxlanmış mətnlərin ixracı', en: 'Export screened texts', ru: 'Выгрузка проверенных текстов' },
  'screening.stats': { az: 'Yoxlama statistikası', en: 'Screening statistics', ru: 'Статистика проверки' },
  'questionnaire.record': { az: 'İlkin sorğunun yazılması', en: 'Record a questionnaire', ru: 'Запись опросника' },
  'retention.read': { az: 'Saxlama müddəti bitən qeydlərə baxış', en: 'Read records past their retention', ru: 'Просмотр записей с истёкшим сроком хранения' },
  'retention.hold': { az: 'Silinmə qadağasının qoyulması və ya götürülməsi', en: 'Set or lift a legal hold', ru: 'Установка или снятие запрета удаления' },
  'duplicates.review': { az: 'Ehtimal olunan təkrarlara baxış', en: 'Review possible duplicates', ru: 'Просмотр возможных дубликатов' },
  'duplicates.merge': { az: 'Təkrar qeydlərin birləşdirilməsi', en: 'Merge duplicates', ru: 'Объединение дубликатов' },
  // The coordinator's "run now" and the daily job write the same action.
  'retention.run': { az: 'Saxlama müddətlərinin icrası', en: 'Retention run', ru: 'Применение сроков хранения' },
  'audit.list': { az: 'Audit jurnalında axtarış', en: 'Search the audit trail', ru: 'Поиск в журнале аудита' },
  'audit.verify': { az: 'Audit zəncirinin yoxlanması', en: 'Verify the audit chain', ru: 'Проверка цепочки аудита' },
};

/** Entries a command writes beside its call's: the change itself, a read of identity, a CLI run. */
const CHANGES = {
  'users.code_issued': { az: 'Birdəfəlik kod verildi', en: 'One-time code issued', ru: 'Выдан одноразовый код' },
  'users.change_proposed': { az: 'Hesab dəyişikliyi təklif edildi', en: 'Account change proposed', ru: 'Предложено изменение учётной записи' },
  'users.change_approved': { az: 'Hesab dəyişikliyi təsdiq edildi', en: 'Account change approved', ru: 'Изменение учётной записи одобрено' },
  'users.change_rejected': { az: 'Hesab dəyişikliyi rədd edildi', en: 'Account change rejected', ru: 'Изменение учётной записи отклонено' },
  'users.password_reset': { az: 'Parol birdəfəlik kodla seçildi', en: 'Password chosen with a one-time code', ru: 'Пароль выбран по одноразовому коду' },
  'users.password_changed': { az: 'Parol dəyişdirildi', en: 'Password changed', ru: 'Пароль изменён' },
  'users.language_changed': { az: 'İnterfeys dili dəyişdirildi', en: 'Interface language changed', ru: 'Изменён язык интерфейса' },
  'users.enrolment_code_used': { az: 'İki faktorlu autentifikasiya üçün kod istifadə edildi', en: 'Two-factor enrolment code used', ru: 'Использован код подключения двухфакторной аутентификации' },
  'users.totp_setup_started': { az: 'İki faktorlu autentifikasiyanın qoşulmasına başlanıldı', en: 'Two-factor set-up started', ru: 'Начато подключение двухфакторной аутентификации' },
  'users.totp_enabled': { az: 'İki faktorlu autentifikasiya qoşuldu', en: 'Two-factor authentication turned on', ru: 'Двухфакторная аутентификация включена' },
  'users.totp_disabled': { az: 'İki faktorlu autentifikasiya söndürüldü', en: 'Two-factor authentication turned off', ru: 'Двухфакторная аутентификация выключена' },
  'persons.identity_read': { az: 'Şəxsiyyət məlumatları oxundu', en: 'Identifying data read', ru: 'Прочитаны идентифицирующие данные' },
  'persons.child_added': { az: 'Uşaq əlavə edildi', en: 'Child added', ru: 'Добавлен ребёнок' },
  'persons.closed': { az: 'İş bağlandı', en: 'Case closed', ru: 'Дело закрыто' },
  'persons.consent': { az: 'Razılıq qeydə alındı', en: 'Consent recorded', ru: 'Согласие записано' },
  'persons.consent_overridden': { az: 'Razılıqdan imtinaya baxmayaraq emal qeydə alındı', en: 'Refused consent overridden', ru: 'Отказ в согласии преодолён по закону' },
  'persons.event_added': { az: 'İstismar hadisəsi əlavə edildi', en: 'Exploitation event added', ru: 'Добавлено событие эксплуатации' },
  'persons.reflection_started': { az: 'Düşünmə müddəti başladı', en: 'Reflection period started', ru: 'Начат период размышления' },
  'persons.reflection_updated': { az: 'Düşünmə müddəti dəyişdirildi', en: 'Reflection period changed', ru: 'Изменён период размышления' },
  'referrals.create_without_consent': { az: 'Qeydə alınmış razılıq olmadan yönləndirmə', en: 'Referral without recorded consent', ru: 'Направление без записанного согласия' },
  'referrals.accepted': { az: 'Yönləndirmə qəbul edildi', en: 'Referral accepted', ru: 'Направление принято' },
  'referrals.declined': { az: 'Yönləndirmə rədd edildi', en: 'Referral declined', ru: 'Направление отклонено' },
  'referrals.completed': { az: 'Yönləndirmə başa çatdı', en: 'Referral completed', ru: 'Направление завершено' },
  'referrals.revoked': { az: 'Yönləndirmə geri götürüldü', en: 'Referral revoked', ru: 'Направление отозвано' },
  'assistance.ended': { az: 'Yardım başa çatdı', en: 'Assistance ended', ru: 'Помощь завершена' },
  'assistance.void': { az: 'Yardım qeydi ləğv edildi', en: 'Assistance entry voided', ru: 'Запись о помощи аннулирована' },
  'payments.void': { az: 'Ödəniş ləğv edildi', en: 'Payment voided', ru: 'Выплата аннулирована' },
  'payments.record_override': { az: 'Ödəniş səbəb göstərilməklə qaydadan kənar qeydə alındı', en: 'Payment recorded beyond the rule, with a reason', ru: 'Выплата учтена сверх правила с указанием причины' },
  'notes.add': { az: 'İş qeydi əlavə edildi', en: 'Case note added', ru: 'Добавлена заметка по делу' },
  'notes.edit': { az: 'İş qeydi redaktə edildi', en: 'Case note edited', ru: 'Заметка по делу изменена' },
  'attachments.download': { az: 'Əlavə fayl yükləndi', en: 'Attachment downloaded', ru: 'Вложение скачано' },
  'hotline.contact_logged': { az: 'Qaynar xətt müraciəti qeydə alındı', en: 'Hotline contact logged', ru: 'Обращение на горячую линию записано' },
  'hotline.follow_up_done': { az: 'Təkrar əlaqə edildi', en: 'Follow-up done', ru: 'Повторная связь выполнена' },
  'hotline.person_linked': { az: 'Müraciət şəxslə əlaqələndirildi', en: 'Contact linked to a person', ru: 'Обращение связано с лицом' },
  'prosecution.fact_registered': { az: 'Cinayət faktı qeydə alındı', en: 'Crime fact registered', ru: 'Зарегистрирован факт преступления' },
  'prosecution.fact_no_case': { az: 'Cinayət faktı üzrə iş başlanmadı', en: 'No case opened on a crime fact', ru: 'По факту преступления дело не возбуждено' },
  'prosecution.case_opened': { az: 'Cinayət işi başlandı', en: 'Criminal case opened', ru: 'Возбуждено уголовное дело' },
  'prosecution.case_fact_added': { az: 'Cinayət faktı işə əlavə edildi', en: 'Crime fact added to a case', ru: 'Факт преступления добавлен к делу' },
  'prosecution.case_status': { az: 'İşin vəziyyəti dəyişdirildi', en: 'Case status changed', ru: 'Изменён статус дела' },
  'prosecution.case_victim': { az: 'Zərərçəkmiş işə əlavə edildi', en: 'Victim added to a case', ru: 'Потерпевший добавлен к делу' },
  'prosecution.person_added': { az: 'Təqib olunan şəxs əlavə edildi', en: 'Prosecuted person added', ru: 'Добавлено преследуемое лицо' },
  'prosecution.person_step': { az: 'Prosessual hərəkət qeydə alındı', en: 'Procedural step recorded', ru: 'Записано процессуальное действие' },
  'prosecution.sentence': { az: 'Hökm qeydə alındı', en: 'Sentence recorded', ru: 'Записан приговор' },
  'prosecution.identity_read': { az: 'Təqib olunan şəxsin məlumatları oxundu', en: "Prosecuted person's identity read", ru: 'Прочитаны данные преследуемого лица' },
  'prosecution.wanted': { az: 'Axtarışda olan şəxs qeydə alındı', en: 'Wanted person recorded', ru: 'Записано разыскиваемое лицо' },
  'prosecution.wanted_status': { az: 'Axtarışın vəziyyəti dəyişdirildi', en: 'Search status changed', ru: 'Изменён статус розыска' },
  'report.history.import': { az: 'Keçmiş illərin göstəriciləri idxal edildi', en: 'Figures of past years imported', ru: 'Загружены показатели прошлых лет' },
  'submissions.save': { az: 'Hesabat saxlanıldı', en: 'Submission saved', ru: 'Отчёт сохранён' },
  'submissions.import': { az: 'Hesabat cədvəldən idxal edildi', en: 'Submission imported from a spreadsheet', ru: 'Отчёт загружен из таблицы' },
  'submissions.submitted': { az: 'Hesabat təqdim edildi', en: 'Submission sent', ru: 'Отчёт представлен' },
  'submissions.returned': { az: 'Hesabat geri qaytarıldı', en: 'Submission returned', ru: 'Отчёт возвращён' },
  'submissions.approved': { az: 'Hesabat təsdiq edildi', en: 'Submission approved', ru: 'Отчёт утверждён' },
  'submissions.reopened': { az: 'Hesabat yenidən açıldı', en: 'Submission reopened', ru: 'Отчёт открыт повторно' },
  'submissions.comment': { az: 'Hesabata şərh yazıldı', en: 'Comment on a submission', ru: 'Комментарий к отчёту' },
  'indicators.catalogue': { az: 'Göstəricilər kataloqu saxlanıldı', en: 'Indicator catalogue saved', ru: 'Каталог показателей сохранён' },
  'indicators.start': { az: 'İlin kataloqu yaradıldı', en: "A year's catalogue started", ru: 'Начат каталог года' },
  'nap.measure_create': { az: 'Fəaliyyət planı tədbiri yaradıldı', en: 'Action plan measure created', ru: 'Создана мера плана действий' },
  'nap.report_approved': { az: 'Tədbir üzrə hesabat təsdiq edildi', en: 'Measure report approved', ru: 'Отчёт по мере утверждён' },
  'nap.report_returned': { az: 'Tədbir üzrə hesabat geri qaytarıldı', en: 'Measure report returned', ru: 'Отчёт по мере возвращён' },
  'duplicates.link': { az: 'Qeydlər eyni şəxs kimi əlaqələndirildi', en: 'Records linked as one person', ru: 'Записи связаны как одно лицо' },
  'duplicates.undo': { az: 'Birləşdirmə geri qaytarıldı', en: 'Merge undone', ru: 'Объединение отменено' },
  'retention.anonymise': { az: 'Qeydlər anonimləşdirildi', en: 'Records anonymised', ru: 'Записи обезличены' },
  'retention.hold_set': { az: 'Silinmə qadağası qoyuldu', en: 'Legal hold set', ru: 'Установлен запрет удаления' },
  'retention.hold_cleared': { az: 'Silinmə qadağası götürüldü', en: 'Legal hold lifted', ru: 'Снят запрет удаления' },
  'duplicates.unlink': { az: 'Qeydlər arasındakı əlaqə götürüldü', en: 'Link between records removed', ru: 'Связь между записями снята' },
  'interchange.import': { az: 'Qeydlər idxal edildi', en: 'Records imported', ru: 'Записи загружены' },
  'interchange.export': { az: 'Qeydlər ixrac edildi', en: 'Records exported', ru: 'Записи выгружены' },
  'backup.restored_broken_trail': { az: 'Zədələnmiş jurnalla ehtiyat nüsxə bərpa edildi', en: 'Backup restored despite a broken trail', ru: 'Резервная копия восстановлена при нарушенном журнале' },
  'demo.submissions_loaded': { az: 'Nümayiş hesabatları yükləndi', en: 'Demo submissions loaded', ru: 'Загружены демонстрационные отчёты' },
} satisfies Record<string, Words>;

/** Public routes name no access action: the audit hook writes their method and route. */
const PUBLIC_CALLS = {
  'POST /api/auth/login': { az: 'Sistemə giriş', en: 'Sign in', ru: 'Вход в систему' },
  'POST /api/auth/reset': { az: 'Birdəfəlik kodla giriş', en: 'Sign in with a one-time code', ru: 'Вход по одноразовому коду' },
  'GET /api/public/editions': { az: 'Açıq statistika: nəşrlər', en: 'Public statistics: editions', ru: 'Открытая статистика: издания' },
  'GET /api/public/editions/:year/tables': { az: 'Açıq statistika: cədvəllər', en: 'Public statistics: tables', ru: 'Открытая статистика: таблицы' },
  'GET /api/public/editions/:year/tables/:table/:format': { az: 'Açıq statistika: cədvəlin yüklənməsi', en: 'Public statistics: a table downloaded', ru: 'Открытая статистика: скачивание таблицы' },
  'GET /api/public/dictionary': { az: 'Açıq statistika: lüğət', en: 'Public statistics: dictionary', ru: 'Открытая статистика: словарь' },
} satisfies Record<string, Words>;

export type AuditAction = Action | keyof typeof CHANGES | keyof typeof PUBLIC_CALLS;

/** The name of each action in az, en and ru. */
export const AUDIT_ACTION_NAMES: Record<AuditAction, Words> = { ...CALLS, ...CHANGES, ...PUBLIC_CALLS };
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_NAMES) as AuditAction[];

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTION_NAMES, code);

/**
 * What the audit hook records for a public route (the route-walk test proves each is named above).
 * A HEAD is the GET without its body, so it is named as the GET.
 */
export const publicCallAction = (method: string, route: string) => `${method === 'HEAD' ? 'GET' : method} ${route}` as AuditAction;

/** The part of the system an action belongs to, for grouping the filter's list. */
const AREAS = {
  session: { az: 'Hesab və sessiya', en: 'Account and session', ru: 'Учётная запись и сеанс' },
  auth: { az: 'Sistemə giriş', en: 'Sign-in', ru: 'Вход в систему' },
  profile: { az: 'Ölkə profili', en: 'Country profile', ru: 'Профиль страны' },
  agencies: { az: 'Qurumlar', en: 'Agencies', ru: 'Ведомства' },
  users: { az: 'İstifadəçilər', en: 'Users', ru: 'Пользователи' },
  settings: { az: 'Parametrlər', en: 'Settings', ru: 'Настройки' },
  persons: { az: 'Şəxslər', en: 'Persons', ru: 'Лица' },
  consents: { az: 'Şəxslər', en: 'Persons', ru: 'Лица' },
  referrals: { az: 'Yönləndirmələr', en: 'Referrals', ru: 'Направления' },
  assistance: { az: 'Yardım və ödənişlər', en: 'Assistance and payments', ru: 'Помощь и выплаты' },
  payments: { az: 'Yardım və ödənişlər', en: 'Assistance and payments', ru: 'Помощь и выплаты' },
  notes: { az: 'İş qeydləri və fayllar', en: 'Case notes and attachments', ru: 'Заметки и вложения' },
  attachments: { az: 'İş qeydləri və fayllar', en: 'Case notes and attachments', ru: 'Заметки и вложения' },
  hotline: { az: 'Qaynar xətt', en: 'Hotline', ru: 'Горячая линия' },
  tips: { az: 'Qaynar xətt', en: 'Hotline', ru: 'Горячая линия' },
  report: { az: 'İllik hesabat', en: 'Annual report', ru: 'Годовой отчёт' },
  returns: { az: 'Beynəlxalq hesabatlar', en: 'International returns', ru: 'Международные отчёты' },
  public: { az: 'Açıq statistika', en: 'Public statistics', ru: 'Открытая статистика' },
  prosecution: { az: 'Cinayət təqibi', en: 'Criminal justice', ru: 'Уголовное преследование' },
  submissions: { az: 'Qurumların hesabatları', en: 'Agency submissions', ru: 'Отчёты ведомств' },
  indicators: { az: 'Göstəricilər kataloqu', en: 'Indicator catalogue', ru: 'Каталог показателей' },
  activities: { az: 'Tədbirlər', en: 'Activities', ru: 'Мероприятия' },
  nap: { az: 'Fəaliyyət planı', en: 'Action plan', ru: 'План действий' },
  screening: { az: 'Mətn yoxlaması', en: 'Screening', ru: 'Проверка текста' },
  questionnaire: { az: 'Mətn yoxlaması', en: 'Screening', ru: 'Проверка текста' },
  retention: { az: 'Saxlama müddətləri', en: 'Retention', ru: 'Сроки хранения' },
  duplicates: { az: 'Təkrar qeydlər', en: 'Duplicates', ru: 'Дубликаты' },
  audit: { az: 'Audit jurnalı', en: 'Audit trail', ru: 'Журнал аудита' },
  interchange: { az: 'İdxal və ixrac', en: 'Import and export', ru: 'Загрузка и выгрузка' },
  backup: { az: 'Ehtiyat nüsxə', en: 'Backup', ru: 'Резервное копирование' },
  demo: { az: 'Nümayiş məlumatları', en: 'Demo data', ru: 'Демонстрационные данные' },
} satisfies Record<string, Words>;

/** The area of "persons.create" is persons, of "POST /api/auth/login" auth; null if it has none (a test forbids that). */
export function areaOf(code: AuditAction): Words | null {
  const key = code.includes(' ') ? code.split('/')[2] : code.split('.')[0];
  return (AREAS as Record<string, Words>)[key ?? ''] ?? null;
}

/** The name of a recorded action in a language; null for a code no longer written (older rows). */
export const actionName = (code: string, lang: Language): string | null => (isAuditAction(code) ? AUDIT_ACTION_NAMES[code][lang] : null);
