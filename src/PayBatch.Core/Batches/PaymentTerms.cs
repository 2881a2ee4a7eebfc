namespace PayBatch.Core.Batches;

/// <summary>What the department settings say about payments (SPEC <c>Department</c> and <c>Payment</c>).</summary>
public sealed record PaymentTerms
{
    /// <summary>
    /// The built-in defaults, the one place they are written: 6.5 MRP per child (the standard) and
    /// the MT102 codes SEND 07, PSO 01, PRT 50.
    /// </summary>
    public static PaymentTerms Default { get; } = new();

    public Department Department { get; init; } = new();
    public string? Knp { get; init; }
    public decimal Coefficient { get; init; } = 6.5m;
    public string Send { get; init; } = "07";
    public string Pso { get; init; } = "01";
    public string Prt { get; init; } = "50";
}
