namespace PayBatch.Core.Localization;

/// <summary>The messages of the core that reach a person: bad input, named by file, line and column.</summary>
public static class CoreText
{
    public static readonly Message FileNotFound = new(
        "{0}: file not found",
        "{0}: файл не найден",
        "{0}: файл табылмады");

    public static readonly Message FileProblems = new(
        "{0}: {1} problem(s), nothing of the file was applied:",
        "{0}: ошибок: {1}, из файла ничего не применено:",
        "{0}: {1} қате, файлдан ештеңе қолданылмады:");

    public static readonly Message Cell = new(
        "line {0}, column '{1}' ({2}): {3}",
        "строка {0}, столбец '{1}' ({2}): {3}",
        "{0}-жол, '{1}' бағаны ({2}): {3}");

    public static readonly Message HeaderMissing = new(
        "line {0}: the header row is missing",
        "строка {0}: нет строки заголовков",
        "{0}-жол: тақырып жолы жоқ");

    public static readonly Message ColumnMissing = new(
        "line {0}, column '{1}': required column is missing",
        "строка {0}, столбец '{1}': обязательный столбец отсутствует",
        "{0}-жол, '{1}' бағаны: міндетті баған жоқ");

    public static readonly Message DuplicateColumn = new(
        "line {0}, column '{1}' ({2}): the same column as column '{1}' ({3}); which of the two holds the data cannot be told",
        "строка {0}, столбец '{1}' ({2}): тот же столбец, что и столбец '{1}' ({3}); нельзя понять, в котором из двух данные",
        "{0}-жол, '{1}' бағаны ({2}): '{1}' бағанымен ({3}) бірдей; деректер екеуінің қайсысында екенін анықтау мүмкін емес");

    public static readonly Message UnbalancedQuote = new(
        "a quote opens here and is not closed on this line (an unbalanced quote)",
        "здесь открывается кавычка, не закрытая в этой строке (непарная кавычка)",
        "тырнақша осында ашылып, осы жолда жабылмаған (жұпсыз тырнақша)");

    public static readonly Message TooLong = new(
        "is longer than {0} characters ({1})",
        "длиннее {0} символов ({1})",
        "{0} таңбадан ұзын ({1})");

    public static readonly Message ControlCharacter = new(
        "holds a control character or an invisible one (U+{0}) at position {1}",
        "содержит управляющий символ или невидимый (U+{0}) в позиции {1}",
        "{1}-позицияда басқару таңбасы немесе көрінбейтін таңба (U+{0}) бар");

    public static readonly Message PayerUnprintable = new(
        "{0} holds a control character or an invisible one (U+{1}) at position {2}: a bank file cannot carry it",
        "{0} содержит управляющий символ или невидимый (U+{1}) в позиции {2}: банковский файл не может его содержать",
        "{0} ішінде {2}-позицияда басқару таңбасы немесе көрінбейтін таңба (U+{1}) бар: оны банк файлына жазуға болмайды");

    public static readonly Message FormulaStart = new(
        "begins with '{0}', which a spreadsheet runs as a formula; names and identifiers are refused rather than altered",
        "начинается с '{0}', что электронная таблица выполнит как формулу; имена и идентификаторы не изменяются, а отклоняются",
        "'{0}' таңбасынан басталады, оны электрондық кесте формула ретінде орындайды; атаулар мен сәйкестендіргіштер өзгертілмейді, қабылданбайды");

    public static readonly Message NotUtf8DespiteBom = new(
        "line {0}: not UTF-8, while the file says it is (it starts with a UTF-8 byte order mark); a file is one encoding: save it again as UTF-8",
        "строка {0}: не UTF-8, хотя файл заявляет, что он в UTF-8 (начинается с метки порядка байтов UTF-8); у файла одна кодировка: сохраните его заново в UTF-8",
        "{0}-жол: UTF-8 емес, ал файл өзін UTF-8 деп көрсетеді (UTF-8 байт реті белгісімен басталады); файлдың бір ғана кодтауы болады: оны UTF-8 ретінде қайта сақтаңыз");

    public static readonly Message NotUtf8LikeTheRest = new(
        "line {0}: not UTF-8 like the other {1} line(s) with letters beyond ASCII (Windows-1251?); a file is one encoding: save it again as UTF-8",
        "строка {0}: не UTF-8, в отличие от остальных строк с буквами вне ASCII ({1}) (Windows-1251?); у файла одна кодировка: сохраните его заново в UTF-8",
        "{0}-жол: ASCII-ден тыс әріптері бар басқа {1} жол сияқты UTF-8 емес (Windows-1251?); файлдың бір ғана кодтауы болады: оны UTF-8 ретінде қайта сақтаңыз");

    public static readonly Message Utf8AmongWindows1251 = new(
        "line {0}: UTF-8, while the other {1} line(s) with letters beyond ASCII are Windows-1251; a file is one encoding: save it again in one",
        "строка {0}: UTF-8, а остальные строки с буквами вне ASCII ({1}) — Windows-1251; у файла одна кодировка: сохраните его заново в одной",
        "{0}-жол: UTF-8, ал ASCII-ден тыс әріптері бар қалған {1} жол — Windows-1251; файлдың бір ғана кодтауы болады: оны бір кодтауда қайта сақтаңыз");

