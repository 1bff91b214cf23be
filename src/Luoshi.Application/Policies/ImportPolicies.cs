using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Policies;

public enum PolicyImportKind
{
    Policies,
    PolicyMeasures,
    PolicyCases,
    Holidays,
}

/// <summary>
/// Imports policies, their measures, enterprise cases and the holiday calendar from CSV (or a sheet read into the
/// same table), all or nothing, every problem named by line and column. Re-importing a row updates it: a policy or
/// a measure in place (its version rises), a case by appending a version, and a paid case not at all — a line that
/// would change one is refused. Needs the planning permission over the policy's lead department, the measure's
/// responsible department, or (for a case) that department or the enterprise's region; the calendar over everything.
/// </summary>
public sealed class ImportPolicies(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, LocalCalendar calendar)
{
    public static readonly IReadOnlyDictionary<PolicyImportKind, string[]> Columns = new Dictionary<PolicyImportKind, string[]>
    {
        [PolicyImportKind.Policies] = ["code", "title", "package", "lead", "issued", "budget"],
        [PolicyImportKind.PolicyMeasures] = ["code", "policy", "title", "kind", "mode", "timeLimitDays"],
        [PolicyImportKind.PolicyCases] = ["measure", "enterprise", "name", "org", "applied", "status", "approvedAmount", "paidOn", "paidAmount"],
        [PolicyImportKind.Holidays] = ["date", "kind"],
    };

    public static readonly IReadOnlyDictionary<PolicyImportKind, string[]> Optional = new Dictionary<PolicyImportKind, string[]>
    {
        [PolicyImportKind.Policies] = ["public"],
        [PolicyImportKind.PolicyMeasures] = ["department", "conditions"],
        [PolicyImportKind.PolicyCases] = [],
        [PolicyImportKind.Holidays] = [],
    };

    public static readonly IReadOnlyDictionary<string, MeasureKind> KindWords = new Dictionary<string, MeasureKind>(StringComparer.Ordinal)
    {
        ["减免"] = MeasureKind.Reduction, ["奖补"] = MeasureKind.Subsidy, ["权益"] = MeasureKind.Entitlement, ["资质"] = MeasureKind.Qualification,
    };

    public static readonly IReadOnlyDictionary<string, DeliveryMode> ModeWords = new Dictionary<string, DeliveryMode>(StringComparer.Ordinal)
    {
        ["免申即享"] = DeliveryMode.Automatic, ["即申即享"] = DeliveryMode.Instant, ["申报"] = DeliveryMode.Application,
    };

    public static readonly IReadOnlyDictionary<string, CaseStatus> StatusWords = new Dictionary<string, CaseStatus>(StringComparer.Ordinal)
    {
        ["已申报"] = CaseStatus.Applied, ["审核通过"] = CaseStatus.Approved, ["不予兑现"] = CaseStatus.Rejected, ["已兑现"] = CaseStatus.Paid,
    };

    /// <summary>The kinds by the names the API and the CLI use.</summary>
    public static PolicyImportKind ParseKind(string? kind) => kind switch
    {
        "policies" => PolicyImportKind.Policies,
        "policy-measures" => PolicyImportKind.PolicyMeasures,
        "policy-cases" => PolicyImportKind.PolicyCases,
        "holidays" => PolicyImportKind.Holidays,
        _ => throw InputRefusedException.Single("kind", new Text("应为 policies、policy-measures、policy-cases 或 holidays", "one of policies, policy-measures, policy-cases, holidays")),
    };

    public static string KindName(PolicyImportKind kind) => kind switch
    {
        PolicyImportKind.Policies => "policies",
        PolicyImportKind.PolicyMeasures => "policy-measures",
        PolicyImportKind.PolicyCases => "policy-cases",
        _ => "holidays",
    };

    public async Task<ImportSummary> FromCsv(PolicyImportKind kind, Stream stream, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var table = CsvTable.Read(stream, Columns[kind], Optional[kind]);
        return await Import(kind, table, "CSV", ct);
    }

