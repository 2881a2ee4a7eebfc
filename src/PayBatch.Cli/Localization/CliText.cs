using PayBatch.Core.Localization;

namespace PayBatch.Cli.Localization;

/// <summary>What the command line says to a person: descriptions, results, warnings and errors.</summary>
public static class CliText
{
    // The root and the global options.
    public static readonly Message Root = new(
        "PayBatch: quarterly social-assistance payments — eligibility, bank files, reconciliation, reports.",
        "PayBatch: ежеквартальные выплаты социальной помощи — право на выплату, банковские файлы, сверка, отчёты.",
        "PayBatch: тоқсан сайынғы әлеуметтік көмек төлемдері — төлем алу құқығы, банк файлдары, салыстыру, есептер.");

    public static readonly Message OptionDb = new(
        "Connection string (default: SQLite file paybatch.db in the working directory)",
        "Строка подключения (по умолчанию: файл SQLite paybatch.db в рабочем каталоге)",
        "Қосылу жолы (әдепкі: жұмыс каталогындағы paybatch.db SQLite файлы)");

    public static readonly Message OptionProvider = new(
        "Database: sqlite | sqlserver | postgres",
        "База данных: sqlite | sqlserver | postgres",
        "Дерекқор: sqlite | sqlserver | postgres");

    public static readonly Message OptionJson = new(
        "Print one JSON object on stdout and nothing else",
        "Вывести в stdout один JSON-объект и ничего больше",
        "stdout-қа бір ғана JSON нысанын шығару, басқа ештеңе емес");

    public static readonly Message OptionVerbose = new(
        "Log debug detail",
        "Писать в журнал отладочные подробности",
        "Журналға жөндеу мәліметтерін жазу");

    public static readonly Message OptionQuiet = new(
        "Print nothing but errors",
        "Выводить только ошибки",
        "Тек қателерді шығару");

    public static readonly Message OptionLang = new(
        "Language: ru | kk | en (default: setting Ui:Language, else the system's when Russian or Kazakh, else English; reports default to Russian)",
        "Язык: ru | kk | en (по умолчанию: настройка Ui:Language, иначе язык системы, если он русский или казахский, иначе английский; отчёты по умолчанию на русском)",
        "Тіл: ru | kk | en (әдепкі: Ui:Language баптауы, әйтпесе жүйе тілі орыс не қазақ тілі болса, сол, әйтпесе ағылшын тілі; есептер әдепкі бойынша орыс тілінде)");

    public static readonly Message SeeHelp = new(
        "Run 'paybatch --help' for usage.",
        "Справка: 'paybatch --help'.",
        "Анықтама: 'paybatch --help'.");

    public static readonly Message Error = new("error: {0}", "ошибка: {0}", "қате: {0}");

    public static readonly Message Warning = new("warning: {0}", "предупреждение: {0}", "ескерту: {0}");

    public static readonly Message Cancelled = new(
        "cancelled; nothing half-done was kept",
        "отменено; ничего незавершённого не сохранено",
        "тоқтатылды; аяқталмаған ештеңе сақталмады");

    public static readonly Message DatabaseRefused = new(
        "the database refused the change ({0}); another paybatch may have changed the same data at the same moment. Nothing of this run was kept: run it again",
        "база данных отклонила изменение ({0}); возможно, другой paybatch в тот же момент изменил те же данные. Ничего из этого запуска не сохранено: запустите его снова",
        "дерекқор өзгерісті қабылдамады ({0}); дәл сол сәтте басқа paybatch сол деректерді өзгерткен болуы мүмкін. Бұл іске қосудан ештеңе сақталмады: оны қайта іске қосыңыз");

    public static readonly Message UnexpectedFailure = new(
        "unexpected failure: {0}; nothing half-done was kept",
        "непредвиденный сбой: {0}; ничего незавершённого не сохранено",
        "күтпеген ақау: {0}; аяқталмаған ештеңе сақталмады");

    // Settings.
    public static readonly Message LanguageInvalid = new(
        "Ui:Language '{0}' is not ru, kk or en",
        "Ui:Language '{0}' — не ru, kk или en",
        "Ui:Language '{0}' — ru, kk немесе en емес");

    public static readonly Message ProviderInvalid = new(
        "Database:Provider '{0}' is not sqlite, sqlserver or postgres",
        "Database:Provider '{0}' — не sqlite, sqlserver или postgres",
        "Database:Provider '{0}' — sqlite, sqlserver немесе postgres емес");

    public static readonly Message SqliteConnectionInvalid = new(
        "Database:ConnectionString is not a SQLite connection string: {0}",
        "Database:ConnectionString — не строка подключения SQLite: {0}",
        "Database:ConnectionString — SQLite қосылу жолы емес: {0}");