    public static readonly Message IsEmpty = new("is empty", "пусто", "бос");

    public static readonly Message NotADate = new(
        "is not a date (expected yyyy-MM-dd or dd.MM.yyyy)",
        "не дата (ожидается yyyy-MM-dd или dd.MM.yyyy)",
        "күн емес (yyyy-MM-dd немесе dd.MM.yyyy күтіледі)");

    public static readonly Message DateRequired = new(
        "is empty (a date is required)",
        "пусто (дата обязательна)",
        "бос (күн міндетті)");

    public static readonly Message RoleInvalid = new(
        "must be parent or guardian",
        "должно быть parent или guardian",
        "parent немесе guardian болуы керек");

    public static readonly Message CaseStatusInvalid = new(
        "must be approved, suspended or terminated",
        "должно быть approved, suspended или terminated",
        "approved, suspended немесе terminated болуы керек");

    public static readonly Message QuarterInvalid = new(
        "is not a quarter such as 2026Q1",
        "не квартал вида 2026Q1",
        "2026Q1 сияқты тоқсан емес");

    public static readonly Message ConfirmationStatusInvalid = new(
        "must be credited or rejected",
        "должно быть credited или rejected",
        "credited немесе rejected болуы керек");

    public static readonly Message ConfirmationFileChanged = new(
        "the file changed while it was read; nothing was applied",
        "файл изменился во время чтения; ничего не применено",
        "файл оқылып жатқанда өзгерді; ештеңе қолданылмады");

    public static readonly Message CreditedOnRequired = new(
        "is required for a credited payment",
        "обязательно для зачисленного платежа",
        "есепке алынған төлем үшін міндетті");

    public static readonly Message AmountInvalid = new(
        "is not an amount (e.g. 28112.50 or 28112,50)",
        "не сумма (например, 28112.50 или 28112,50)",
        "сома емес (мысалы, 28112.50 немесе 28112,50)");

    public static readonly Message XmlUnreadable = new(
        "line {0}, column {1}: not readable XML ({2})",
        "строка {0}, позиция {1}: XML не читается ({2})",
        "{0}-жол, {1}-позиция: XML оқылмайды ({2})");

    public static readonly Message XmlDtd = new("a DTD is not allowed", "DTD не допускается", "DTD-ге рұқсат жоқ");

    public static readonly Message XmlMalformed = new("malformed", "нарушена структура", "құрылымы бұзылған");

    public static readonly Message XmlUnknown = new(
        "line 1: an XML document of '{0}', not pain.002.001.10, camt.054.001.08 or camt.053.001.08",
        "строка 1: XML-документ '{0}', а не pain.002.001.10, camt.054.001.08 или camt.053.001.08",
        "1-жол: '{0}' XML құжаты, pain.002.001.10, camt.054.001.08 немесе camt.053.001.08 емес");

    public static readonly Message XmlCamtVersion = new(
        "line 1: {0} is a version PayBatch does not read; it reads camt.053.001.08 and camt.054.001.08",
        "строка 1: {0} — версия, которую PayBatch не читает; он читает camt.053.001.08 и camt.054.001.08",
        "1-жол: {0} — PayBatch оқымайтын нұсқа; ол camt.053.001.08 және camt.054.001.08 оқиды");

    public static readonly Message CreditedWithoutDate = new(
        "line {0}: credited, but neither AccptncDtTm nor CreDtTm gives the date",
        "строка {0}: зачислено, но ни AccptncDtTm, ни CreDtTm не дают даты",
        "{0}-жол: есепке алынған, бірақ AccptncDtTm те, CreDtTm де күнін көрсетпейді");

    public static readonly Message BookedWithoutDate = new(
        "line {0}: a booked entry without BookgDt",
        "строка {0}: проведённая запись без BookgDt",
        "{0}-жол: BookgDt жоқ өткізілген жазба");

    public static readonly Message XmlValue = new(
        "line {0}, {1}: '{2}' {3}",
        "строка {0}, {1}: '{2}' {3}",
        "{0}-жол, {1}: '{2}' {3}");

    public static readonly Message XmlNotADate = new("is not a date (yyyy-MM-dd)", "— не дата (yyyy-MM-dd)", "— күн емес (yyyy-MM-dd)");

    public static readonly Message XmlNotAnAmount = new("is not an amount", "— не сумма", "— сома емес");

    public static readonly Message XmlNotKzt = new("is not in KZT", "— не в KZT", "— KZT емес");

    public static readonly Message XmlNotABoolean = new("is not true or false (true, false, 1, 0)", "— не true и не false (true, false, 1, 0)", "— true да, false та емес (true, false, 1, 0)");

    public static readonly Message AtLine = new("line {0}: {1}", "строка {0}: {1}", "{0}-жол: {1}");

    public static readonly Message Mt940NoClosingBeforeNext = new(
        "the statement '{0}' has no closing balance (:62F:/:62M:) before the next :20:",
        "у выписки '{0}' нет исходящего остатка (:62F:/:62M:) перед следующим :20:",
        "'{0}' үзіндісінде келесі :20: алдында шығыс қалдық (:62F:/:62M:) жоқ");

