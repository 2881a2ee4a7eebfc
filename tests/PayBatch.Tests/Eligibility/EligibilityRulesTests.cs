using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Eligibility;

/// <summary>Each reason at its boundary: the day before, on, and after the limit.</summary>
public class EligibilityRulesTests
{
    private static readonly BankDirectory Banks = ReferenceData.Load().Banks;
    private static readonly Quarter Q1 = Quarter.Parse("2026Q1");
    private static readonly DateOnly ChildBirth = new(2014, 3, 15);

    private static RecipientCase Case(Func<RecipientCase, RecipientCase>? with = null)
    {
        var c = new RecipientCase
        {
            CaseId = "C-1", District = "Есильский район", ApplicantIin = "860702401019", ApplicantName = "Иванова Мария Петровна",
            ApplicantRole = ApplicantRole.Parent, ChildIin = "140315501021", ChildName = "Иванов Артём", ChildBirthDate = ChildBirth,
            ApplicationDate = new DateOnly(2025, 8, 1), DecisionNo = "1", DecisionDate = new DateOnly(2025, 8, 4), DisabilityCertNo = "1",
            HomeEducationFrom = new DateOnly(2025, 9, 1), BankBic = "CASPKZKA", Iban = "KZ637220000007000001", Status = CaseStatus.Approved,
        };
        return with is null ? c : with(c);
    }

    /// <param name="certificateFor">The quarter of the child's one school certificate; none when null.</param>
    private static QuarterFacts Facts(Quarter? certificateFor = null, bool certificate = true, bool duplicate = false, bool paid = false) =>
        new(Q1, Banks,
            new ChildIins(certificate && (certificateFor ?? Q1) == Q1 ? ["140315501021"] : []), // the facts hold the quarter's certificates only
            new ChildIins(duplicate ? ["140315501021"] : []),
            new ChildIins(paid ? ["140315501021"] : []));

    private static IReadOnlyList<string> Check(RecipientCase c, QuarterFacts? f = null) =>
        EligibilityRules.Check(c, f ?? Facts(), out _).Select(r => r.Code()).ToList();

    [Fact]
    public void A_complete_case_is_paid() => Assert.Empty(Check(Case()));

    /// <summary>The rules parse a case's identifiers once; a payee is made of what they parsed.</summary>
    [Fact]
    public void A_paid_case_has_its_identifiers_parsed_for_its_payee()
    {
        var c = Case(c => c with { Iban = "kz63 7220 0000 0700 0001" });
        Assert.Empty(EligibilityRules.Check(c, Facts(), out var ids));
        var payee = PayBatch.Core.Batches.Payee.Of(c, ids);
        Assert.Equal(("140315501021", "860702401019", "KZ637220000007000001"), (payee.ChildIin.Value, payee.ApplicantIin.Value, payee.Iban.Value));
    }

    [Fact]
    public void An_invalid_identifier_is_null_among_the_parsed_and_makes_no_payee()
    {
        var c = Case(c => c with { ApplicantIin = "860702401018", Iban = "KZ637220000007000002" });
        Assert.Equal(["INVALID_APPLICANT_IIN", "INVALID_IBAN"], EligibilityRules.Check(c, Facts(), out var ids).Select(r => r.Code()));
        Assert.Null(ids.Applicant);
        Assert.Equal(Iin.Parse("140315501021"), ids.Child);
        Assert.Null(ids.Iban);
        Assert.Throws<InvalidOperationException>(() => PayBatch.Core.Batches.Payee.Of(c, ids));
    }

    [Theory]
    [InlineData(CaseStatus.Suspended)]
    [InlineData(CaseStatus.Terminated)]
    public void NotApproved_holds_for_any_status_but_approved(CaseStatus status) =>
        Assert.Equal(["NOT_APPROVED"], Check(Case(c => c with { Status = status })));

    [Theory]
    [InlineData("2026-03-30", false)]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    public void DecisionAfterQuarter_holds_after_the_last_day(string decided, bool holds) =>
        Assert.Equal(holds, Check(Case(c => c with { DecisionDate = DateOnly.Parse(decided, System.Globalization.CultureInfo.InvariantCulture) })).Contains("DECISION_AFTER_QUARTER"));