    public static readonly Message SqliteNoFile = new(
        "Database:ConnectionString '{0}' names no database file: an empty or in-memory SQLite database keeps nothing from one command to the next (e.g. Data Source=paybatch.db)",
        "Database:ConnectionString '{0}' не указывает файл базы данных: пустая или размещённая в памяти база SQLite ничего не хранит от команды к команде (например, Data Source=paybatch.db)",
        "Database:ConnectionString '{0}' дерекқор файлын көрсетпейді: бос немесе жадтағы SQLite дерекқоры пәрменнен пәрменге ештеңе сақтамайды (мысалы, Data Source=paybatch.db)");

    public static readonly Message SqliteIsFolder = new(
        "Database:ConnectionString: {0} is a folder, not a SQLite database file (e.g. {1})",
        "Database:ConnectionString: {0} — папка, а не файл базы данных SQLite (например, {1})",
        "Database:ConnectionString: {0} — SQLite дерекқорының файлы емес, қалта (мысалы, {1})");

    public static readonly Message SqliteCannotCreate = new(
        "Database:ConnectionString: the SQLite database {0} cannot be created ({1})",
        "Database:ConnectionString: базу данных SQLite {0} невозможно создать ({1})",
        "Database:ConnectionString: {0} SQLite дерекқорын құру мүмкін емес ({1})");

    public static readonly Message ServerConnectionInvalid = new(
        "Database:ConnectionString is not a {0} connection string; see it with 'paybatch config show' (it is not repeated here: it may hold a password)",
        "Database:ConnectionString — не строка подключения {0}; посмотрите её командой 'paybatch config show' (здесь она не приводится: в ней может быть пароль)",
        "Database:ConnectionString — {0} қосылу жолы емес; оны 'paybatch config show' пәрменімен қараңыз (мұнда келтірілмейді: онда құпиясөз болуы мүмкін)");

    public static readonly Message LogsUnwritable = new(
        "Logs {0}: the log folder cannot be made or written ({1})",
        "Logs {0}: папку журнала невозможно создать или записать в неё ({1})",
        "Logs {0}: журнал қалтасын құру немесе оған жазу мүмкін емес ({1})");

    public static readonly Message CoefficientInvalid = new(
        "Payment:Coefficient '{0}' is not a positive number",
        "Payment:Coefficient '{0}' — не положительное число",
        "Payment:Coefficient '{0}' — оң сан емес");

    // Options shared by several commands.
    public static readonly Message OptionQuarter = new("The quarter, e.g. 2026Q1", "Квартал, например 2026Q1", "Тоқсан, мысалы 2026Q1");

    public static readonly Message QuarterInvalid = new(
        "'{0}' is not a quarter such as 2026Q1",
        "'{0}' — не квартал вида 2026Q1",
        "'{0}' — 2026Q1 сияқты тоқсан емес");

    public static readonly Message DateInvalid = new(
        "'{0}' is not a date (yyyy-MM-dd or dd.MM.yyyy)",
        "'{0}' — не дата (yyyy-MM-dd или dd.MM.yyyy)",
        "'{0}' — күн емес (yyyy-MM-dd немесе dd.MM.yyyy)");

    public static readonly Message OptionBankFormat = new(
        "Bank file format: csv | pain001 | mt102 (default: each bank's own, from the bank directory)",
        "Формат банковского файла: csv | pain001 | mt102 (по умолчанию: формат каждого банка из справочника банков)",
        "Банк файлының форматы: csv | pain001 | mt102 (әдепкі: банктер анықтамалығындағы әр банктің өз форматы)");

    public static readonly Message BankFormatInvalid = new(
        "'{0}' is not a bank file format (csv, pain001, mt102)",
        "'{0}' — не формат банковского файла (csv, pain001, mt102)",
        "'{0}' — банк файлының форматы емес (csv, pain001, mt102)");

    public static readonly Message OptionValueDate = new(
        "Value date: a banking day (default: the first banking day on or after today)",
        "Дата валютирования: банковский день (по умолчанию: первый банковский день начиная с сегодняшнего)",
        "Валюталау күні: банктік күн (әдепкі: бүгіннен бастап алғашқы банктік күн)");

    public static readonly Message OptionOut = new(
        "Output folder (default: setting Output, 'out')",
        "Папка для файлов (по умолчанию: настройка Output, 'out')",
        "Шығыс қалтасы (әдепкі: Output баптауы, 'out')");

    // Settings that cannot be read.
    public static readonly Message SettingsFileInvalid = new(
        "{0}: the settings cannot be read ({1})",
        "{0}: настройки не читаются ({1})",
        "{0}: баптаулар оқылмайды ({1})");

    public static readonly Message MigrationLockInvalid = new(
        "Database:MigrationLockSeconds '{0}' is not a positive whole number of seconds",
        "Database:MigrationLockSeconds '{0}' — не целое положительное число секунд",
        "Database:MigrationLockSeconds '{0}' — секундтардың оң бүтін саны емес");