    public static readonly Message Mt940EntryBeforeOpening = new(
        ":61: before the opening balance :60F:",
        ":61: стоит раньше входящего остатка :60F:",
        ":61: кіріс қалдық :60F: алдында тұр");

    public static readonly Message Mt940EndsInsideStatement = new(
        "the file ends inside the statement '{0}': no closing balance :62F:",
        "файл заканчивается внутри выписки '{0}': нет исходящего остатка :62F:",
        "файл '{0}' үзіндісінің ішінде аяқталады: шығыс қалдық :62F: жоқ");

    public static readonly Message Mt940NoStatement = new(
        "no MT940 statement (:20: … :62F:) in the file",
        "в файле нет выписки MT940 (:20: … :62F:)",
        "файлда MT940 үзіндісі (:20: … :62F:) жоқ");

    public static readonly Message Mt940NoAccount = new(
        "the statement '{0}' has no account :25:",
        "у выписки '{0}' нет счёта :25:",
        "'{0}' үзіндісінде :25: шоты жоқ");

    public static readonly Message Mt940NoOpening = new(
        "the statement '{0}' has no opening balance :60F:",
        "у выписки '{0}' нет входящего остатка :60F:",
        "'{0}' үзіндісінде :60F: кіріс қалдығы жоқ");

    public static readonly Message Mt940Currencies = new(
        "the statement '{0}' opens in {1} and closes in {2}",
        "выписка '{0}' открывается в {1}, а закрывается в {2}",
        "'{0}' үзіндісі {1} валютасында ашылып, {2} валютасында жабылады");

    public static readonly Message Mt940BalanceNoCurrency = new(
        ":{0}: balance '{1}' has no currency",
        ":{0}: у остатка '{1}' нет валюты",
        ":{0}: '{1}' қалдығында валюта жоқ");

    public static readonly Message Mt940NotABalance = new(
        ":{0}: '{1}' is not a balance (C or D, YYMMDD, currency, amount)",
        ":{0}: '{1}' — не остаток (C или D, YYMMDD, валюта, сумма)",
        ":{0}: '{1}' — қалдық емес (C немесе D, YYMMDD, валюта, сома)");

    public static readonly Message Mt940EntryNoValueDate = new(
        ":61: '{0}' does not start with a value date YYMMDD",
        ":61: '{0}' не начинается с даты валютирования YYMMDD",
        ":61: '{0}' YYMMDD валюталау күнінен басталмайды");

    public static readonly Message Mt940EntryNoMark = new(
        ":61: '{0}' has no debit/credit mark (C, D, RC or RD) after the date",
        ":61: в '{0}' после даты нет признака дебета/кредита (C, D, RC или RD)",
        ":61: '{0}' ішінде күннен кейін дебет/кредит белгісі (C, D, RC немесе RD) жоқ");

    public static readonly Message Mt940EntryNoAmount = new(
        ":61: '{0}' has no amount after the mark {1}",
        ":61: в '{0}' нет суммы после признака {1}",
        ":61: '{0}' ішінде {1} белгісінен кейін сома жоқ");

    public static readonly Message Mt940EntryNoType = new(
        ":61: '{0}' has no transaction type (N and three letters, e.g. NTRF) after the amount",
        ":61: в '{0}' после суммы нет типа операции (N и три буквы, например NTRF)",
        ":61: '{0}' ішінде сомадан кейін операция түрі (N және үш әріп, мысалы NTRF) жоқ");

    public static readonly Message Mt940NoSuchDate = new(
        "the date '{0}' (YYMMDD) does not exist",
        "даты '{0}' (YYMMDD) не существует",
        "'{0}' (YYMMDD) деген күн жоқ");

    public static readonly Message Mt940NoSuchEntryDate = new(
        "the entry date '{0}' (MMDD) does not exist",
        "даты проводки '{0}' (MMDD) не существует",
        "'{0}' (MMDD) деген жазба күні жоқ");

    public static readonly Message Mt940NotAnAmount = new(
        "'{0}' is not an amount (e.g. 28112,50)",
        "'{0}' — не сумма (например, 28112,50)",
        "'{0}' — сома емес (мысалы, 28112,50)");

    public static readonly Message CamtSchema = new("{0} (camt.053.001.08 schema)", "{0} (схема camt.053.001.08)", "{0} (camt.053.001.08 сұлбасы)");

    public static readonly Message CamtCurrencies = new(
        "{0}: opening balance in {1}, closing in {2}",
        "{0}: входящий остаток в {1}, исходящий в {2}",
        "{0}: кіріс қалдық {1} валютасында, шығыс қалдық {2} валютасында");

    public static readonly Message CamtNoBalance = new("{0}: no {1} balance", "{0}: нет остатка {1}", "{0}: {1} қалдығы жоқ");

    public static readonly Message CamtBalanceNoDate = new(
        "{0}: the {1} balance has no date",
        "{0}: у остатка {1} нет даты",
        "{0}: {1} қалдығында күн жоқ");

    public static readonly Message CamtEntryCurrency = new(
        "{0}: an entry in {1} in a {2} statement",
        "{0}: проводка в {1} в выписке в {2}",
        "{0}: {2} үзіндісінде {1} валютасындағы жазба");

