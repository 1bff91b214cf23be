using Luoshi.Domain.Supervision;
using Luoshi.Web.Ui;

namespace Luoshi.Web.Pages.Supervision;

public static class SupervisionText
{
    /// <summary>
    /// An item's title as the reader sees it: the rules write theirs in both languages ("中文 / English"), of
    /// which the reader's half is shown; a title a person wrote is shown as written.
    /// </summary>
    public static string Title(string title, SupervisionSource source) =>
        source is SupervisionSource.IndicatorRule or SupervisionSource.OverdueTask or SupervisionSource.MissingReport or SupervisionSource.PolicyOverdue ? UiFormat.Message(title) : title;
}