    public static readonly Message IndicatorUnknown = new(
        "{0}:{1} is not an indicator of Appendix 2 (1.1 … 5.1)",
        "{0}:{1} — не показатель Приложения 2 (1.1 … 5.1)",
        "{0}:{1} — 2-қосымшаның көрсеткіші емес (1.1 … 5.1)");

    public static readonly Message IndicatorNotANumber = new(
        "{0}:{1} '{2}' is not a number such as 74.5",
        "{0}:{1} '{2}' — не число вида 74.5",
        "{0}:{1} '{2}' — 74.5 сияқты сан емес");

    public static readonly Message TimeZoneInvalid = new(
        "Ui:TimeZone '{0}' is not an offset such as +05:00 or a time zone id such as Asia/Almaty",
        "Ui:TimeZone '{0}' — не смещение вида +05:00 и не идентификатор часового пояса вида Asia/Almaty",
        "Ui:TimeZone '{0}' — +05:00 сияқты ығысу да, Asia/Almaty сияқты уақыт белдеуінің идентификаторы да емес");

    public static readonly Message RequiredSignaturesInvalid = new(
        "Release:RequiredSignatures '{0}' is not 0, 1 or 2",
        "Release:RequiredSignatures '{0}' — не 0, 1 или 2",
        "Release:RequiredSignatures '{0}' — 0, 1 немесе 2 емес");

    public static readonly Message SignerIinInvalid = new(
        "Release:Signers:{0}:Iin '{1}' is not a valid IIN",
        "Release:Signers:{0}:Iin '{1}' — недействительный ИИН",
        "Release:Signers:{0}:Iin '{1}' — жарамсыз ЖСН");

    public static readonly Message SignerRoleInvalid = new(
        "Release:Signers:{0}:Role '{1}' is not first or second",
        "Release:Signers:{0}:Role '{1}' — не first и не second",
        "Release:Signers:{0}:Role '{1}' — first те, second те емес");

    public static readonly Message DryRunPrefix = new("[dry run] ", "[пробный запуск] ", "[сынақ іске қосу] ");

    // init
    public static readonly Message Init = new(
        "Create or migrate the database (idempotent)",
        "Создать базу данных или обновить её схему (повторный запуск безопасен)",
        "Дерекқорды құру немесе оның сұлбасын жаңарту (қайта іске қосу қауіпсіз)");

    public static readonly Message InitScript = new(
        "Print the full SQL script for the chosen provider instead of applying it",
        "Вывести полный SQL-скрипт для выбранного провайдера вместо его применения",
        "Таңдалған провайдерге арналған толық SQL сценарийін қолданбай, шығару");

    public static readonly Message DatabaseReady = new(
        "Database ready ({0}, {1} migration(s) applied).",
        "База данных готова ({0}, применено миграций: {1}).",
        "Дерекқор дайын ({0}, қолданылған миграциялар: {1}).");

    // import
    public static readonly Message Import = new(
        "Load the registry of approved cases or the quarterly school certificates",
        "Загрузить реестр утверждённых дел или ежеквартальные справки из школы",
        "Бекітілген істер тізілімін немесе тоқсан сайынғы мектеп анықтамаларын жүктеу");

    public static readonly Message ImportRecipients = new(
        "Load the registry (upsert by case_id; changed bank details are kept in history)",
        "Загрузить реестр (добавление или обновление по case_id; прежние банковские реквизиты сохраняются в истории)",
        "Тізілімді жүктеу (case_id бойынша қосу не жаңарту; бұрынғы банктік деректемелер тарихта сақталады)");

    public static readonly Message ImportCertificates = new(
        "Load quarterly school certificates",
        "Загрузить ежеквартальные справки из школы",
        "Тоқсан сайынғы мектеп анықтамаларын жүктеу");

    public static readonly Message ArgumentCsvFile = new(
        "CSV file (',' or ';', UTF-8 or Windows-1251)",
        "CSV-файл (',' или ';', UTF-8 или Windows-1251)",
        "CSV файлы (',' немесе ';', UTF-8 немесе Windows-1251)");

    public static readonly Message ImportedRecipients = new(
        "Imported {0} recipients from {1} ({2} bank detail change(s) kept in history).",
        "Загружено получателей: {0} из {1} (изменений банковских реквизитов сохранено в истории: {2}).",
        "{1} файлынан {0} алушы жүктелді (тарихта сақталған банктік деректеме өзгерістері: {2}).");

    public static readonly Message ImportedCertificates = new(
        "Imported {0} certificates from {1}.",
        "Загружено справок: {0} из {1}.",
        "{1} файлынан {0} анықтама жүктелді.");

    // run
    public static readonly Message Run = new(
        "Pay the quarter: import the given files, verify eligibility, compute amounts, create the batch, write the bank files",
        "Выплатить квартал: загрузить указанные файлы, проверить право на выплату, рассчитать суммы, создать пакет, записать банковские файлы",
        "Тоқсанды төлеу: берілген файлдарды жүктеу, төлем алу құқығын тексеру, сомаларды есептеу, пакет құру, банк файлдарын жазу");

