namespace Luoshi.Web.Ui;

/// <summary>
/// The UI's strings: Resources/Ui/UiText.resx holds the Chinese (the neutral culture) and UiText.en.resx the English.
/// Pages reach them as <c>T["Key"]</c>.
/// </summary>
public sealed class UiText;