    /// <summary>Checks every row of a table (read from a CSV file or a sheet) and writes them all, or none.</summary>
    internal async Task<ImportSummary> Import(PolicyImportKind kind, CsvTable table, string source, CancellationToken ct)
    {
        actor.RequireSignedIn();
        if (kind == PolicyImportKind.Holidays)
        {
            actor.RequireEverywhere(Permission.ManagePlans);
        }

        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), new Text($"政策兑现导入({source})", $"policy delivery import ({source})").Bilingual);
        var lines = new Lines(db, actor, table, stamp);
        await lines.Load(kind, ct);
        foreach (var (line, fields) in table.Rows)
        {
            if (lines.Errors.Full)
            {
                break;
            }

            switch (kind)
            {
                case PolicyImportKind.Policies:
                    lines.Policy(line, fields);
                    break;
                case PolicyImportKind.PolicyMeasures:
                    lines.Measure(line, fields);
                    break;
                case PolicyImportKind.PolicyCases:
                    lines.Case(line, fields);
                    break;
                default:
                    lines.Day(line, fields);
                    break;
            }
        }

        lines.Forbidden.ThrowIfAny();
        lines.Errors.ThrowIfAny();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await InsertNew(lines.Fresh, lines.MeasureCodes, ct);
            if (lines.Years.Count > 0)
            {
                await PolicyDeliveryFeed.Refresh(db, lines.Years, calendar.Today, stamp, ct);
            }

            await tx.CommitAsync(ct);
        }

        return new ImportSummary(Parsing.Camel(kind.ToString()), table.Rows.Count, lines.Created, lines.Updated, table.Rows.Count - lines.Created - lines.Updated);
    }

    /// <summary>
    /// Inserts the new cases and their first versions in bulk (docs/adr/0005): a file of a few thousand claims is the
    /// usual size, and the change tracker costs ten times more per row. They are audited per measure (MEASURE/*) and
    /// the file as a whole; each case's first version names the import.
    /// </summary>
    private async Task InsertNew(List<PolicyCase> fresh, Dictionary<int, string> measureCodes, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        db.ChangeTracker.Clear();
        var caseRows = new BulkInsert<PolicyCase>(db);
        var versionRows = new BulkInsert<PolicyCaseVersion>(db);
        var caseKeys = await caseRows.AllocateKeys(fresh.Count, ct);
        var versionKeys = await versionRows.AllocateKeys(fresh.Count, ct);
        var versions = new List<PolicyCaseVersion>(fresh.Count);
        for (int i = 0; i < fresh.Count; i++)
        {
            caseRows.SetKey(fresh[i], caseKeys[i]);
            var version = fresh[i].Versions[0];
            versionRows.SetKey(version, versionKeys[i]);
            versionRows.Set(version, nameof(PolicyCaseVersion.CaseId), caseKeys[i]);
            versions.Add(version);
        }

        await caseRows.Insert(fresh, ct);
        await versionRows.Insert(versions, ct);
        foreach (var g in fresh.GroupBy(c => measureCodes[c.MeasureId]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            db.RecordAudit("import", nameof(PolicyCase), $"{g.Key}/*", null, System.Text.Json.JsonSerializer.Serialize(new { created = g.Count(), paid = g.Count(c => c.Status == CaseStatus.Paid) }));
        }

        db.RecordAudit("import", nameof(PolicyCase), "policy-cases", null, System.Text.Json.JsonSerializer.Serialize(new { created = fresh.Count }));
        await db.SaveChangesAsync(ct);
    }

    internal static MeasureKind Kind(string text) => KindWords.TryGetValue(text, out var k) ? k : Word<MeasureKind>(text, "kind", KindWords.Keys);

    internal static DeliveryMode Mode(string text) => ModeWords.TryGetValue(text, out var m) ? m : Word<DeliveryMode>(text, "mode", ModeWords.Keys);

    internal static CaseStatus Status(string text) => StatusWords.TryGetValue(text, out var s) ? s : Word<CaseStatus>(text, "status", StatusWords.Keys);

    private static T Word<T>(string text, string field, IEnumerable<string> chinese)
        where T : struct, Enum
    {
        try
        {
            return Parsing.Enum<T>(text, field);
        }
        catch (DomainException)
        {
            var english = string.Join("|", Enum.GetNames<T>().Select(Parsing.Camel));
            var words = string.Join("/", chinese);
            throw new DomainException(field, new Text($"“{Parsing.Clip(text)}”无效,应为 {english} 或 {words}", $"unknown {field} '{Parsing.Clip(text)}'; one of {english} or {words}"));
        }
    }

    /// <summary>The lines of one file checked and applied one by one: every problem collected, the rows outside the actor's scope listed.</summary>
    private sealed class Lines(Data.LuoshiDbContext db, ICurrentActor actor, CsvTable table, Stamp stamp)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private Dictionary<string, OrgUnit> _units = [];
        private Dictionary<int, OrgUnit> _unitIds = [];
        private Dictionary<string, Policy> _policies = [];
        private Dictionary<int, Policy> _policyIds = [];
        private Dictionary<string, PolicyMeasure> _measures = [];
        private Dictionary<(int, string, DateOnly), PolicyCase> _cases = [];
        private Dictionary<DateOnly, CalendarDay> _days = [];

        public RowErrors Errors { get; } = new();

        public OutOfScope Forbidden { get; } = new();

        public int Created { get; private set; }

        public int Updated { get; private set; }

        /// <summary>The years of the cases created or changed (of the days, for the calendar): the computed indicators to refresh.</summary>
        public HashSet<int> Years { get; } = [];

        /// <summary>The new cases, inserted in bulk once every line has passed.</summary>
        public List<PolicyCase> Fresh { get; } = [];

        public Dictionary<int, string> MeasureCodes => _measures.Values.ToDictionary(m => m.Id, m => m.Code);

        public async Task Load(PolicyImportKind kind, CancellationToken ct)
        {
            if (kind == PolicyImportKind.Holidays)
            {
                _days = await db.CalendarDays.ToDictionaryAsync(d => d.Date, ct);
                return;
            }

            _units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
            _unitIds = _units.Values.ToDictionary(u => u.Id);
            _policies = await db.Policies.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
            _policyIds = _policies.Values.ToDictionary(p => p.Id);
            if (kind != PolicyImportKind.Policies)
            {
                _measures = await db.PolicyMeasures.ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct);
            }

            if (kind == PolicyImportKind.PolicyCases)
            {
                _cases = (await db.PolicyCases.ToListAsync(ct)).ToDictionary(c => (c.MeasureId, c.Enterprise, c.Applied));
            }
        }

        public void Policy(int line, string[] fields)
        {
            var code = table.Text(fields, "code");
            if (!Errors.FirstTime(line, _seen, code) || Department(line, fields, "lead") is not { } lead)
            {
                return;
            }

            if (!actor.Can(Permission.ManagePlans, lead) || (_policies.TryGetValue(code, out var known) && !actor.Can(Permission.ManagePlans, _unitIds[known.LeadDepartmentId])))
            {
                Forbidden.Add(line, lead.Code);
                return;
            }

            var issued = Errors.Try(line, "issued", () => Parsing.OptionalDate(table.Text(fields, "issued"), "issued") ?? throw new DomainException("issued", new Text("印发日期不能为空", "the issue date is required")));
            var budget = Errors.Try(line, "budget", () => Parsing.Decimal(table.Text(fields, "budget"), "budget") is var b && b >= 0
                ? (decimal?)b
                : throw new DomainException("budget", new Text("预算不能为负", "the budget cannot be negative")));
            // An empty or missing "public" cell leaves publication as it is (off for a new policy): only a planner's explicit choice publishes.
            var isPublic = Errors.Try(line, "public", () => (Flag(table.Trimmed(fields, "public")), true));
            if (issued == default || budget is null || !isPublic.Item2)
            {
                return;
            }

            bool isNew = known is null;
            var policy = known ?? Errors.Try(line, () => Domain.Policies.Policy.Register(code, table.Text(fields, "title"), table.Text(fields, "package"), lead.Id, issued, budget.Value));
            if (policy is null || (!isNew && !Errors.Try(line, () => policy.Describe(table.Text(fields, "title"), table.Text(fields, "package"), lead.Id, issued, budget.Value))))
            {
                return;
            }

            if (isPublic.Item1 is { } on)
            {
                policy.Publish(on, stamp.At);
            }

            if (isNew)
            {
                db.Policies.Add(policy);
                _policies[code] = policy;
                Created++;
            }
            else if (Changed(policy))
            {
                Updated++;
            }
        }

        public void Measure(int line, string[] fields)
        {
            var code = table.Text(fields, "code");
            if (!Errors.FirstTime(line, _seen, code))
            {
                return;
            }

            var policyCode = table.Text(fields, "policy");
            if (!_policies.TryGetValue(policyCode, out var policy))
            {
                Errors.Add(line, "policy", new Text($"政策 {Parsing.Clip(policyCode)} 不存在", $"policy '{Parsing.Clip(policyCode)}' does not exist"));
                return;
            }

            OrgUnit? own = null;
            if (table.Trimmed(fields, "department") is { Length: > 0 })
            {
                own = Department(line, fields, "department");
                if (own is null)
                {
                    return;
                }
            }

            var responsible = own ?? _unitIds[policy.LeadDepartmentId];
            bool isNew = !_measures.TryGetValue(code, out var measure);
            if (!actor.Can(Permission.ManagePlans, responsible) || (measure is not null && !actor.Can(Permission.ManagePlans, _unitIds[measure.ResponsibleOf(_policyIds[measure.PolicyId])])))
            {
                Forbidden.Add(line, responsible.Code);
                return;
            }

            if (measure is not null && measure.PolicyId != policy.Id)
            {
                Errors.Add(line, "policy", new Text($"事项 {Parsing.Clip(code)} 属于另一项政策,导入不能改变其所属政策", $"measure '{Parsing.Clip(code)}' belongs to another policy; an import cannot move it"));
                return;
            }

            var kind = Errors.Try(line, "kind", () => (MeasureKind?)Kind(table.Text(fields, "kind")));
            var mode = Errors.Try(line, "mode", () => (DeliveryMode?)Mode(table.Text(fields, "mode")));
            var limit = Errors.Try(line, "timeLimitDays", () => (int?)(int.TryParse(table.Text(fields, "timeLimitDays"), NumberStyles.None, CultureInfo.InvariantCulture, out int d) ? d
                : throw new DomainException("timeLimitDays", new Text("时限应为工作日天数(非负整数)", "the time limit is a whole number of working days"))));
            if (kind is null || mode is null || limit is null)
            {
                return;
            }

            measure ??= Errors.Try(line, () => PolicyMeasure.Register(code, policy.Id, table.Text(fields, "title"), kind.Value, mode.Value, limit.Value));
            bool ok = measure is not null
                && Errors.Try(line, () => measure.Describe(table.Text(fields, "title"), kind.Value, mode.Value, limit.Value))
                && Errors.Try(line, "conditions", () => { if (table.Has("conditions")) { measure.Condition(table.Get(fields, "conditions")); } });
            if (!ok)
            {
                return;
            }

            if (table.Has("department"))
            {
                measure!.AssignTo(own?.Id);
            }

            if (isNew)
            {
                db.PolicyMeasures.Add(measure!);
                _measures[code] = measure!;
                Created++;
            }
            else if (Changed(measure!))
            {
                Updated++;
            }
        }

        public void Case(int line, string[] fields)
        {
            var measureCode = table.Text(fields, "measure");
            if (!_measures.TryGetValue(measureCode, out var measure))
            {
                Errors.Add(line, "measure", new Text($"政策事项 {Parsing.Clip(measureCode)} 不存在", $"measure '{Parsing.Clip(measureCode)}' does not exist"));
                return;
            }

            var enterprise = Errors.Try(line, "enterprise", () => CreditCode.Require(table.Text(fields, "enterprise"), "enterprise"));
            var orgCode = table.Text(fields, "org");
            if (!_units.TryGetValue(orgCode, out var org) || org.Kind is not (OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County))
            {
                Errors.Add(line, "org", new Text($"地区 {Parsing.Clip(orgCode)} 不存在", $"region '{Parsing.Clip(orgCode)}' does not exist"));
                return;
            }

            var responsible = _unitIds[measure.ResponsibleOf(_policyIds[measure.PolicyId])];
            if (!actor.Can(Permission.ManagePlans, responsible) && !actor.Can(Permission.ManagePlans, org))
            {
                Forbidden.Add(line, org.Code);
                return;
            }

            var applied = Errors.Try(line, "applied", () => Parsing.OptionalDate(table.Text(fields, "applied"), "applied") ?? throw new DomainException("applied", new Text("申报日期不能为空", "the application date is required")));
            var status = Errors.Try(line, "status", () => (CaseStatus?)Status(table.Text(fields, "status")));
            // An empty cell is a value here ("not yet known"), so each parse says whether it succeeded beside what it read.
            var approved = Errors.Try(line, "approvedAmount", () => (Value: Parsing.OptionalDecimal(table.Text(fields, "approvedAmount"), "approvedAmount"), Ok: true));
            var paidOn = Errors.Try(line, "paidOn", () => (Value: Parsing.OptionalDate(table.Text(fields, "paidOn"), "paidOn"), Ok: true));
            var paid = Errors.Try(line, "paidAmount", () => (Value: Parsing.OptionalDecimal(table.Text(fields, "paidAmount"), "paidAmount"), Ok: true));
            if (enterprise is null || applied == default || status is null || !approved.Ok || !paidOn.Ok || !paid.Ok)
            {
                return;
            }

            if (!_seen.Add($"{measure.Id}|{enterprise}|{applied:yyyy-MM-dd}"))
            {
                Errors.Add(line, "enterprise", new Text("同一事项、同一企业、同一申报日期在文件中重复", "the same measure, enterprise and application date appear twice"));
                return;
            }

            var state = new CaseState(table.Text(fields, "name"), org.Id, status.Value, approved.Value, paidOn.Value, paid.Value);
            bool isNew = !_cases.TryGetValue((measure.Id, enterprise, applied), out var c);
            c ??= PolicyCase.Open(measure.Id, enterprise, applied);
            if (!Errors.Try(line, () => c.Record(state, stamp)))
            {
                return;
            }

            Years.Add(applied.Year);
            if (isNew)
            {
                Fresh.Add(c);
                _cases[(measure.Id, enterprise, applied)] = c;
                Created++;
            }
            else
            {
                Updated++;
            }
        }

        public void Day(int line, string[] fields)
        {
            var date = Errors.Try(line, "date", () => Parsing.OptionalDate(table.Text(fields, "date"), "date") ?? throw new DomainException("date", new Text("日期不能为空", "the date is required")));
            var kind = Errors.Try(line, "kind", () => (CalendarDayKind?)Parsing.Enum<CalendarDayKind>(table.Text(fields, "kind"), "kind"));
            if (date == default || kind is null)
            {
                return;
            }

            if (date.Year is < Period.MinYear or > Period.MaxYear)
            {
                Errors.Add(line, "date", new Text($"年份须在 {Period.MinYear}–{Period.MaxYear} 之间", $"the year must be {Period.MinYear}–{Period.MaxYear}"));
                return;
            }

            if (!_seen.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            {
                Errors.Add(line, "date", new Text("同一日期在文件中重复", "the same date appears twice"));
                return;
            }

            if (!_days.TryGetValue(date, out var day))
            {
                db.CalendarDays.Add(new CalendarDay(date, kind.Value));
                Years.Add(date.Year);
                Created++;
            }
            else if (day.Kind != kind)
            {
                day.Change(kind.Value);
                Years.Add(date.Year);
                Updated++;
            }
        }

        private OrgUnit? Department(int line, string[] fields, string column)
        {
            var code = table.Text(fields, column);
            if (_units.TryGetValue(code, out var unit) && unit.Kind == OrgUnitKind.Department)
            {
                return unit;
            }

            Errors.Add(line, column, new Text($"部门 {Parsing.Clip(code)} 不存在", $"department '{Parsing.Clip(code)}' does not exist"));
            return null;
        }

        private bool Changed(object entity)
        {
            var entry = db.Entry(entity);
            entry.DetectChanges();
            return entry.State == EntityState.Modified;
        }

        private static bool? Flag(string? text) => text?.ToLowerInvariant() switch
        {
            null or "" => null,
            "true" or "yes" or "1" or "是" => true,
            "false" or "no" or "0" or "否" => false,
            _ => throw new DomainException("public", new Text("应为 是/否 或 true/false", "true or false")),
        };
    }
}
