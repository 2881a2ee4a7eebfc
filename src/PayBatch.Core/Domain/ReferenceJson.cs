using System.Text.Json.Serialization;

namespace PayBatch.Core.Domain;

/// <summary>
/// The shapes of the reference data files, read by generated code: the reflection-based reader cost every
/// command about 0.1 s of its start-up building its metadata (issue 15). The same rules as before: the
/// default options, property names as the records' attributes give them.
/// </summary>
[JsonSerializable(typeof(BankingCalendar.CalendarFile))]
[JsonSerializable(typeof(MrpTable.MrpFile))]
[JsonSerializable(typeof(BankDirectory.BanksFile))]
internal sealed partial class ReferenceJson : JsonSerializerContext;