    public static readonly Message RunRecipients = new(
        "Import this registry file first",
        "Сначала загрузить этот файл реестра",
        "Алдымен осы тізілім файлын жүктеу");

    public static readonly Message RunCertificates = new(
        "Import this certificates file first",
        "Сначала загрузить этот файл справок",
        "Алдымен осы анықтамалар файлын жүктеу");

    public static readonly Message RunDryRun = new(
        "Decide and report exactly as a real run, but change and write nothing",
        "Принять решения и сообщить о них в точности как настоящий запуск, но ничего не менять и не записывать",
        "Нақты іске қосудағыдай шешім қабылдап, хабарлау, бірақ ештеңені өзгертпеу және жазбау");

    public static readonly Message DryRunCannotImport = new(
        "--dry-run loads --recipients/--certificates into a throw-away copy of the database, which only SQLite has; on a server import them first or drop --dry-run",
        "--dry-run загружает --recipients/--certificates в одноразовую копию базы данных, а она есть только у SQLite; на сервере загрузите их заранее или уберите --dry-run",
        "--dry-run --recipients/--certificates файлдарын дерекқордың бір реттік көшірмесіне жүктейді, ал ол тек SQLite-та бар; серверде оларды алдын ала жүктеңіз немесе --dry-run алып тастаңыз");

    public static readonly Message KnpMissing = new(
        "Payment:Knp is not set, so the knp column of the CSV bank files is empty; set it (agreed with the treasury) before the files go to the banks",
        "Payment:Knp не задан, поэтому столбец knp в банковских CSV-файлах пуст; задайте его (по согласованию с казначейством) до отправки файлов в банки",
        "Payment:Knp орнатылмаған, сондықтан банктік CSV файлдарындағы knp бағаны бос; файлдар банктерге жіберілмей тұрып, оны (қазынашылықпен келісіп) орнатыңыз");

    public static readonly Message RunNobody = new(
        "{0}{1}: nobody left to pay; no batch created ({2} case(s) not paid).",
        "{0}{1}: платить больше некому; пакет не создан (не выплачено дел: {2}).",
        "{0}{1}: төлейтін ешкім қалмады; пакет құрылмады ({2} іс төленбеді).");

    public static readonly Message RunBatch = new(
        "{0}{1} batch {2}: {3} payment(s) × {4} KZT ({9} × MRP {5}) = {6} KZT, value date {7}; {8} case(s) excluded.",
        "{0}{1} пакет {2}: платежей {3} × {4} KZT ({9} × МРП {5}) = {6} KZT, дата валютирования {7}; исключено дел: {8}.",
        "{0}{1} пакет {2}: {3} төлем × {4} KZT ({9} × АЕК {5}) = {6} KZT, валюталау күні {7}; {8} іс шығарылды.");

    public static readonly Message RunBatchDry = new(
        "{0}{1} batch {2} would pay {3} payment(s) × {4} KZT ({9} × MRP {5}) = {6} KZT, value date {7}; {8} case(s) excluded.",
        "{0}{1} пакет {2} выплатил бы: платежей {3} × {4} KZT ({9} × МРП {5}) = {6} KZT, дата валютирования {7}; исключено дел: {8}.",
        "{0}{1} пакет {2} төлер еді: {3} төлем × {4} KZT ({9} × АЕК {5}) = {6} KZT, валюталау күні {7}; {8} іс шығарылды.");

    public static readonly Message RunFile = new(
        "  {0,-16} {1,-8} {2,6} payment(s) {3,16} KZT",
        "  {0,-16} {1,-8} {2,6} плат. {3,16} KZT",
        "  {0,-16} {1,-8} {2,6} төлем {3,16} KZT");

    public static readonly Message FilesWritten = new("Files written to {0}", "Файлы записаны в {0}", "Файлдар {0} қалтасына жазылды");

    public static readonly Message Excluded = new("  excluded {0}: {1}", "  исключено {0}: {1}", "  шығарылды {0}: {1}");

    public static readonly Message AwaitingSignatures = new(
        "Prepared: awaiting {0} signature(s). Next: {1}",
        "Подготовлен: ожидает подписей: {0}. Далее: {1}",
        "Дайындалды: {0} қолтаңба күтілуде. Келесі қадам: {1}");

    public static readonly Message Recreated = new(
        "Re-created missing file {0}",
        "Воссоздан недостающий файл {0}",
        "Жоқ файл қайта жасалды: {0}");

    // reconcile
    public static readonly Message Reconcile = new(
        "Read bank confirmations and account statements, match them to payments and batches, apply them and write the reconciliation",
        "Прочитать подтверждения банков и выписки по счёту, сопоставить их с платежами и пакетами, применить и записать сверку",
        "Банк растаулары мен шот үзінділерін оқу, оларды төлемдермен және пакеттермен сәйкестендіру, қолдану және салыстыру нәтижесін жазу");