    public static readonly Message CamtNotAnAmount = new(
        "'{0}' is not an amount in tenge and tiyn",
        "'{0}' — не сумма в тенге и тиынах",
        "'{0}' — теңге мен тиынмен берілген сома емес");

    public static readonly Message StatementNeedsIban = new(
        "{0} is an account statement: reading it needs the department's account (setting Department:Iban)",
        "{0} — выписка по счёту: чтобы её прочитать, нужен счёт управления (настройка Department:Iban)",
        "{0} — шот үзіндісі: оны оқу үшін басқарманың шоты қажет (Department:Iban баптауы)");

    public static readonly Message StatementAccount = new(
        "line {0}: statement '{1}' is of the account {2}, not the department's {3} (Department:Iban)",
        "строка {0}: выписка '{1}' — по счёту {2}, а не по счёту управления {3} (Department:Iban)",
        "{0}-жол: '{1}' үзіндісі басқарманың {3} шоты емес, {2} шоты бойынша (Department:Iban)");

    public static readonly Message StatementCurrency = new(
        "line {0}: statement '{1}' is in {2}, not {3}",
        "строка {0}: выписка '{1}' — в {2}, а не в {3}",
        "{0}-жол: '{1}' үзіндісі {3} емес, {2} валютасында");

    public static readonly Message StatementDoesNotAddUp = new(
        "line {0}: statement '{1}' does not add up: opening {2} + booked entries {3} = {4}, but the closing balance is {5}",
        "строка {0}: выписка '{1}' не сходится: входящий остаток {2} + проводки {3} = {4}, а исходящий остаток {5}",
        "{0}-жол: '{1}' үзіндісі сәйкес келмейді: кіріс қалдық {2} + өткізілген жазбалар {3} = {4}, бірақ шығыс қалдық {5}");

    public static readonly Message StatementPastAnyAmount = new(
        "line {0}: statement '{1}' does not add up: its opening balance and booked entries add up past any amount",
        "строка {0}: выписка '{1}' не сходится: входящий остаток и проводки в сумме выходят за пределы любой возможной суммы",
        "{0}-жол: '{1}' үзіндісі сәйкес келмейді: кіріс қалдық пен өткізілген жазбалардың қосындысы кез келген соманың шегінен шығады");

    public static readonly Message StatementDates = new(
        "line {0}: statement '{1}' runs from {2} to {3}, outside the years {4}–{5} a quarter can be in",
        "строка {0}: выписка '{1}' за период с {2} по {3} выходит за пределы {4}–{5} годов, в которых может быть квартал",
        "{0}-жол: '{1}' үзіндісі {2} – {3} аралығына жатады, бұл тоқсан бола алатын {4}–{5} жылдардан тыс");

    public static readonly Message DebitsPastAnyAmount = new(
        "the debits of batch {0} read so far add up past any amount (the last at line {1})",
        "списания по пакету {0}, прочитанные до сих пор, в сумме выходят за пределы любой возможной суммы (последнее — в строке {1})",
        "{0} пакеті бойынша осы уақытқа дейін оқылған есептен шығарулардың қосындысы кез келген соманың шегінен шығады (соңғысы {1}-жолда)");

    public static readonly Message WorkbookIsFolder = new(
        "--file {0}: is a folder; name the file, e.g. {1}",
        "--file {0}: это папка; укажите файл, например {1}",
        "--file {0}: бұл қалта; файлды атаңыз, мысалы {1}");

    public static readonly Message WorkbookNoFolder = new(
        "--file {0}: the folder {1} does not exist",
        "--file {0}: папки {1} не существует",
        "--file {0}: {1} қалтасы жоқ");

    public static readonly Message WorkbookCannotWrite = new(
        "--file {0}: cannot write in {1} ({2})",
        "--file {0}: невозможно записать в {1} ({2})",
        "--file {0}: {1} қалтасына жазу мүмкін емес ({2})");

    public static readonly Message WorkbookNeedsFile = new(
        "--format xlsx writes a workbook, which never goes to the terminal: name it with --file F",
        "--format xlsx записывает книгу Excel, которая никогда не выводится в терминал: укажите файл через --file F",
        "--format xlsx Excel кітабын жазады, ол терминалға ешқашан шығарылмайды: оны --file F арқылы атаңыз");

    public static readonly Message NotWindows1251 = new(
        "character U+{0} cannot be written in Windows-1251",
        "символ U+{0} нельзя записать в Windows-1251",
        "U+{0} таңбасын Windows-1251 кодтауында жазу мүмкін емес");

    public static readonly Message BankUnknown = new(
        "bank {0} is not in the bank directory",
        "банка {0} нет в справочнике банков",
        "{0} банкі банктер анықтамалығында жоқ");

    // Release: sign, verify, cancel; the signer's key, certificate and the trusted roots.
    public static readonly Message SignNoSignaturesRequired = new(
        "Release:RequiredSignatures is 0: batches are released as soon as they are written and take no signature",
        "Release:RequiredSignatures равно 0: пакеты выпускаются сразу после записи и не подписываются",
        "Release:RequiredSignatures мәні 0: пакеттер жазылған бойда шығарылады және қол қоюды қажет етпейді");

