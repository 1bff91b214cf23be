using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Application.Demo;
using Luoshi.Application.Documents;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Identity;
using Luoshi.Application.Indicators;
using Luoshi.Application.Notifications;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Application.Projects;
using Luoshi.Application.Readings;
using Luoshi.Application.Reporting;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace Luoshi.Application;

public static class ApplicationServices
{
    /// <summary>Registers every use case explicitly (no scanning), so the list below is the application's table of contents.</summary>
    public static IServiceCollection AddLuoshiApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CalendarOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>());
        services.TryAddSingleton(sp => new LocalCalendar(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Zone));
        services.AddMetrics();
        services.TryAddSingleton<LuoshiMetrics>();
        services.TryAddSingleton<Data.JobLeaseKeeper>();
        services.TryAddSingleton<Data.DataVersionClock>();
        services.AddSingleton<Data.DemoFlag>();
        services.AddSingleton<SignedInUserCache>();
        services.AddScoped<ActorScope>();
        services.AddScoped(typeof(Deferred<>));

        services.AddScoped<ListOrgUnits>();
        services.AddScoped<GetOrgUnit>();
        services.AddScoped<CreateOrgUnit>();
        services.AddScoped<UpdateOrgUnit>();

        services.AddScoped<ListPlanItems>();
        services.AddScoped<GetPlanItem>();
        services.AddScoped<SavePlanItem>();

        services.AddScoped<ListIndicators>();
        services.AddScoped<GetIndicator>();
        services.AddScoped<SaveIndicator>();
        services.AddScoped<ListTargets>();
        services.AddScoped<SetTarget>();

        services.AddScoped<WriteReading>();
        services.AddScoped<WriteReadings>();
        services.AddScoped<QueryReadings>();
        services.AddScoped<Figures>();
        services.AddScoped<GetReadingHistory>();

        services.AddSingleton<EvaluationCache>();
        services.AddScoped<Evaluate>();
        services.AddScoped<EvaluatePlanTree>();
        services.AddScoped<CalendarChecks>();
        services.AddScoped<EvaluateIndicator>();
        services.AddScoped<GetOverview>();

        services.AddScoped<AssessmentScorer>();
        services.AddScoped<PreviewAssessment>();
        services.AddScoped<RunAssessment>();
        services.AddScoped<GetRun>();
        services.AddScoped<PublishRun>();
        services.AddScoped<VerifyRun>();
        services.AddScoped<AcceptAppeal>();
        services.AddScoped<AssessmentCatalog>();
        services.AddScoped<SaveScheme>();
        services.AddScoped<ImportProjects>();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<ProjectFiles>();
        services.AddScoped<Policies.ImportPolicies>();
        services.AddScoped<Policies.PolicyQueries>();
        services.AddScoped<Policies.PolicyFiles>();
        services.AddOptions<Publication.PublicOptions>();
        services.AddSingleton<Publication.PublicSnapshotCache>();
        services.AddScoped<Publication.Publish>();
        services.AddScoped<Publication.PublicPortal>();

        services.AddScoped<GetReport>();
        services.AddScoped<ListReports>();
        services.AddScoped<TransitionReport>();
        services.AddScoped<ReportFiles>();
        services.AddScoped<Revisions>();
        services.AddScoped<TimelinessReport>();
        services.AddScoped<ReportingSetup>();

        services.AddScoped<AddUser>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SignIn>();
        services.AddScoped<SignInExternal>();
        services.AddScoped<AuthenticateToken>();
        services.AddScoped<RefreshUser>();
        services.AddScoped<ManageTokens>();
        services.AddScoped<ReadAudit>();

        services.AddScoped<Operations.BackupDatabase>();
        services.AddScoped<Operations.RestoreDatabase>();

        services.AddOptions<SupervisionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupervisionOptions>, SupervisionOptionsValidator>());
        services.AddScoped<CreateSupervisionItem>();
        services.AddScoped<TransitionSupervisionItem>();
        services.AddScoped<GetSupervisionItem>();
        services.AddScoped<AvailableTransitions>();
        services.AddScoped<ListSupervisionItems>();
        services.AddScoped<SupervisionBoard>();
        services.AddScoped<OverdueItems>();
        services.AddScoped<SupervisionMetrics>();
        services.AddScoped<EscalateOverdue>();
        services.AddScoped<RunSupervisionRules>();
        services.AddScoped<ListSupervisionRules>();
        services.AddScoped<GetSupervisionRule>();
        services.AddScoped<SaveSupervisionRule>();
        services.AddScoped<SwitchSupervisionRule>();
        services.AddScoped<RunDailySupervision>();
        services.AddScoped<IndicatorStatuses>();
        services.AddScoped<SupervisionNotifications>();

        // Each sender is a channel: the log always, email and webhooks when the settings name them (NotificationChannels).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, LoggingNotificationSender>());
        services.AddOptions<NotificationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton<NotificationChannels>();
        services.AddScoped<Notify>();
        services.AddScoped<QueueReportingReminders>();
        services.AddScoped<RunDailyReminders>();
        services.AddScoped<MyNotifications>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<DeliveryFailures>();
        services.AddScoped<SendTestEmail>();
        services.AddScoped<DispatchOutbox>();
        services.AddScoped<ReadInbox>();
        services.AddScoped<MarkNotificationRead>();
        services.TryAddSingleton<Luoshi.Domain.Documents.ITextConverter>(sp => ChineseConverters.Best(sp.GetService<ILoggerFactory>()?.CreateLogger("Luoshi.Documents")));
        services.AddScoped<ExtractDocument>();
        services.AddScoped<IngestDocument>();
        services.AddScoped<ListDocuments>();
        services.AddScoped<GetDocument>();
        services.AddScoped<AcceptDirective>();
        services.AddScoped<AcceptPolicy>();
        services.AddScoped<AcceptTarget>();
        services.AddScoped<AcceptReading>();
        services.AddScoped<RejectItem>();
        services.AddScoped<GetPhraseTimeline>();
        services.AddScoped<CompareDocuments>();

        services.AddScoped<ImportOrgUnits>();
        services.AddScoped<ImportIndicators>();
        services.AddScoped<ImportTargets>();
        services.AddScoped<ImportReadings>();
        services.AddScoped<ImportPlans>();
        services.AddScoped<ImportData>();
        services.AddScoped<ExportReadings>();
        services.AddScoped<SeedDemo>();
        return services;
    }
}