    public static readonly Message ReconcileFiles = new(
        "Bank confirmations and statements: CSV, pain.002.001.10, camt.054.001.08, camt.053.001.08 or MT940 (recognised by content), applied in this order",
        "Подтверждения банков и выписки: CSV, pain.002.001.10, camt.054.001.08, camt.053.001.08 или MT940 (распознаются по содержимому), применяются в этом порядке",
        "Банк растаулары мен үзінділері: CSV, pain.002.001.10, camt.054.001.08, camt.053.001.08 немесе MT940 (мазмұны бойынша танылады), осы ретпен қолданылады");

    public static readonly Message ReconcileAsOf = new(
        "Judge overdue payments as of this date (default: today)",
        "Определять просрочку на эту дату (по умолчанию: сегодня)",
        "Мерзімі өткен төлемдерді осы күнгі жағдай бойынша анықтау (әдепкі: бүгін)");

    public static readonly Message Reconciled = new(
        "Read {0} confirmation(s) from {1} file(s): {2} applied, {3} already recorded, {4} finding(s).",
        "Прочитано подтверждений: {0}, файлов: {1}; применено: {2}, уже учтено: {3}, замечаний: {4}.",
        "{1} файлдан {0} растау оқылды: {2} қолданылды, {3} бұрын тіркелген, {4} ескерту.");

    public static readonly Message Wrote = new("Wrote {0}", "Записан {0}", "Жазылды: {0}");

    public static readonly Message PersonMustAct = new(
        "A person must act: see findings.csv.",
        "Нужно вмешательство человека: см. findings.csv.",
        "Адамның араласуы қажет: findings.csv қараңыз.");

    public static readonly Message PersonMustActOnScreen = new(
        "A person must act: see the findings above (no quarter of theirs has payments, so no findings.csv was written).",
        "Нужно вмешательство человека: см. замечания выше (ни в одном их квартале нет платежей, поэтому findings.csv не записан).",
        "Адамның араласуы қажет: жоғарыдағы ескертулерді қараңыз (олардың ешбір тоқсанында төлем жоқ, сондықтан findings.csv жазылмады).");

    public static readonly Message MoreFindings = new(
        "  … and {0} more (--json lists every one)",
        "  … и ещё {0} (--json выводит все)",
        "  … және тағы {0} (--json барлығын шығарады)");

    // reissue
    public static readonly Message Reissue = new(
        "Supplementary batch for rejected payments whose bank details were corrected since",
        "Дополнительный пакет для отклонённых платежей, у которых с тех пор исправлены банковские реквизиты",
        "Содан бері банктік деректемелері түзетілген, қабылданбаған төлемдерге арналған қосымша пакет");

    public static readonly Message ReissueAll = new(
        "Re-issue every rejected payment, not only those whose bank details were corrected",
        "Выплатить повторно все отклонённые платежи, а не только те, у которых исправлены банковские реквизиты",
        "Банктік деректемелері түзетілгендерін ғана емес, барлық қабылданбаған төлемдерді қайта төлеу");

    public static readonly Message ReissueDryRun = new(
        "Decide and report, but change and write nothing",
        "Принять решения и сообщить о них, но ничего не менять и не записывать",
        "Шешім қабылдап, хабарлау, бірақ ештеңені өзгертпеу және жазбау");

    public static readonly Message NothingToReissue = new(
        "{0}: no rejected payment to re-issue.",
        "{0}: нет отклонённых платежей для повторной выплаты.",
        "{0}: қайта төлейтін қабылданбаған төлем жоқ.");

    public static readonly Message Reissued = new(
        "{0}{1} re-issue batch {2}: {3} payment(s), {4} KZT, value date {5}.",
        "{0}{1} пакет повторной выплаты {2}: платежей {3}, {4} KZT, дата валютирования {5}.",
        "{0}{1} қайта төлеу пакеті {2}: {3} төлем, {4} KZT, валюталау күні {5}.");

    public static readonly Message NotReissued = new(
        "  not re-issued {0} ({1}): {2}",
        "  не выплачен повторно {0} ({1}): {2}",
        "  қайта төленбеді {0} ({1}): {2}");

    // payment
    public static readonly Message Payment = new(
        "Show a payment and where its status came from: each confirmation line (file, line, file hash) that touched it",
        "Показать платёж и откуда его статус: каждую строку подтверждения (файл, строка, хеш файла), которая его касалась",
        "Төлемді және оның мәртебесі қайдан шыққанын көрсету: оған қатысты әр растау жолы (файл, жол, файл хеші)");

    public static readonly Message PaymentReference = new(
        "A payment reference, e.g. 2026Q1-01-000001",
        "Референс платежа, например 2026Q1-01-000001",
        "Төлем референсі, мысалы 2026Q1-01-000001");

    public static readonly Message PaymentReferenceInvalid = new(
        "'{0}' is not a payment reference such as 2026Q1-01-000001",
        "'{0}' — не референс платежа вида 2026Q1-01-000001",
        "'{0}' — 2026Q1-01-000001 сияқты төлем референсі емес");

