namespace PayBatch.Core.Domain;

/// <summary>
/// A quarter's amount per child: the coefficient × the MRP in force on the quarter's first day,
/// whenever the quarter is paid.
/// </summary>
public sealed record QuarterAmount(int Mrp, decimal Coefficient, Tenge PerChild)
{
    public static QuarterAmount For(Quarter quarter, MrpTable mrp, decimal coefficient)
    {
        var m = mrp.On(quarter.FirstDay);
        return new QuarterAmount(m, coefficient, Tenge.PerChild(coefficient, m));
    }
}