    public static readonly Message SignNoDepartmentBin = new(
        "Department:Bin is not set: it is needed to check the signer's organisation (OU=BIN…)",
        "Department:Bin не задан: он нужен, чтобы проверить организацию подписанта (OU=BIN…)",
        "Department:Bin орнатылмаған: ол қол қоюшының ұйымын тексеру үшін қажет (OU=BIN…)");

    public static readonly Message SignOtherOrganisation = new(
        "the certificate is not the department's: its OU is BIN{0}, Department:Bin is {1}",
        "сертификат не принадлежит управлению: в его OU указан BIN{0}, а Department:Bin — {1}",
        "сертификат басқармаға тиесілі емес: оның OU өрісінде BIN{0}, ал Department:Bin — {1}");

    public static readonly Message SignNoOrganisation = new(
        "the certificate is not the department's: its OU is without a BIN, Department:Bin is {0}",
        "сертификат не принадлежит управлению: в его OU нет БИН, а Department:Bin — {0}",
        "сертификат басқармаға тиесілі емес: оның OU өрісінде БСН жоқ, ал Department:Bin — {0}");

    public static readonly Message SignNotASigner = new(
        "IIN {0} is not a signer in Release:Signers",
        "ИИН {0} не указан среди подписантов в Release:Signers",
        "ЖСН {0} Release:Signers тізімінде қол қоюшы ретінде жоқ");

    public static readonly Message SignAlreadySigned = new(
        "IIN {0} already signed batch {1} as {2}: the other signature must be another person's",
        "ИИН {0} уже подписал пакет {1} как {2}: другая подпись должна быть другого человека",
        "ЖСН {0} {1} пакетіне {2} ретінде қол қойып қойған: екінші қолтаңба басқа адамдікі болуы керек");

    public static readonly Message SignRoleTaken = new(
        "the {0} signature of batch {1} is already given",
        "подпись ({0}) пакета {1} уже поставлена",
        "{1} пакетінің қолтаңбасы ({0}) қойылып қойған");

    public static readonly Message SignRolesTaken = new(
        "the {0} and {1} signatures of batch {2} are already given",
        "подписи ({0} и {1}) пакета {2} уже поставлены",
        "{2} пакетінің қолтаңбалары ({0} және {1}) қойылып қойған");

    public static readonly Message SignFileMissing = new(
        "{0} is missing: 'paybatch run --quarter {1}' re-creates it; nothing was signed",
        "{0} отсутствует: 'paybatch run --quarter {1}' создаст его заново; ничего не подписано",
        "{0} жоқ: 'paybatch run --quarter {1}' оны қайта жасайды; ештеңеге қол қойылмады");

    public static readonly Message SignFileChanged = new(
        "{0} differs from what the batch recorded (sha256 {1}): it was changed after it was written; nothing was signed",
        "{0} отличается от записанного в пакете (sha256 {1}): его изменили после записи; ничего не подписано",
        "{0} пакетте тіркелгеннен өзгеше (sha256 {1}): ол жазылғаннан кейін өзгертілген; ештеңеге қол қойылмады");

    public static readonly Message BatchNotFound = new(
        "there is no batch {0}",
        "пакета {0} нет",
        "{0} пакеті жоқ");

    public static readonly Message CancelledCannotBeSigned = new(
        "batch {0} is cancelled; it cannot be signed",
        "пакет {0} отменён; подписать его нельзя",
        "{0} пакеті жойылған; оған қол қоюға болмайды");

    public static readonly Message ReleasedCannotBeSigned = new(
        "batch {0} is already released; it cannot be signed",
        "пакет {0} уже выпущен; подписать его нельзя",
        "{0} пакеті шығарылып қойған; оған қол қоюға болмайды");

    public static readonly Message CancelledCannotBeCancelled = new(
        "batch {0} is cancelled; it cannot be cancelled",
        "пакет {0} уже отменён; отменить его ещё раз нельзя",
        "{0} пакеті жойылған; оны қайта жоюға болмайды");

    public static readonly Message ReleasedCannotBeCancelled = new(
        "batch {0} is already released; it cannot be cancelled",
        "пакет {0} уже выпущен; отменить его нельзя",
        "{0} пакеті шығарылып қойған; оны жоюға болмайды");

    public static readonly Message CancelNoReason = new(
        "--reason must say why the batch is cancelled",
        "в --reason нужно указать, почему пакет отменяется",
        "--reason пакеттің неге жойылатынын көрсетуі керек");

    public static readonly Message VerifyCancelled = new(
        "batch {0} is cancelled: none of its files may go to a bank",
        "пакет {0} отменён: ни один его файл нельзя отправлять в банк",
        "{0} пакеті жойылған: оның бірде-бір файлын банкке жіберуге болмайды");

    public static readonly Message VerifyAwaiting = new(
        "batch {0} is {1}: {2} of {3} required signature(s) not given",
        "пакет {0} в состоянии {1}: не поставлено подписей: {2} из {3} требуемых",
        "{0} пакеті {1} күйінде: қажетті {3} қолтаңбаның {2} қойылмаған");

    public static readonly Message VerifyFileMissing = new("{0} is missing", "{0} отсутствует", "{0} жоқ");