    public static readonly Message PaymentUnknown = new("no payment {0}", "платёж {0} не найден", "{0} төлемі табылмады");

    public static readonly Message PaymentLine = new(
        "{0}  case {1}  {2} KZT to {3} ({4}), value date {5}",
        "{0}  дело {1}  {2} KZT на {3} ({4}), дата валютирования {5}",
        "{0}  іс {1}  {2} KZT → {3} ({4}), валюталау күні {5}");

    public static readonly Message PaymentStatus = new("status: {0}", "статус: {0}", "мәртебесі: {0}");

    public static readonly Message PaymentOn = new(" on {0}", ", дата {0}", ", күні {0}");

    public static readonly Message PaymentReplaces = new(
        "replaces the {0} payment {1}",
        "заменяет платёж {1} (статус {0})",
        "{1} төлемін алмастырады (мәртебесі {0})");

    public static readonly Message PaymentBatch = new(
        "batch {0}: control sum {1}, {2}",
        "пакет {0}: контрольная сумма {1}, {2}",
        "{0} пакеті: бақылау сомасы {1}, {2}");

    public static readonly Message PaymentDebited = new("debited {0}", "списано {0}", "есептен шығарылды {0}");

    public static readonly Message PaymentNoDebit = new("no debit read yet", "списаний ещё не прочитано", "әзірге бірде-бір есептен шығару оқылмаған");

    public static readonly Message PaymentDebit = new(
        "  debit {0} {1}:{2} {3} ({4}…) booked {5}",
        "  списание {0} {1}:{2} {3} ({4}…) проведено {5}",
        "  есептен шығару {0} {1}:{2} {3} ({4}…) өткізілді {5}");

    public static readonly Message PaymentReplacedBy = new(
        "re-issued as {0}",
        "выплачен повторно как {0}",
        "{0} ретінде қайта төленді");

    public static readonly Message PaymentConfirmation = new(
        "  {0,-18} {1}:{2} ({3}…) {4} {5}{6} read {7}Z",
        "  {0,-18} {1}:{2} ({3}…) {4} {5}{6} прочитано {7}Z",
        "  {0,-18} {1}:{2} ({3}…) {4} {5}{6} оқылды {7}Z");

    public static readonly Message PaymentNoConfirmation = new(
        "  no confirmation read yet",
        "  подтверждений ещё не прочитано",
        "  әзірге бірде-бір растау оқылмаған");

    // report
    public static readonly Message Report = new(
        "The quarterly report with the standard's quality indicators",
        "Квартальный отчёт с показателями качества стандарта",
        "Стандарттың сапа көрсеткіштері бар тоқсандық есеп");

    public static readonly Message ReportAsOf = new(
        "Report as of this date (default: today)",
        "Отчёт на эту дату (по умолчанию: сегодня)",
        "Осы күнгі жағдай бойынша есеп (әдепкі: бүгін)");

    public static readonly Message ReportFormat = new(
        "Report format: md | csv | json | html | xlsx (an Excel workbook; needs --file)",
        "Формат отчёта: md | csv | json | html | xlsx (книга Excel; нужен --file)",
        "Есеп форматы: md | csv | json | html | xlsx (Excel кітабы; --file қажет)");

    public static readonly Message ReportFile = new(
        "Also write the report to this file (readable by its owner only)",
        "Также записать отчёт в этот файл (доступен только владельцу)",
        "Есепті осы файлға да жазу (оны тек иесі оқи алады)");

    // calendar
    public static readonly Message Calendar = new(
        "List the year's non-working weekdays and worked weekend days of the banking calendar",
        "Показать нерабочие будние дни и рабочие выходные дни банковского календаря за год",
        "Банктік күнтізбедегі жылдың жұмыс емес күндерін және жұмыс істейтін демалыс күндерін көрсету");

    public static readonly Message CalendarYear = new("The year, e.g. 2026", "Год, например 2026", "Жыл, мысалы 2026");

    public static readonly Message CalendarHeading = new(
        "Non-working weekdays in {0} (besides Saturdays and Sundays):",
        "Нерабочие будние дни в {0} году (кроме суббот и воскресений):",
        "{0} жылғы жұмыс емес күндер (сенбі мен жексенбіден басқа):");

    public static readonly Message CalendarWorked = new(
        "worked (transferred working day)",
        "рабочий (перенесённый рабочий день)",
        "жұмыс күні (ауыстырылған жұмыс күні)");

    // history, config
    public static readonly Message History = new(
        "List the audit trail: every command run, who, when, arguments, input hashes, what it changed",
        "Показать журнал аудита: каждый запуск команды — кто, когда, аргументы, хеши входных файлов, что изменено",
        "Аудит журналын көрсету: әр пәрменнің іске қосылуы — кім, қашан, аргументтер, кіріс файлдарының хештері, не өзгерді");

