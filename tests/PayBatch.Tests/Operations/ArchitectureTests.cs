using System.Reflection;
using System.Reflection.Emit;
using PayBatch.Core.Domain;
using PayBatch.Core.Reporting;

namespace PayBatch.Tests.Operations;

/// <summary>
/// ARCHITECTURE.md, checked on the compiled assembly: every type a part references (in its fields,
/// signatures and method bodies, lambdas and async state machines included) is read from the IL.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Quarter).Assembly;

    /// <summary>Who may use what inside PayBatch.Core: ARCHITECTURE.md's table.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Localization"] = [],
        ["Domain"] = ["Localization"],
        ["Output"] = ["Domain", "Localization", ":Resilience"],
        ["Eligibility"] = ["Domain", "Localization"],
        ["Persistence"] = ["Domain", "Localization", ":Resilience"],
        ["Formats"] = ["Domain", "Output", "Localization", "Batches:Batch", "Batches:Payment", "Batches:BatchTerms", "Batches:BankFileTerms", "Batches:Department"],
        ["Import"] = ["Domain", "Persistence", "Output", "Localization", "Formats:Encodings", ""],
        ["Batches"] = ["Domain", "Eligibility", "Formats", "Output", "Persistence", "Localization", "Release:ReleaseRecord", ""],
        ["Release"] = ["Domain", "Output", "Persistence", "Localization", "Batches", ""],
        ["Reconciliation"] = ["Domain", "Import", "Output", "Persistence", "Localization", "Formats:Encodings", "Formats:Iso20022Schema", "Formats:SchemaError", ""],
        ["Reporting"] = ["Domain", "Eligibility", "Output", "Persistence", "Reconciliation", "Localization", "Batches:Exclusion", "Release:ReleaseRecord", "Release:BatchSignature"],
        ["Workbooks"] = ["Domain", "Eligibility", "Output", "Persistence", "Reconciliation", "Reporting", "Localization", "Batches:Exclusion"],
        [""] = ["Persistence", "Domain"],
    };

    private static readonly string[] DatabaseOrConsole =
        ["Microsoft.EntityFrameworkCore", "Microsoft.Data.", "System.Data", "Npgsql", "PayBatch.Core.Persistence", "System.Console"];

    /// <summary>The parts that compute: they never touch the database or the console.</summary>
    private static IEnumerable<Type> Pure() =>
        Core.GetTypes().Where(t => Part(t) is "Domain" or "Eligibility" or "Formats" || (Part(t) == "Reporting" && t != typeof(ReportLoader)));

    [Fact]
    public void Domain_eligibility_formats_and_the_reports_computation_never_touch_the_database_or_the_console()
    {
        var offences = Pure().Where(t => !t.IsNested)
            .SelectMany(t => References(t).Where(r => DatabaseOrConsole.Any(f => (r.FullName ?? r.Name).StartsWith(f, StringComparison.Ordinal)))
                .Select(r => $"{t.FullName} uses {r.FullName}"))
            .Distinct().ToList();
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Each_part_uses_only_the_parts_before_it()
    {
        var offences = Core.GetTypes().Where(t => !t.IsNested && t.Namespace?.StartsWith("PayBatch.Core", StringComparison.Ordinal) == true && Part(t) != "Migrations")
            .SelectMany(t => References(t).Where(r => r.Assembly == Core && !Generated(r) && Part(r) != Part(t) && !Allowed(Part(t), r))
                .Select(r => $"{Part(t)}: {t.Name} uses {r.FullName}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void The_reading_sees_a_database_and_a_console_use_where_there_is_one()
    {
        Assert.Contains(References(typeof(ReportLoader)), r => r == typeof(Core.Persistence.PayBatchDb));
        Assert.Contains(References(typeof(Core.Reconciliation.Reconciler)), r => r.Namespace == "Microsoft.EntityFrameworkCore");
        Assert.Contains(References(typeof(Cli.CliHost)), r => r == typeof(Console));
        Assert.Contains(References(typeof(Core.Batches.QuarterRun)), r => r == typeof(Core.Persistence.PayBatchDb));
    }

    /// <summary>Types the compiler made (anonymous types, collection literals, the regex generator's): nobody's part.</summary>
    private static bool Generated(Type t) =>
        Outermost(t).Name.StartsWith('<') || Outermost(t).Namespace?.StartsWith("System.", StringComparison.Ordinal) == true;

    private static bool Allowed(string part, Type used) =>
        MayUse.TryGetValue(part, out var allowed) && allowed.Any(a => a == Part(used) || a == $"{Part(used)}:{Outermost(used).Name}");

    /// <summary>The folder a type belongs to: the namespace after PayBatch.Core ("" for the root).</summary>
    private static string Part(Type t)
    {
        var ns = Outermost(t).Namespace ?? "";
        if (!ns.StartsWith("PayBatch.Core", StringComparison.Ordinal)) return ns;
        var rest = ns.Length > "PayBatch.Core".Length ? ns["PayBatch.Core.".Length..] : "";
        return rest.Split('.')[0] is "Persistence" && rest.Contains("Migrations", StringComparison.Ordinal) ? "Migrations" : rest.Split('.')[0];
    }

    private static Type Outermost(Type t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t.IsGenericType && !t.IsGenericTypeDefinition ? t.GetGenericTypeDefinition() : t;
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a type and its nested types (closures, state machines) reference.</summary>
    private static HashSet<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a);
            if (t.IsGenericType && !t.IsGenericTypeDefinition) Add(t.GetGenericTypeDefinition());
        }
        foreach (var t in Nested(type))
        {
            Add(t.BaseType);
            foreach (var i in t.GetInterfaces()) Add(i);
            foreach (var f in t.GetFields(Declared)) Add(f.FieldType);
            foreach (var p in t.GetProperties(Declared)) Add(p.PropertyType);
            foreach (var m in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            {
                if (m is MethodInfo mi) Add(mi.ReturnType);
                foreach (var p in m.GetParameters()) Add(p.ParameterType);
                foreach (var l in m.GetMethodBody()?.LocalVariables ?? []) Add(l.LocalType);
                foreach (var member in Il(m)) Add(member is Type used ? used : member.DeclaringType);
            }
        }
        return found;
    }

    private static IEnumerable<Type> Nested(Type t) => t.GetNestedTypes(Declared).SelectMany(Nested).Prepend(t);

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The members and types a method body's instructions name.</summary>
    private static IEnumerable<MemberInfo> Il(MethodBase m)
    {
        var il = m.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArgs = m.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = m.IsGenericMethod ? m.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = m.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is not null) yield return member;
                    if (member is MethodInfo called)
                    {
                        yield return called.ReturnType;
                        foreach (var p in called.GetParameters()) yield return p.ParameterType;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += code.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }
}