    public static readonly Message VerifyFileChanged = new(
        "sha256 differs from the recorded {0}",
        "sha256 отличается от записанного {0}",
        "sha256 тіркелген {0} мәнінен өзгеше");

    public static readonly Message VerifyNotCms = new(
        "not a CMS signature ({0})",
        "не подпись CMS ({0})",
        "CMS қолтаңбасы емес ({0})");

    public static readonly Message VerifySignatureAbsent = new(
        "the {0} signature ({1}) is not in it",
        "подписи ({0}) — {1} — в нём нет",
        "ішінде қолтаңба ({0}) — {1} — жоқ");

    public static readonly Message VerifySignatureMismatch = new(
        "the {0} signature ({1}) does not match the file's {2} bytes",
        "подпись ({0}) — {1} — не соответствует {2} байтам файла",
        "қолтаңба ({0}) — {1} — файлдың {2} байтына сәйкес келмейді");

    public static readonly Message VerifySignatureUntrusted = new(
        "the {0} signature ({1}) is by an untrusted certificate: {2}",
        "подпись ({0}) — {1} — сделана сертификатом без доверия: {2}",
        "қолтаңба ({0}) — {1} — сенімсіз сертификатпен қойылған: {2}");

    public static readonly Message SignatureMissing = new(
        "{0} is missing: the earlier signature is lost (paybatch verify shows the batch)",
        "{0} отсутствует: прежняя подпись утеряна (paybatch verify покажет пакет)",
        "{0} жоқ: бұрынғы қолтаңба жоғалған (paybatch verify пакетті көрсетеді)");

    public static readonly Message SignatureLacksRecorded = new(
        "{0} lacks a recorded signature; not adding to it (paybatch verify shows the batch)",
        "в {0} нет подписи, записанной в базе; подпись к нему не добавляется (paybatch verify покажет пакет)",
        "{0} ішінде дерекқорда тіркелген қолтаңба жоқ; оған қолтаңба қосылмайды (paybatch verify пакетті көрсетеді)");

    public static readonly Message SignatureEarlierInvalid = new(
        "{0}: the earlier signature does not verify ({1}); not adding to it",
        "{0}: прежняя подпись не проходит проверку ({1}); подпись к нему не добавляется",
        "{0}: бұрынғы қолтаңба тексеруден өтпейді ({1}); оған қолтаңба қосылмайды");

    public static readonly Message KeyNoPrivateKey = new(
        "{0}: holds no private key",
        "{0}: закрытого ключа нет",
        "{0}: жабық кілт жоқ");

    public static readonly Message KeyGost = new(
        "{0}: the key is a GOST key ({1}), which PayBatch cannot sign with; use the RSA signing key (RSA256_….p12) the NCA issued with it",
        "{0}: это ключ ГОСТ ({1}), им PayBatch подписывать не может; используйте ключ подписи RSA (RSA256_….p12), выданный НУЦ вместе с ним",
        "{0}: бұл ГОСТ кілті ({1}), PayBatch онымен қол қоя алмайды; ҰКО онымен бірге берген RSA қол қою кілтін (RSA256_….p12) пайдаланыңыз");

    public static readonly Message KeyNotRsa = new(
        "{0}: the key is not RSA (algorithm {1}); PayBatch signs with RSA keys only",
        "{0}: ключ не RSA (алгоритм {1}); PayBatch подписывает только ключами RSA",
        "{0}: кілт RSA емес ({1} алгоритмі); PayBatch тек RSA кілттерімен қол қояды");

    public static readonly Message KeyCount = new(
        "{0}: holds {1} keys; give a file with exactly one signing key",
        "{0}: ключей в файле: {1}; укажите файл ровно с одним ключом подписи",
        "{0}: ішінде {1} кілт бар; дәл бір қол қою кілті бар файлды беріңіз");

    public static readonly Message KeyNotPkcs12 = new(
        "{0}: not a PKCS#12 key file (.p12)",
        "{0}: не файл ключа PKCS#12 (.p12)",
        "{0}: PKCS#12 кілт файлы (.p12) емес");

    public static readonly Message KeyWrongPassword = new("{0}: wrong password", "{0}: неверный пароль", "{0}: құпиясөз қате");

    public static readonly Message KeyUnreadable = new(
        "{0}: the key cannot be read (wrong password, or an encryption .NET does not support)",
        "{0}: ключ не читается (неверный пароль или шифрование, которое .NET не поддерживает)",
        "{0}: кілт оқылмайды (құпиясөз қате немесе .NET қолдамайтын шифрлау)");

    public static readonly Message CertificateNoIin = new(
        "the certificate's subject has no SERIALNUMBER=IIN<12 digits> with a valid IIN: it is not a person's NCA certificate",
        "в субъекте сертификата нет SERIALNUMBER=IIN<12 цифр> с действительным ИИН: это не сертификат НУЦ физического лица",
        "сертификат субъектісінде жарамды ЖСН бар SERIALNUMBER=IIN<12 цифр> жоқ: бұл жеке тұлғаның ҰКО сертификаты емес");

    public static readonly Message CertificateNotYetValid = new(
        "the certificate is not valid yet: valid from {0}",
        "сертификат ещё не действует: действует с {0}",
        "сертификат әлі жарамды емес: {0} бастап жарамды");