    [Theory]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)]
    public void StudyEnded_holds_before_the_first_day(string ended, bool holds) =>
        Assert.Equal(holds, Check(Case(c => c with { StudyEndDate = DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture) })).Contains("STUDY_ENDED"));

    [Fact]
    public void NoSchoolCertificate_excludes_the_case_when_only_last_quarters_certificate_exists()
    {
        Assert.Equal(["NO_SCHOOL_CERTIFICATE"], Check(Case(), Facts(certificateFor: Quarter.Parse("2025Q4"))));
        Assert.Equal(["NO_SCHOOL_CERTIFICATE"], Check(Case(), Facts(certificate: false)));
        Assert.Empty(Check(Case(), Facts(certificateFor: Q1)));
    }

    [Theory]
    [InlineData("2026-03-31", null, false)]
    [InlineData("2026-04-01", null, true)]
    [InlineData("2025-09-01", "2025-12-31", true)]
    [InlineData("2025-09-01", "2026-01-01", false)]
    [InlineData("2025-09-01", "2026-01-02", false)]
    public void HomeEducationNotCovered_holds_when_the_term_misses_the_quarter(string from, string? to, bool holds) =>
        Assert.Equal(holds, Check(Case(c => c with
        {
            HomeEducationFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            HomeEducationTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        })).Contains("HOME_EDUCATION_NOT_COVERED"));

    [Theory]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)]
    public void DisabilityExpired_holds_before_the_first_day(string validTo, bool holds) =>
        Assert.Equal(holds, Check(Case(c => c with { DisabilityValidTo = DateOnly.Parse(validTo, System.Globalization.CultureInfo.InvariantCulture) })).Contains("DISABILITY_EXPIRED"));

    [Theory]
    [InlineData("2008-01-02", false)] // 18 the day after S
    [InlineData("2008-01-01", true)]  // 18 on S
    [InlineData("2007-12-31", true)]
    [InlineData("2008-02-29", false)] // a leap day: 18 on 2026-02-28, after S
    public void ChildOverAge_holds_from_the_18th_birthday(string birth, bool holds)
    {
        var born = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var iin = Cases.MakeIin(born);
        var facts = new QuarterFacts(Q1, Banks, new ChildIins([iin]), new ChildIins([]), new ChildIins([]));
        var reasons = Check(Case(c => c with { ChildBirthDate = born, ChildIin = iin }), facts);
        Assert.Equal(holds, reasons.Contains("CHILD_OVER_AGE"));
        Assert.DoesNotContain("INVALID_CHILD_IIN", reasons);
    }

    /// <summary>A birth date whose eighteenth birthday is no date (it threw, and every run failed with exit 1 until the registry was mended).</summary>
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9990-01-01")]
    public void A_birth_date_near_the_last_date_is_decided_not_thrown(string birth)
    {
        var born = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var reasons = Check(Case(c => c with { ChildBirthDate = born }));
        Assert.DoesNotContain("CHILD_OVER_AGE", reasons);
        Assert.Contains("INVALID_CHILD_IIN", reasons); // no IIN encodes it
    }

    [Fact]
    public void GuardianshipMissing_holds_for_a_guardian_without_a_reference()
    {
        Assert.Equal(["GUARDIANSHIP_MISSING"], Check(Case(c => c with { ApplicantRole = ApplicantRole.Guardian })));
        Assert.Empty(Check(Case(c => c with { ApplicantRole = ApplicantRole.Guardian, GuardianshipRef = "№ 45" })));
        Assert.Empty(Check(Case(c => c with { GuardianshipRef = null })));
    }

    [Fact]
    public void InvalidApplicantIin_holds_for_a_wrong_check_digit() =>
        Assert.Equal(["INVALID_APPLICANT_IIN"], Check(Case(c => c with { ApplicantIin = "860702401018" })));

    [Fact]
    public void InvalidChildIin_holds_when_the_birth_date_disagrees() =>
        Assert.Equal(["INVALID_CHILD_IIN"], Check(Case(c => c with { ChildBirthDate = ChildBirth.AddDays(1) })));

    [Fact]
    public void InvalidIban_holds_for_a_wrong_check_and_skips_the_bank_match() =>
        Assert.Equal(["INVALID_IBAN"], Check(Case(c => c with { Iban = "KZ647220000007000001" })));

    [Fact]
    public void UnknownBank_holds_for_a_BIC_outside_the_directory() =>
        Assert.Equal(["UNKNOWN_BANK"], Check(Case(c => c with { BankBic = "ABCDKZKA" })));

    [Fact]
    public void IbanBankMismatch_holds_when_the_IBAN_is_of_another_bank() =>
        Assert.Equal(["IBAN_BANK_MISMATCH"], Check(Case(c => c with { BankBic = "HSBKKZKX" })));

    [Theory]
    [InlineData(CaseStatus.Approved, new[] { "DUPLICATE_CHILD" })]
    [InlineData(CaseStatus.Suspended, new[] { "NOT_APPROVED" })]
    [InlineData(CaseStatus.Terminated, new[] { "NOT_APPROVED" })]
    public void DuplicateChild_holds_for_approved_cases_only(CaseStatus status, string[] reasons) =>
        Assert.Equal(reasons, Check(Case(c => c with { Status = status }), Facts(duplicate: true)));

    [Fact]
    public void AlreadyPaid_holds_when_the_child_has_a_payment_for_the_quarter() =>
        Assert.Equal(["ALREADY_PAID"], Check(Case(), Facts(paid: true)));

    [Fact]
    public void Every_reason_that_holds_is_reported_in_SPEC_order()
    {
        var c = Case(c => c with
        {
            Status = CaseStatus.Suspended, DecisionDate = new DateOnly(2026, 4, 1), StudyEndDate = new DateOnly(2025, 12, 1),
            HomeEducationTo = new DateOnly(2025, 12, 31), DisabilityValidTo = new DateOnly(2025, 12, 31),
            ApplicantRole = ApplicantRole.Guardian, ApplicantIin = "1", Iban = "KZ00", BankBic = "NOPEKZKA",
        });
        Assert.Equal(
            ["NOT_APPROVED", "DECISION_AFTER_QUARTER", "STUDY_ENDED", "NO_SCHOOL_CERTIFICATE", "HOME_EDUCATION_NOT_COVERED",
             "DISABILITY_EXPIRED", "GUARDIANSHIP_MISSING", "INVALID_APPLICANT_IIN", "INVALID_IBAN", "UNKNOWN_BANK", "ALREADY_PAID"],
            Check(c, Facts(certificate: false, paid: true)));
    }
}

