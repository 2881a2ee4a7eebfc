using System.Globalization;
using System.Text;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Reconciliation;

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

    /// <summary>An SLA status's label: the key is its JSON name (<c>onTime</c>).</summary>
    public string Sla(SlaStatus s) => _text[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString())];

    /// <summary>The subtitle, naming the coefficient in force (setting <c>Payment:Coefficient</c>).</summary>
    public string Subtitle(decimal coefficient) => _text["subtitle"].Replace("{coefficient}", Number(coefficient), StringComparison.Ordinal);

    /// <summary>The word for a payment status, as the report and workbook print it.</summary>
    public string Status(PaymentStatus s) => _text.GetValueOrDefault(Codes.Of(s)) ?? Codes.Of(s);

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

    public static Labels For(Localization.Lang lang) => TryGet(Localization.Langs.Code(lang), out var labels) ? labels : En;

    /// <summary>28 112,50 ₸ in ru and kk; 28,112.50 ₸ in en.</summary>
    public string Money(Tenge t)
    {
        var invariant = t.Amount.ToString("#,0.00", CultureInfo.InvariantCulture);
        return (Lang == "en" ? invariant : invariant.Replace(",", " ", StringComparison.Ordinal).Replace('.', ',')) + " ₸";
    }

    public string Percent(decimal? p) => p is null ? "—" : Decimal(p.Value.ToString("0.0", CultureInfo.InvariantCulture)) + " %";

    /// <summary>6.5 in en; 6,5 in ru and kk. No trailing zeros.</summary>
    public string Number(decimal d) => Decimal(d.ToString("0.############", CultureInfo.InvariantCulture));

    private string Decimal(string invariant) => Lang == "en" ? invariant : invariant.Replace('.', ',');

    /// <summary>An invariant number as the language writes it (decimal comma in ru and kk); null is "not measured".</summary>
    public string Number(string? invariant) => invariant is null ? this["notMeasured"]
        : Lang == "en" ? invariant : invariant.Replace('.', ',');

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
        subtitle = детям-инвалидам, обучающимся на дому, {coefficient} МРП в квартал
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
        releases = Пакеты: состояние, кто подготовил и кто подписал
        state = Состояние
        preparedBy = Подготовил
        signatures = Подписи
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
        sheetIndicators = Показатели
        chart = Дней до зачисления (банковских)
        none = нет
        due = Срок сдачи отчёта
        lateReport = Отчёт просрочен
        indicators = Показатели качества и доступности (приложение 2 к стандарту)
        indicatorText = Показатель
        target = Целевое значение
        current = Текущее значение
        notMeasured = не измеряется
        yearTitle = Годовой отчёт о выплатах социальной помощи
        byQuarter = По кварталам
        figure = Показатель
        yearTotal = Итого за год
        onTimeChart = Доля зачислений в срок по кварталам
        norm = норматив
        missingTitle = Нет справки из школы
        missingCount = Всего дел без справки
        applicant = Заявитель
        child = Ребёнок
        lastQuarter = Последняя справка за
        lastSchool = Школа последней справки
        registry = Реестр
        approved = утверждено
        withCertificate = со справкой за квартал
        withoutCertificate = без справки
        batches = Пачки
        payments = Платежи
        s.issued = отправлено
        s.credited = зачислено
        s.rejected = отклонено
        s.returned = возвращено
        s.cancelled = аннулировано
        b.prepared = ждёт подписей
        b.released = выпущена
        b.cancelled = аннулирована
        signed = подписи
        overdueCount = Просрочено
        findings = Расхождения последней сверки
        nextDeadline = Ближайший крайний срок
        attention = Требует внимания
        a.AWAITING_SIGNATURE = пачка ждёт подписи
        a.OVERDUE = платежи не зачислены в срок
        a.FINDINGS = последняя сверка нашла расхождения
        a.MISSING_CERTIFICATES = у детей нет справки из школы за квартал
        nothing = ничего, всё в порядке
        next = Следующая команда
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
        subtitle = үйде оқитын мүгедек балаларға, тоқсанына {coefficient} АЕК
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
        releases = Пакеттер: жай-күйі, кім дайындады және кім қол қойды
        state = Жай-күйі
        preparedBy = Дайындаған
        signatures = Қолтаңбалар
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
        sheetIndicators = Көрсеткіштер
        chart = Есепке алуға дейінгі күндер (банктік)
        none = жоқ
        due = Есепті тапсыру мерзімі
        lateReport = Есеп мерзімі өтті
        indicators = Сапа және қол жетімділік көрсеткіштері (стандарттың 2-қосымшасы)
        indicatorText = Көрсеткіш
        target = Нысаналы мәні
        current = Ағымдағы мәні
        notMeasured = өлшенбейді
        yearTitle = Әлеуметтік көмек төлемдері туралы жылдық есеп
        byQuarter = Тоқсандар бойынша
        figure = Көрсеткіш
        yearTotal = Жыл бойынша барлығы
        onTimeChart = Тоқсандар бойынша мерзімінде есепке алу үлесі
        norm = норматив
        missingTitle = Мектеп анықтамасы жоқ
        missingCount = Анықтамасы жоқ істер саны
        applicant = Өтініш беруші
        child = Бала
        lastQuarter = Соңғы анықтама тоқсаны
        lastSchool = Соңғы анықтама мектебі
        registry = Тізілім
        approved = бекітілген
        withCertificate = тоқсанға анықтамасы бар
        withoutCertificate = анықтамасы жоқ
        batches = Топтамалар
        payments = Төлемдер
        s.issued = жіберілді
        s.credited = есепке алынды
        s.rejected = қабылданбады
        s.returned = қайтарылды
        s.cancelled = жойылды
        b.prepared = қолтаңбаларды күтуде
        b.released = шығарылды
        b.cancelled = жойылды
        signed = қолтаңбалар
        overdueCount = Мерзімі өтті
        findings = Соңғы салыстырудың сәйкессіздіктері
        nextDeadline = Жақын соңғы мерзім
        attention = Назар аударуды қажет етеді
        a.AWAITING_SIGNATURE = топтама қолтаңбаны күтуде
        a.OVERDUE = төлемдер мерзімінде есепке алынбады
        a.FINDINGS = соңғы салыстыру сәйкессіздіктер тапты
        a.MISSING_CERTIFICATES = балалардың тоқсанға мектеп анықтамасы жоқ
        nothing = ештеңе, бәрі дұрыс
        next = Келесі команда
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
        subtitle = children with disabilities educated at home, {coefficient} MRP per quarter
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
        releases = Batches: state, who prepared and who signed
        state = State
        preparedBy = Prepared by
        signatures = Signatures
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
        sheetIndicators = Indicators
        chart = Banking days to credit
        none = none
        due = Report due
        lateReport = The report is late
        indicators = Quality and accessibility indicators (Appendix 2 of the standard)
        indicatorText = Indicator
        target = Target value
        current = Current value
        notMeasured = not measured
        yearTitle = Annual social assistance payment report
        byQuarter = By quarter
        figure = Figure
        yearTotal = Year total
        onTimeChart = Share credited on time, by quarter
        norm = norm
        missingTitle = No school certificate
        missingCount = Cases without a certificate
        applicant = Applicant
        child = Child
        lastQuarter = Last certificate for
        lastSchool = School of the last certificate
        registry = Registry
        approved = approved
        withCertificate = with a certificate for the quarter
        withoutCertificate = without
        batches = Batches
        payments = Payments
        s.issued = issued
        s.credited = credited
        s.rejected = rejected
        s.returned = returned
        s.cancelled = cancelled
        b.prepared = awaiting signatures
        b.released = released
        b.cancelled = cancelled
        signed = signatures
        overdueCount = Overdue
        findings = Findings of the last reconcile
        nextDeadline = Next deadline
        attention = Needs attention
        a.AWAITING_SIGNATURE = a batch awaits a signature
        a.OVERDUE = payments not credited in time
        a.FINDINGS = the last reconcile reported findings
        a.MISSING_CERTIFICATES = children without a school certificate for the quarter
        nothing = nothing, all in order
        next = Next command
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