    public static readonly Message CertificateExpired = new(
        "the certificate expired on {0}",
        "срок действия сертификата истёк {0}",
        "сертификаттың мерзімі {0} өтті");

    public static readonly Message CertificateNoDigitalSignature = new(
        "the certificate does not allow digital signatures (key usage): use the signing key (RSA256_….p12), not the authentication key",
        "сертификат не допускает электронную подпись (key usage): используйте ключ подписи (RSA256_….p12), а не ключ аутентификации",
        "сертификат электрондық қолтаңбаға рұқсат бермейді (key usage): аутентификация кілтін емес, қол қою кілтін (RSA256_….p12) пайдаланыңыз");

    public static readonly Message CertificateNotTrusted = new(
        "the certificate is not trusted: {0}",
        "сертификату нет доверия: {0}",
        "сертификатқа сенім жоқ: {0}");

    public static readonly Message ChainNoTrustedRoot = new(
        "it does not chain to a root in Release:TrustedRoots ({0})",
        "его цепочка не доходит до корневого сертификата из Release:TrustedRoots ({0})",
        "оның тізбегі Release:TrustedRoots ішіндегі түбірлік сертификатқа жетпейді ({0})");

    public static readonly Message TrustedRootsUnset = new(
        "Release:TrustedRoots is not set: name the folder of the NCA's root and intermediate certificates",
        "Release:TrustedRoots не задан: укажите папку с корневыми и промежуточными сертификатами НУЦ",
        "Release:TrustedRoots орнатылмаған: ҰКО-ның түбірлік және аралық сертификаттары бар қалтаны көрсетіңіз");

    public static readonly Message TrustedRootsNotFound = new(
        "Release:TrustedRoots: folder {0} not found",
        "Release:TrustedRoots: папка {0} не найдена",
        "Release:TrustedRoots: {0} қалтасы табылмады");

    public static readonly Message NotACertificate = new(
        "{0}: not a certificate ({1})",
        "{0}: не сертификат ({1})",
        "{0}: сертификат емес ({1})");

    public static readonly Message TrustedRootsNoRoot = new(
        "Release:TrustedRoots: {0} holds no self-signed root certificate",
        "Release:TrustedRoots: в {0} нет самоподписанного корневого сертификата",
        "Release:TrustedRoots: {0} ішінде өзі қол қойған түбірлік сертификат жоқ");

    // The output folder (AtomicFile).
    public static readonly Message OutputFolderIsFile = new(
        "output folder {0}: {1} is a file, not a folder; nothing was changed",
        "папка вывода {0}: {1} — файл, а не папка; ничего не изменено",
        "шығыс қалтасы {0}: {1} — қалта емес, файл; ештеңе өзгертілмеді");

    public static readonly Message TargetIsFolder = new(
        "{0} is a folder where PayBatch writes a file: move it away and run again; nothing was changed",
        "{0} — папка на месте файла, который пишет PayBatch: уберите её и запустите снова; ничего не изменено",
        "{0} — PayBatch жазатын файлдың орнындағы қалта: оны алып тастап, қайта іске қосыңыз; ештеңе өзгертілмеді");

    public static readonly Message OutputFolderNoDrive = new(
        "output folder {0}: no such drive; nothing was changed",
        "папка вывода {0}: такого диска нет; ничего не изменено",
        "шығыс қалтасы {0}: мұндай диск жоқ; ештеңе өзгертілмеді");

    public static readonly Message OutputFolderUnwritable = new(
        "output folder {0}: {1} cannot be written ({2}); nothing was changed",
        "папка вывода {0}: в {1} нельзя записать ({2}); ничего не изменено",
        "шығыс қалтасы {0}: {1} ішіне жазу мүмкін емес ({2}); ештеңе өзгертілмеді");

    public static readonly Message NoCalendar = new(
        "no banking calendar for {0}: add Data/calendar/{0}.json",
        "нет банковского календаря на {0} год: добавьте Data/calendar/{0}.json",
        "{0} жылға банктік күнтізбе жоқ: Data/calendar/{0}.json қосыңыз");

    public static readonly Message CoefficientNoAmount = new(
        "Payment:Coefficient {0} × MRP {1} ({2}) is not a payment per child: under 0.01 KZT, or more than an amount holds",
        "Payment:Coefficient {0} × МРП {1} ({2}) — не платёж на ребёнка: меньше 0,01 KZT или больше, чем вмещает сумма",
        "Payment:Coefficient {0} × АЕК {1} ({2}) — бір балаға төлем емес: 0,01 KZT-тан аз немесе сомаға сыйатыннан көп");

    public static readonly Message NoMrp = new(
        "no MRP is known for {0} (the table covers {1} to {2}); extend Data/mrp.json",
        "МРП на {0} неизвестен (таблица охватывает период с {1} по {2}); дополните Data/mrp.json",
        "{0} күнгі АЕК белгісіз (кесте {1} бастап {2} дейінгі кезеңді қамтиды); Data/mrp.json толықтырыңыз");

    public static readonly Message UnknownProvider = new(
        "unknown provider {0}",
        "неизвестный провайдер {0}",
        "белгісіз провайдер {0}");

