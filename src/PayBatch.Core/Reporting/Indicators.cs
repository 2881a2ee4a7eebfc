using System.Globalization;

namespace PayBatch.Core.Reporting;

/// <summary>
/// One row of Appendix 2 of the standard: its number, normative value (column 2), target for the
/// next year (column 3) and its text as the Russian and Kazakh originals word it (English: ours).
/// </summary>
public sealed record IndicatorDefinition(string Id, decimal Normative, decimal Target, string Ru, string Kk, string En)
{
    /// <summary>1.1 and 2.2 are measured by PayBatch (one decimal); the others come from the settings.</summary>
    public bool Measured => Id is "1.1" or "2.2";

    public string Text(string lang) => lang switch { "ru" => Ru, "kk" => Kk, _ => En };
}

/// <summary>An indicator for a period: its target and current value (null: not measured).</summary>
public sealed record IndicatorRow(IndicatorDefinition Definition, decimal Target, decimal? Value)
{
    public string Id => Definition.Id;
    public decimal Normative => Definition.Normative;

    /// <summary>Numbers as the json writes them: invariant, measured values with one decimal, entered ones as entered.</summary>
    public static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public string? ValueText => Value is not { } v ? null
        : Definition.Measured ? v.ToString("0.0", CultureInfo.InvariantCulture) : Number(v);
}

/// <summary>What the department enters (SPEC <c>Indicators:Values</c>, <c>Indicators:Targets</c>), by indicator id.</summary>
public sealed record IndicatorSettings(IReadOnlyDictionary<string, decimal> Values, IReadOnlyDictionary<string, decimal> Targets)
{
    public static readonly IndicatorSettings None = new(new Dictionary<string, decimal>(), new Dictionary<string, decimal>());
}

/// <summary>Appendix 2 of the standard, as data, and the twelve rows of a period.</summary>
public static class Indicators
{
    public static readonly IReadOnlyList<IndicatorDefinition> Appendix2 =
    [
        new("1.1", 90m, 82m,
            "% (доля) случаев предоставления услуги в установленный срок с момента сдачи документа",
            "құжаттарды тапсырған сәттен бастап белгіленген мерзімде қызметті ұсыну оқиғаларының % (үлесі)",
            "% (share) of cases in which the service was delivered within the set time from the submission of the documents"),
        new("1.2", 100m, 90m,
            "% (доля) потребителей, ожидавших получения услуги в очереди не более 40 минут",
            "қызмет алуды кезекте 40 минуттан аспайтын уақыт күткен тұтынушылардың % (үлесі)",
            "% (share) of consumers who waited in the queue for the service no longer than 40 minutes"),
        new("2.1", 85m, 75m,
            "% (доля) потребителей удовлетворенных качеством процесса предоставления услуги",
            "қызметті ұсыну үдерісінің сапасына қанағаттанған тұтынушылардың % (үлесі)",
            "% (share) of consumers satisfied with the quality of the service process"),
        new("2.2", 100m, 100m,
            "% (доля) случаев правильно оформленных документов должностным лицом (произведенных начислений, расчетов и т.д.)",
            "құжаттарды лауазымды тұлға дұрыс ресімдеген жағдайдың (жүргізілген төлемдер, есеп айырысулар және т.б.) % (үлесі)",
            "% (share) of cases in which the official drew up the documents correctly (accruals made, calculations, etc.)"),
        new("3.1", 90m, 90m,
            "% (доля) потребителей удовлетворенных качеством и информацией о порядке предоставления услуги",
            "қызметті ұсыну тәртібі туралы сапаға және ақпаратқа қанағаттанған тұтынушылардың % (үлесі)",
            "% (share) of consumers satisfied with the quality of, and the information on, the procedure for receiving the service"),
        new("3.2", 90m, 90m,
            "% (доля) случаев правильно заполненных потребителем документов и сданных с первого раза",
            "тұтынушы құжаттарды дұрыс толтырған және бірінші реттен тапсырған оқиғалардың % (үлесі)",
            "% (share) of cases in which the consumer filled in the documents correctly and submitted them the first time"),
        new("3.3", 100m, 90m,
            "% (доля) услуг, информации о которых доступно через Интернет",
            "интернет арқылы қол жетімді қызметтерінің ақпарат % (үлесі)",
            "% (share) of services whose information is available on the Internet"),
        new("4.1", 0.5m, 0.1m,
            "% (доля) обоснованных жалоб общему количеству обслуженных потребителей по данному виду услуг",
            "қызметтің осы түрі бойынша қызмет көрсетілген тұтынушылардың жалпы санына негізделген шағымдардың % (үлесі)",
            "% (share) of justified complaints in the total number of consumers served for this type of service"),
        new("4.2", 90m, 80m,
            "% (доля) обоснованных жалоб рассмотренных и удовлетворенных в установленный срок",
            "белгіленген мерзімде қаралған және қанағаттандырылған негізделген шағымдардың % (үлесі)",
            "% (share) of justified complaints examined and satisfied within the set time"),
        new("4.3", 95m, 90m,
            "% (доля) потребителей удовлетворенных с существующим порядком обжалования",
            "шағымданудың қолданыстағы тәртібіне қанағаттанған тұтынушылардың % (үлесі)",
            "% (share) of consumers satisfied with the existing complaint procedure"),
        new("4.4", 95m, 80m,
            "% (доля) потребителей, удовлетворенных сроками обжалования",
            "шағымдану мерзіміне қанағаттанған тұтынушылардың % (үлесі)",
            "% (share) of consumers satisfied with the time limits for complaints"),
        new("5.1", 100m, 90m,
            "% (доля) потребителей удовлетворенных вежливостью персонала",
            "қызметкерлердің сыпайылығына қанағаттанған тұтынушылардың % (үлесі)",
            "% (share) of consumers satisfied with the courtesy of the staff"),
    ];

    /// <summary>The twelve rows: 1.1 and 2.2 as measured, the others as entered (else null); targets as set, else column 3.</summary>
    public static IReadOnlyList<IndicatorRow> Compute(decimal? onTimePercent, decimal? correctAccrualsPercent, IndicatorSettings settings) =>
        Appendix2.Select(d => new IndicatorRow(d,
            settings.Targets.TryGetValue(d.Id, out var target) ? target : d.Target,
            d.Id switch
            {
                "1.1" => onTimePercent,
                "2.2" => correctAccrualsPercent,
                _ => settings.Values.TryGetValue(d.Id, out var v) ? v : null,
            })).ToList();

    /// <summary>part ÷ whole × 100, one decimal (away from zero); null for 0/0.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