    public static readonly Message HistoryLast = new("How many entries (default 50)", "Сколько записей (по умолчанию 50)", "Қанша жазба (әдепкі 50)");

    public static readonly Message HistoryBadLast = new(
        "--last {0} is not a number of entries (0 or more)",
        "--last {0} — не число записей (0 или больше)",
        "--last {0} — жазбалар саны емес (0 немесе одан көп)");

    public static readonly Message HistoryExit = new("exit {0}", "код {0}", "шығу коды {0}");

    public static readonly Message Config = new("Settings", "Настройки", "Баптаулар");

    public static readonly Message ConfigShow = new(
        "Print the effective settings and the source of each (defaults, paybatch.json, environment, command line)",
        "Показать действующие настройки и источник каждой (умолчания, paybatch.json, окружение, командная строка)",
        "Қолданыстағы баптауларды және әрқайсысының көзін көрсету (әдепкі мәндер, paybatch.json, орта, пәрмен жолы)");

    // Progress bar stages, by the stage name the core reports.
    public static readonly Message StageRecipients = new("recipients", "получатели", "алушылар");
    public static readonly Message StageCertificates = new("certificates", "справки", "анықтамалар");
    public static readonly Message StageConfirmations = new("confirmations", "подтверждения", "растаулар");
    public static readonly Message StageDeciding = new("deciding", "решения", "шешімдер");

    public static readonly Message ReportYear = new(
        "The annual report of this year, e.g. 2026: the four quarters side by side and Appendix 2",
        "Годовой отчёт за этот год, например 2026: четыре квартала рядом и приложение 2",
        "Осы жылдың жылдық есебі, мысалы 2026: төрт тоқсан қатар және 2-қосымша");

    public static readonly Message ReportQuarterOrYear = new(
        "give either --quarter or --year",
        "укажите либо --quarter, либо --year",
        "--quarter немесе --year параметрінің бірін көрсетіңіз");

    public static readonly Message ReportBadYear = new(
        "--year {0} is not a year such as 2026",
        "--year {0} — не год вида 2026",
        "--year {0} — 2026 сияқты жыл емес");

    public static readonly Message Status = new(
        "Where the quarter stands and what the accountant should do next",
        "Состояние квартала и что бухгалтеру сделать дальше",
        "Тоқсанның жай-күйі және бухгалтердің келесі қадамы");

    public static readonly Message StatusAsOf = new(
        "Judge deadlines as of this date (default: today)",
        "Оценивать сроки на эту дату (по умолчанию: сегодня)",
        "Мерзімдерді осы күнге бағалау (әдепкі: бүгін)");

    public static readonly Message Certificates = new(
        "School certificates: which are missing",
        "Справки из школы: каких не хватает",
        "Мектеп анықтамалары: қайсысы жетіспейді");

    public static readonly Message CertificatesMissing = new(
        "The approved cases whose child has no school certificate for the quarter, by district",
        "Одобренные дела, по ребёнку которых нет справки из школы за квартал, по районам",
        "Баласы үшін тоқсанға мектеп анықтамасы жоқ мақұлданған істер, аудандар бойынша");

    public static readonly Message MissingFormat = new(
        "md | csv | json | xlsx (an Excel workbook; needs --file)",
        "md | csv | json | xlsx (книга Excel; нужен --file)",
        "md | csv | json | xlsx (Excel кітабы; --file қажет)");

    public static readonly Message MissingFile = new(
        "Also write the list to this file (readable by its owner only)",
        "Также записать список в этот файл (доступен только владельцу)",
        "Тізімді осы файлға да жазу (оны тек иесі оқи алады)");

    public static readonly Message Findings = new(
        "The findings of the quarter's last reconcile (file, line, reference, finding, detail)",
        "Замечания последней сверки квартала (файл, строка, референс, код, подробности)",
        "Тоқсанның соңғы салыстыруының ескертулері (файл, жол, референс, код, толығырақ)");

    public static readonly Message NoFindings = new(
        "{0}: the last reconcile reported no findings.",
        "{0}: последняя сверка не нашла замечаний.",
        "{0}: соңғы салыстыру ескерту тапқан жоқ.");

    public static readonly Message Sign = new(
        "Sign a prepared batch (first or second signature); the last required one releases it",
        "Подписать подготовленный пакет (первая или вторая подпись); последняя нужная подпись выпускает его",
        "Дайындалған пакетке қол қою (бірінші немесе екінші қолтаңба); соңғы қажетті қолтаңба оны шығарады");

    public static readonly Message SignCertificate = new(
        "The signer's PKCS#12 key (the NCA's RSA256_….p12)",
        "Ключ подписанта PKCS#12 (RSA256_….p12 от НУЦ)",
        "Қол қоюшының PKCS#12 кілті (ҰКО берген RSA256_….p12)");