    public static readonly Message PayerMissing = new(
        "the {0} format names the payer and the purpose code (KNP): set {1} (paybatch.json or PAYBATCH_ variables)",
        "формат {0} указывает плательщика и код назначения платежа (КНП): задайте {1} (paybatch.json или переменные PAYBATCH_)",
        "{0} форматында төлеуші мен төлем мақсатының коды (ТМК) көрсетіледі: {1} орнатыңыз (paybatch.json немесе PAYBATCH_ айнымалылары)");

    public static readonly Message PayerWrong = new(
        "the {0} format names the payer and the purpose code (KNP), but {1}",
        "формат {0} указывает плательщика и код назначения платежа (КНП), но {1}",
        "{0} форматында төлеуші мен төлем мақсатының коды (ТМК) көрсетіледі, бірақ {1}");

    public static readonly Message PayerIban = new(
        "Department:Iban is not a valid KZ IBAN",
        "Department:Iban — недействительный казахстанский IBAN",
        "Department:Iban — жарамсыз KZ IBAN");

    public static readonly Message PayerBin = new(
        "Department:Bin is not a valid BIN",
        "Department:Bin — недействительный БИН",
        "Department:Bin — жарамсыз БСН");

    public static readonly Message PayerBic = new(
        "Department:Bic is not a BIC",
        "Department:Bic — не БИК",
        "Department:Bic — БСК емес");

    public static readonly Message PayerKnp = new(
        "Payment:Knp must be three digits",
        "Payment:Knp должен состоять из трёх цифр",
        "Payment:Knp үш цифрдан тұруы керек");

    public static readonly Message BatchTooLarge = new(
        "{0} has {1} payments to make and one batch numbers at most {2} (references {0}-NN-000001 to -{2:000000}); this run stored and wrote nothing. Import the registry in parts and run after each: a run pays only children not yet paid for the quarter, in the next batch",
        "за {0} нужно сделать платежей: {1}, а пакет нумерует не больше {2} (референсы с {0}-NN-000001 по -{2:000000}); этот запуск ничего не сохранил и не записал. Загрузите реестр частями и запускайте после каждой: запуск выплачивает следующим пакетом только детям, ещё не получившим выплату за квартал",
        "{0} тоқсанында {1} төлем жасау керек, ал бір пакет ең көбі {2} төлемді нөмірлейді ({0}-NN-000001 бастап -{2:000000} дейінгі референстер); бұл іске қосу ештеңе сақтамады және жазбады. Тізілімді бөліктермен жүктеп, әр бөліктен кейін іске қосыңыз: іске қосу келесі пакетпен тоқсан үшін әлі төлем алмаған балаларға ғана төлейді");

    public static readonly Message NotBankingDay = new(
        "value date {0} is not a banking day; the next one is {1}",
        "дата валютирования {0} — не банковский день; ближайший — {1}",
        "{0} валюталау күні банктік күн емес; келесі банктік күн — {1}");

    public static readonly Message MigrationLockWait = new(
        "another paybatch is bringing the database schema up to date and holds the migration lock; gave up after waiting {0} s " +
        "(setting Database:MigrationLockSeconds). Nothing was changed: run the command again once it has finished",
        "другой paybatch обновляет схему базы данных и держит блокировку миграции; ожидание прекращено через {0} с " +
        "(настройка Database:MigrationLockSeconds). Ничего не изменено: запустите команду снова, когда он закончит",
        "басқа paybatch дерекқор сұлбасын жаңартып, миграция құлпын ұстап тұр; {0} с күткеннен кейін тоқтатылды " +
        "(Database:MigrationLockSeconds баптауы). Ештеңе өзгертілмеді: ол аяқталғаннан кейін команданы қайта іске қосыңыз");

    public static readonly Message FilesNotWritten = new(
        "batch {0} is recorded in the database, but its files were not written to {1}: {2}. " +
        "Nothing is lost: once the folder can be written, the next 'paybatch run --quarter {3}' writes them",
        "пакет {0} записан в базу данных, но его файлы не записаны в {1}: {2}. " +
        "Ничего не потеряно: когда в папку можно будет писать, следующий 'paybatch run --quarter {3}' запишет их",
        "{0} пакеті дерекқорға жазылды, бірақ оның файлдары {1} қалтасына жазылмады: {2}. " +
        "Ештеңе жоғалған жоқ: қалтаға жазу мүмкін болғанда, келесі 'paybatch run --quarter {3}' оларды жазады");

    public static readonly Message NoLongerInRegistry = new(
        "the case is no longer in the registry",
        "дела больше нет в реестре",
        "іс енді тізілімде жоқ");

    public static readonly Message UnchangedSinceReturn = new(
        "bank details unchanged since the return",
        "банковские реквизиты не изменились после возврата",
        "банк деректемелері қайтарылғаннан бері өзгермеген");

    public static readonly Message UnchangedSinceRejection = new(
        "bank details unchanged since the rejection",
        "банковские реквизиты не изменились после отклонения банком",
        "банк деректемелері банк қабылдамағаннан бері өзгермеген");

    public static readonly Message NotEligible = new(
        "not eligible: {0}",
        "нет права на выплату: {0}",
        "төлемге құқығы жоқ: {0}");
}
