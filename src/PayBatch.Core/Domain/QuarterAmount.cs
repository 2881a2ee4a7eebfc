using PayBatch.Core.Localization;

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
        // A payment is a tiyn at least (0.00 pays nothing, and the database refuses it), and no more than whole tiyn hold.
        var perChild = m > 0 && coefficient <= Tenge.MaxAmount / m ? Tenge.PerChild(coefficient, m) : Tenge.Zero;
        if (perChild.Tiyn <= 0) throw new InputException(CoreText.CoefficientNoAmount, new Num(coefficient), m, quarter);
        return new QuarterAmount(m, coefficient, perChild);
    }
}