    public static readonly Message SignPasswordEnv = new(
        "Name of the environment variable holding the key's password (without it, a terminal asks; never give the password itself)",
        "Имя переменной окружения с паролем ключа (без неё пароль спросит терминал; сам пароль не указывайте никогда)",
        "Кілт құпиясөзі сақталған орта айнымалысының аты (онсыз терминал сұрайды; құпиясөздің өзін ешқашан бермеңіз)");

    public static readonly Message Signed = new(
        "Batch {0}: {1} signature by {2} (IIN {3}) on {4} file(s).",
        "Пакет {0}: подпись ({1}) — {2} (ИИН {3}), файлов: {4}.",
        "Пакет {0}: қолтаңба ({1}) — {2} (ЖСН {3}), файлдар саны: {4}.");

    public static readonly Message SignReleased = new(
        "Batch released: its files may go to the banks. Check them before the upload: {0}",
        "Пакет выпущен: его файлы можно отправлять в банки. Перед отправкой проверьте их: {0}",
        "Пакет шығарылды: оның файлдарын банктерге жіберуге болады. Жібермес бұрын тексеріңіз: {0}");

    public static readonly Message SignAwaiting = new(
        "Awaiting {0} more signature(s). Next: {1}",
        "Ожидается ещё подписей: {0}. Далее: {1}",
        "Тағы {0} қолтаңба күтілуде. Келесі қадам: {1}");

    public static readonly Message Cancel = new(
        "Void a batch that is not released: its payments are cancelled and its children can be paid again",
        "Аннулировать невыпущенный пакет: его платежи отменяются, и детям можно выплатить снова",
        "Шығарылмаған пакетті жою: оның төлемдері күшін жояды, балаларға қайта төлеуге болады");

    public static readonly Message CancelReason = new(
        "Why the batch is cancelled (kept in release.json and the audit trail)",
        "Причина отмены пакета (сохраняется в release.json и журнале аудита)",
        "Пакеттің жойылу себебі (release.json мен аудит журналында сақталады)");

    public static readonly Message BatchCancelled = new(
        "Batch {0} cancelled: its payments are void and the next run may pay those children.",
        "Пакет {0} отменён: его платежи аннулированы, следующий запуск может выплатить этим детям.",
        "{0} пакеті жойылды: оның төлемдері жарамсыз, келесі іске қосу осы балаларға төлей алады.");

    public static readonly Message Verify = new(
        "Re-check every file of a batch against the database and every signature (exit 3 when anything is wrong)",
        "Перепроверить каждый файл пакета по базе данных и каждую подпись (код 3, если что-то не так)",
        "Пакеттің әр файлын дерекқор бойынша және әр қолтаңбаны қайта тексеру (бірдеңе дұрыс болмаса, код 3)");

    public static readonly Message Verified = new(
        "Batch {0} ({1}): {2} file(s), {3} signature(s), {4} finding(s).",
        "Пакет {0} ({1}): файлов {2}, подписей {3}, замечаний {4}.",
        "{0} пакеті ({1}): файлдар {2}, қолтаңбалар {3}, ескертулер {4}.");

    public static readonly Message DoNotUpload = new(
        "Do not upload this batch: a person must look at it.",
        "Не отправляйте этот пакет: его должен проверить человек.",
        "Бұл пакетті жібермеңіз: оны адам тексеруі керек.");

    public static readonly Message PasswordEnvIsSetting = new(
        "--password-env {0}: a {1} variable is read as a setting and shown by 'config show'; keep the password in a variable of another name",
        "--password-env {0}: переменная {1} читается как настройка и видна в 'config show'; храните пароль в переменной с другим именем",
        "--password-env {0}: {1} айнымалысы баптау ретінде оқылады және 'config show' көрсетеді; құпиясөзді басқа атты айнымалыда сақтаңыз");

    public static readonly Message PasswordEnvUnset = new(
        "--password-env {0}: the environment variable is not set",
        "--password-env {0}: переменная окружения не задана",
        "--password-env {0}: орта айнымалысы орнатылмаған");

    public static readonly Message PasswordNoTerminal = new(
        "no terminal to ask for the key's password: give --password-env VAR, the name of an environment variable holding it",
        "нет терминала, чтобы спросить пароль ключа: укажите --password-env VAR — имя переменной окружения с паролем",
        "кілт құпиясөзін сұрайтын терминал жоқ: --password-env VAR беріңіз — құпиясөз сақталған орта айнымалысының аты");

    public static readonly Message PasswordPrompt = new(
        "Password for {0}: ",
        "Пароль для {0}: ",
        "{0} үшін құпиясөз: ");

    public static readonly Message OptionBatch = new(
        "The batch, e.g. 2026Q1-01",
        "Пакет, например 2026Q1-01",
        "Пакет, мысалы 2026Q1-01");

    public static readonly Message BatchInvalid = new(
        "'{0}' is not a batch such as 2026Q1-01",
        "«{0}» — не пакет вида 2026Q1-01",
        "«{0}» — 2026Q1-01 сияқты пакет емес");
}
