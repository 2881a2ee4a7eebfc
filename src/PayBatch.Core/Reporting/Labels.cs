using System.Globalization;
using System.Text;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;

namespace PayBatch.Core.Reporting;

/// <summary>The report's words and number style in Russian, Kazakh and English.</summary>
public sealed class Labels
{
    private readonly Dictionary<string, string> _text;
    private readonly Dictionary<Reason, string> _reasons;

    private Labels(string lang, Dictionary<string, string> text, Dictionary<Reason, string> reasons)
    {
        Lang = lang;
        _text = text;
        _reasons = reasons;
    }

    public string Lang { get; }
    public string this[string key] => _text[key];
    public string Reason(Reason r) => _reasons[r];

    /// <summary>The word for a status or SLA code (credited, on_time…); the code itself when there is none.</summary>
    public string Status(string code) => _text.GetValueOrDefault(code == "on_time" ? "onTime" : code) ?? code;

    public static bool TryGet(string? lang, out Labels labels)
    {
        labels = lang?.ToLowerInvariant() switch
        {
            "ru" => Ru,
            "kk" => Kk,
            "en" => En,
            _ => null!,
        };
        return labels is not null;
    }

    /// <summary>28 112,50 ₸ in ru and kk; 28,112.50 ₸ in en.</summary>
    public string Money(Tenge t)
    {
        var invariant = t.Amount.ToString("#,0.00", CultureInfo.InvariantCulture);
        return (Lang == "en" ? invariant : invariant.Replace(",", " ", StringComparison.Ordinal).Replace('.', ',')) + " ₸";
    }

