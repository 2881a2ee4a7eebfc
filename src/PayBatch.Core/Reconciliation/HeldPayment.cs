using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// A payment as reconcile holds it, a million at a time: a struct kept inside the dictionary itself,
/// its identifiers held as numbers (<see cref="Iin"/>, <see cref="Iban"/>). Matching and the SLA get a <see cref="PaymentState"/> made from it as they need one.
/// </summary>
internal struct HeldPayment(PaymentState p)
{
    private readonly long _id = p.Id;
    private readonly PaymentReference _reference = p.Reference;
    private readonly string _caseId = p.CaseId;
    private readonly Iin _childIin = p.ChildIin;
    private readonly string _district = p.District;
    private readonly Bic _bic = p.Bic;
    private readonly Iban _iban = p.Iban;
    private readonly Tenge _amount = p.Amount;
    private readonly DateOnly _valueDate = p.ValueDate;
    private readonly long? _replaces = p.ReplacesPaymentId;
    private readonly bool _released = p.Released;
    private PaymentStatus _status = p.Status;
    private DateOnly? _creditedOn = p.CreditedOn;
    private string? _reason = p.Reason;

    public readonly PaymentReference Reference => _reference;

    /// <summary>The status read from the database, once this run has changed it.</summary>
    public PaymentStatus? Was { get; private set; }

    public readonly PaymentState State => new(_id, _reference, _caseId, _childIin, _district,
        _bic, _iban, _amount, _valueDate, _status, _creditedOn, _reason, _replaces, _released);

    /// <summary>Takes what matching changes: the status, the credit date and the reason.</summary>
    public void Apply(PaymentState updated)
    {
        Was ??= _status;
        (_status, _creditedOn, _reason) = (updated.Status, updated.CreditedOn, updated.Reason);
    }
}
