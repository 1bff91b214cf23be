namespace Luoshi.Domain.Assessment;

/// <summary>Where an assessment run stands (考核结果的状态).</summary>
public enum RunState
{
    /// <summary>草稿: computed, to be reviewed; may be run again or published.</summary>
    Draft = 1,

    /// <summary>已发布: announced and frozen; only an accepted appeal leads to a new version.</summary>
    Published = 2,

    /// <summary>Replaced by a reviewed new version after an appeal; kept as it was.</summary>
    Superseded = 3,
}