    public string Percent(decimal? p) => p is null ? "—"
        : (Lang == "en" ? p.Value.ToString("0.0", CultureInfo.InvariantCulture) : p.Value.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')) + " %";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static Labels Build(string lang, string table, string reasons)
    {
        static Dictionary<string, string> Parse(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var r = Parse(reasons).ToDictionary(kv => Reasons.TryParse(kv.Key, out var x) ? x : throw new InvalidDataException(kv.Key), kv => kv.Value);
        return new Labels(lang, Parse(table), r);
    }

    private static readonly Labels Ru = Build("ru", """
        title = Отчёт о выплатах социальной помощи
        subtitle = детям-инвалидам, обучающимся на дому, 6,5 МРП в квартал
        quarter = Квартал
        asOf = По состоянию на
        summary = Итоги
        status = Статус
        count = Количество
        amount = Сумма
        issued = Отправлено в банк, ждёт зачисления
        credited = Зачислено
        rejected = Отклонено банком
        returned = Возвращено банком после зачисления
        debits = Списания со счёта управления по выпискам
        batch = Пакет
        controlSum = Контрольная сумма
        debited = Списано
        difference = Разница
        notDebited = списания не видно
        reissued = Из них выплачено повторно
        sla = Срок зачисления (5 банковских дней, п. 7.2)
        onTime = В срок
        late = С опозданием
        overdue = Просрочено, не зачислено
        pending = Ожидает, срок не истёк
        indicator = Показатель 1.1: доля услуг, оказанных в срок
        normative = Нормативное значение
        decisions = Решения в течение 5 дней с даты обращения (п. 7.1)
        byDistrict = По районам
        district = Район
        byBank = По банкам
        bank = Банк (БИК)
        exclusions = Не назначено по причинам
        reason = Причина
        breaches = Платежи с нарушением срока
        reference = Референс
        caseId = Дело
        valueDate = Дата валютирования
        deadline = Крайний срок
        creditedOn = Зачислено
        bankingDays = Банковских дней
        childIin = ИИН ребёнка
        iban = IBAN
        bic = БИК
        slaStatus = Соблюдение срока
        reasons = Причины
        item = Показатель
        percent = %
        sheetPayments = Платежи
        sheetUnpaid = Не назначено
        chart = Дней до зачисления (банковских)
        none = нет
        """, """
        NOT_APPROVED = Дело не утверждено
        DECISION_AFTER_QUARTER = Решение принято после квартала
        STUDY_ENDED = Обучение завершено
        NO_SCHOOL_CERTIFICATE = Нет справки из школы за квартал
        HOME_EDUCATION_NOT_COVERED = Срок обучения на дому не охватывает квартал
        DISABILITY_EXPIRED = Истёк срок инвалидности
        CHILD_OVER_AGE = Ребёнку исполнилось 18 лет
        GUARDIANSHIP_MISSING = Нет решения об опеке
        INVALID_APPLICANT_IIN = Неверный ИИН заявителя
        INVALID_CHILD_IIN = Неверный ИИН ребёнка
        INVALID_IBAN = Неверный IBAN
        UNKNOWN_BANK = Банк не найден в справочнике
        IBAN_BANK_MISMATCH = IBAN не принадлежит указанному банку
        DUPLICATE_CHILD = Ребёнок указан в нескольких делах
        ALREADY_PAID = Уже выплачено за квартал
        """);

    private static readonly Labels Kk = Build("kk", """
        title = Әлеуметтік көмек төлемдері туралы есеп
        subtitle = үйде оқитын мүгедек балаларға, тоқсанына 6,5 АЕК
        quarter = Тоқсан
        asOf = Жағдай бойынша
        summary = Қорытынды
        status = Мәртебе
        count = Саны
        amount = Сомасы
        issued = Банкке жіберілді, есепке алуды күтуде
        credited = Есепке алынды
        rejected = Банк қабылдамады
        returned = Банк есептелгеннен кейін қайтарды
        debits = Басқарма шотынан көшірмелер бойынша есептен шығару
        batch = Пакет
        controlSum = Бақылау сомасы
        debited = Есептен шығарылды
        difference = Айырма
        notDebited = есептен шығару көрінбейді
        reissued = Оның ішінде қайта төленді
        sla = Есепке алу мерзімі (5 банктік күн, 7.2-т.)
        onTime = Мерзімінде
        late = Кешігіп
        overdue = Мерзімі өтті, есепке алынбады
        pending = Күтуде, мерзімі өтпеген
        indicator = 1.1-көрсеткіш: мерзімінде көрсетілген қызметтердің үлесі
        normative = Нормативтік мәні
        decisions = Өтініш берген күннен бастап 5 күн ішіндегі шешімдер (7.1-т.)
        byDistrict = Аудандар бойынша
        district = Аудан
        byBank = Банктер бойынша
        bank = Банк (БСК)
        exclusions = Тағайындалмау себептері
        reason = Себеп
        breaches = Мерзімі бұзылған төлемдер
        reference = Референс
        caseId = Іс
        valueDate = Валюталау күні
        deadline = Соңғы мерзім
        creditedOn = Есепке алынды
        bankingDays = Банктік күндер
        childIin = Баланың ЖСН
        iban = IBAN
        bic = БСК
        slaStatus = Мерзімнің сақталуы
        reasons = Себептер
        item = Көрсеткіш
        percent = %
        sheetPayments = Төлемдер
        sheetUnpaid = Тағайындалмады
        chart = Есепке алуға дейінгі күндер (банктік)
        none = жоқ
        """, """
        NOT_APPROVED = Іс бекітілмеген
        DECISION_AFTER_QUARTER = Шешім тоқсаннан кейін қабылданған
        STUDY_ENDED = Оқу аяқталған
        NO_SCHOOL_CERTIFICATE = Тоқсанға мектеп анықтамасы жоқ
        HOME_EDUCATION_NOT_COVERED = Үйде оқыту мерзімі тоқсанды қамтымайды
        DISABILITY_EXPIRED = Мүгедектік мерзімі өткен
        CHILD_OVER_AGE = Балаға 18 жас толған
        GUARDIANSHIP_MISSING = Қамқоршылық туралы шешім жоқ
        INVALID_APPLICANT_IIN = Өтініш берушінің ЖСН қате
        INVALID_CHILD_IIN = Баланың ЖСН қате
        INVALID_IBAN = IBAN қате
        UNKNOWN_BANK = Банк анықтамалықта жоқ
        IBAN_BANK_MISMATCH = IBAN көрсетілген банкке тиесілі емес
        DUPLICATE_CHILD = Бала бірнеше істе көрсетілген
        ALREADY_PAID = Тоқсан үшін төленген
        """);

    private static readonly Labels En = Build("en", """
        title = Social assistance payment report
        subtitle = children with disabilities educated at home, 6.5 MRP per quarter
        quarter = Quarter
        asOf = As of
        summary = Summary
        status = Status
        count = Count
        amount = Amount
        issued = Sent to the bank, awaiting credit
        credited = Credited
        rejected = Rejected by the bank
        returned = Returned by the bank after crediting
        debits = Debits on the department's account (statements)
        batch = Batch
        controlSum = Control sum
        debited = Debited
        difference = Difference
        notDebited = no debit seen
        reissued = of which paid again
        sla = Time to credit (5 banking days, point 7.2)
        onTime = On time
        late = Late
        overdue = Overdue, not credited
        pending = Pending, within the limit
        indicator = Indicator 1.1: share of services delivered on time
        normative = Normative value
        decisions = Decisions within 5 days of the application (point 7.1)
        byDistrict = By district
        district = District
        byBank = By bank
        bank = Bank (BIC)
        exclusions = Not paid, by reason
        reason = Reason
        breaches = Payments outside the limit
        reference = Reference
        caseId = Case
        valueDate = Value date
        deadline = Deadline
        creditedOn = Credited on
        bankingDays = Banking days
        childIin = Child IIN
        iban = IBAN
        bic = BIC
        slaStatus = Time limit
        reasons = Reasons
        item = Item
        percent = %
        sheetPayments = Payments
        sheetUnpaid = Not paid
        chart = Banking days to credit
        none = none
        """, """
        NOT_APPROVED = Case not approved
        DECISION_AFTER_QUARTER = Decision after the quarter
        STUDY_ENDED = Study ended
        NO_SCHOOL_CERTIFICATE = No school certificate for the quarter
        HOME_EDUCATION_NOT_COVERED = Home-education term does not cover the quarter
        DISABILITY_EXPIRED = Disability certificate expired
        CHILD_OVER_AGE = Child is 18 or older
        GUARDIANSHIP_MISSING = Guardianship decision missing
        INVALID_APPLICANT_IIN = Invalid applicant IIN
        INVALID_CHILD_IIN = Invalid child IIN
        INVALID_IBAN = Invalid IBAN
        UNKNOWN_BANK = Bank not in the directory
        IBAN_BANK_MISMATCH = IBAN does not belong to the bank
        DUPLICATE_CHILD = Child in several approved cases
        ALREADY_PAID = Already paid for the quarter
        """);

    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", _ => c.ToString() });
        return sb.ToString();
    }
}