/// <summary>The compact set of children's IINs answers exactly as a set of their texts would.</summary>
public class ChildIinsTests
{
    [Fact]
    public void Membership_is_that_of_the_text()
    {
        var set = new ChildIins(["140315501021", "040315501021", "14031550102", "1403155010210", "14031550102X", " 140315501021", ""]);
        Assert.Equal(7, set.Count);
        Assert.True(set.Contains("140315501021"));
        Assert.True(set.Contains("040315501021"));   // a leading zero is kept apart from …
        Assert.False(set.Contains("40315501021"));   // … the same number written shorter
        Assert.True(set.Contains("14031550102"));
        Assert.True(set.Contains("14031550102X"));
        Assert.True(set.Contains(" 140315501021"));
        Assert.True(set.Contains(""));
        Assert.False(set.Contains("140315501022"));
        Assert.False(set.Contains("140315501021 "));
        // Twelve characters that are not all digits stay text, whatever they are (a character below '0' included).
        foreach (var text in new[] { "1403 5501021", "-14031550102", "+14031550102", "1403155010.1", "14031550102\u0000" })
        {
            Assert.False(set.Contains(text));
            Assert.True(set.Add(text));
            Assert.True(set.Contains(text));
            Assert.False(set.Add(System.Text.Encoding.UTF8.GetBytes(text))); // the same, handed over as bytes
        }
    }
}
