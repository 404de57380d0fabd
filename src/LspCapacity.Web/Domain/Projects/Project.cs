using LspCapacity.Web.Domain.Needs;

namespace LspCapacity.Web.Domain.Projects;

public enum ProjectStatus
{
    /// <summary>Registered by the partnership, waiting for a coordinator's decision.</summary>
    Proposed = 1,

    /// <summary>Accepted into the programme with a support plan: updates are posted against it.</summary>
    Active = 2,
    Declined = 3,

    /// <summary>Finished, with its practical results recorded.</summary>
    Closed = 4,
}

/// <summary>The four blocks of a Local Area Agreement; a project serves one or more.</summary>
[Flags]
public enum LaaBlocks
{
    None = 0,
    ChildrenAndYoungPeople = 1,
    SaferAndStrongerCommunities = 2,
    HealthierCommunitiesAndOlderPeople = 4,
    EconomicDevelopmentAndEnterprise = 8,
}

public enum RagStatus
{
    Red = 1,
    Amber = 2,
    Green = 3,
}

public static class ProjectText
{
    public static readonly IReadOnlyList<LaaBlocks> EveryBlock =
    [
        LaaBlocks.ChildrenAndYoungPeople, LaaBlocks.SaferAndStrongerCommunities,
        LaaBlocks.HealthierCommunitiesAndOlderPeople, LaaBlocks.EconomicDevelopmentAndEnterprise,
    ];

    public static string Block(LaaBlocks block) => block switch
    {
        LaaBlocks.ChildrenAndYoungPeople => "Children and Young People",
        LaaBlocks.SaferAndStrongerCommunities => "Safer and Stronger Communities",
        LaaBlocks.HealthierCommunitiesAndOlderPeople => "Healthier Communities and Older People",
        LaaBlocks.EconomicDevelopmentAndEnterprise => "Economic Development and Enterprise",
        _ => block.ToString(),
    };

    public static IReadOnlyList<string> Blocks(LaaBlocks blocks) =>
        EveryBlock.Where(b => blocks.HasFlag(b)).Select(Block).ToList();

    public static string Status(ProjectStatus status) => status switch
    {
        ProjectStatus.Proposed => "Proposed",
        ProjectStatus.Active => "Active",
        ProjectStatus.Declined => "Declined",
        ProjectStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Rag(RagStatus rag) => rag switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        _ => rag.ToString(),
    };
}

/// <summary>A target neighbourhood; deprived marks an NRF or similarly deprived area.</summary>
public sealed record NeighbourhoodPlan(string Name, bool IsDeprived);

/// <summary>A need from the partnership's needs profile that the project answers.</summary>
public sealed record NeedAnswered(int SurveyId, int ThemeId, NeedLevel Level);

/// <summary>A milestone as the form gives it; <see cref="Id"/> names an existing one to keep.</summary>
public sealed record MilestonePlan(int? Id, string Title, DateOnly DueOn);

/// <summary>A measure of success as the form gives it; <see cref="Id"/> names an existing one to keep.</summary>
public sealed record MeasurePlan(int? Id, string Name, string Unit, decimal BaselineValue, DateOnly BaselineOn, decimal TargetValue, DateOnly TargetOn);

public sealed record MeasureReadingInput(int MeasureId, decimal Value, DateOnly On);

public sealed record FinalValueInput(int MeasureId, decimal Value);

/// <summary>
/// A local improvement project: an LSP's own work to improve how it delivers a local outcome, the hub
/// that needs, support and results hang on. Proposed by the partnership's staff, accepted (with a
/// support plan) or declined by the region's coordinator, kept up to date by its lead, closed with its
/// practical results.
/// </summary>
public class Project
{
    public const int MaxMeasures = 3;
    public const int MaxMilestones = 12;
    public const int MaxNeighbourhoods = 10;
    public const int MaxPartnerOrganisations = 20;
    public const int MaxEvidenceLinks = 10;
    public const int MaxDocuments = 10;

    private readonly List<ProjectTheme> _themes = [];
    private readonly List<ProjectNeed> _needs = [];
    private readonly List<ProjectNeighbourhood> _neighbourhoods = [];
    private readonly List<ProjectMilestone> _milestones = [];
    private readonly List<ProjectMeasure> _measures = [];
    private readonly List<ProjectUpdate> _updates = [];
    private readonly List<ProjectDocument> _documents = [];

    private Project() { }

    public Project(int regionId, int partnershipId, string proposedById, DateTime now)
    {
        RegionId = regionId;
        PartnershipId = partnershipId;
        ProposedById = proposedById;
        Status = ProjectStatus.Proposed;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public int PartnershipId { get; private set; }
    public string ProposedById { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>The problem, in the partnership's own words.</summary>
    public string Problem { get; private set; } = "";
    public LaaBlocks LaaBlocks { get; private set; }

    /// <summary>The lead officer: a person of the partnership, who posts the updates.</summary>
    public string LeadId { get; private set; } = "";
    public List<string> PartnerOrganisations { get; private set; } = [];
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public ProjectStatus Status { get; private set; }

    /// <summary>What the programme agreed to do for the project, recorded when it was accepted.</summary>
    public string? SupportPlan { get; private set; }
    public string? DeclineReason { get; private set; }
    public string? DecidedById { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>The date of the latest progress update (what the reminders look at).</summary>
    public DateOnly? LastUpdateOn { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public ProjectResults? Results { get; private set; }
    public IReadOnlyList<ProjectTheme> Themes => _themes;
    public IReadOnlyList<ProjectNeed> Needs => _needs;
    public IReadOnlyList<ProjectNeighbourhood> Neighbourhoods => _neighbourhoods;
    public IReadOnlyList<ProjectMilestone> Milestones => _milestones;
    public IReadOnlyList<ProjectMeasure> Measures => _measures;
    public IReadOnlyList<ProjectUpdate> Updates => _updates;
    public IReadOnlyList<ProjectDocument> Documents => _documents;

    /// <summary>Its details can still change: neither declined nor closed.</summary>
    public bool IsOpen => Status is ProjectStatus.Proposed or ProjectStatus.Active;

    public bool IsLead(string personId) => personId == LeadId;

    /// <summary>Sets what the project is. Every need's theme is one of its themes.</summary>
    public void Describe(string title, string problem, IEnumerable<int> themeIds, IEnumerable<NeedAnswered> needs, LaaBlocks laaBlocks,
        IEnumerable<NeighbourhoodPlan> neighbourhoods, string leadId, IEnumerable<string> partnerOrganisations,
        DateOnly startsOn, DateOnly endsOn, DateTime now)
    {
        EnsureOpen();
        if (endsOn <= startsOn)
        {
            throw new DomainException("The end date must be after the start date.");
        }
        if (laaBlocks == LaaBlocks.None || (laaBlocks & ~ProjectText.EveryBlock.Aggregate(LaaBlocks.None, (a, b) => a | b)) != 0)
        {
            throw new DomainException("Choose at least one Local Area Agreement block.");
        }
        var needList = needs.DistinctBy(n => n.ThemeId).ToList();
        var themes = themeIds.Concat(needList.Select(n => n.ThemeId)).Distinct().ToList();
        if (themes.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
        var places = neighbourhoods.Where(n => !string.IsNullOrWhiteSpace(n.Name))
            .DistinctBy(n => n.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToList();
        if (places.Count > MaxNeighbourhoods)
        {
            throw new DomainException($"Name up to {MaxNeighbourhoods} neighbourhoods.");
        }
        var partners = partnerOrganisations.Select(Guard.Optional).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (partners.Count > MaxPartnerOrganisations)
        {
            throw new DomainException($"Name up to {MaxPartnerOrganisations} partner organisations.");
        }
        if (_milestones.Any(m => m.DueOn < startsOn || m.DueOn > endsOn))
        {
            throw new DomainException("Every milestone must fall between the project's start and end dates.");
        }
        Title = Guard.Required(title, "Title");
        Problem = Guard.Required(problem, "The problem");
        LeadId = Guard.Required(leadId, "The lead officer");
        LaaBlocks = laaBlocks;
        StartsOn = startsOn;
        EndsOn = endsOn;
        PartnerOrganisations = partners;

        _themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        foreach (var id in themes.Where(id => _themes.All(t => t.ThemeId != id)))
        {
            _themes.Add(new ProjectTheme(id));
        }
        _needs.RemoveAll(n => needList.All(x => x.ThemeId != n.ThemeId || x.SurveyId != n.SurveyId));
        foreach (var need in needList.Where(x => _needs.All(n => n.ThemeId != x.ThemeId || n.SurveyId != x.SurveyId)))
        {
            _needs.Add(new ProjectNeed(need.SurveyId, need.ThemeId, need.Level));
        }
        _neighbourhoods.Clear();
        foreach (var place in places)
        {
            _neighbourhoods.Add(new ProjectNeighbourhood(place.Name.Trim(), place.IsDeprived));
        }
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the milestones with <paramref name="plans"/>: ones named by id are changed in place (a done
    /// milestone stays done), new ones added, the rest removed. Every one falls within the project's dates.
    /// </summary>
    public void PlanMilestones(IEnumerable<MilestonePlan> plans, DateTime now)
    {
        EnsureOpen();
        var list = plans.ToList();
        if (list.Count > MaxMilestones)
        {
            throw new DomainException($"A project can have up to {MaxMilestones} milestones.");
        }
        foreach (var plan in list)
        {
            Guard.Required(plan.Title, "Each milestone's title");
            if (plan.DueOn < StartsOn || plan.DueOn > EndsOn)
            {
                throw new DomainException($"The milestone “{plan.Title.Trim()}” must be due between the project's start and end dates.");
            }
        }
        _milestones.RemoveAll(m => list.All(p => p.Id != m.Id));
        foreach (var plan in list)
        {
            var existing = plan.Id is { } id ? _milestones.FirstOrDefault(m => m.Id == id) : null;
            if (existing is null)
            {
                _milestones.Add(new ProjectMilestone(plan.Title, plan.DueOn));
            }
            else
            {
                existing.Change(plan.Title, plan.DueOn);
            }
        }
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the measures of success: one to three, each with a unit, its target dated on or after its
    /// baseline. A measure that already has readings cannot be removed.
    /// </summary>
    public void PlanMeasures(IEnumerable<MeasurePlan> plans, DateTime now)
    {
        EnsureOpen();
        var list = plans.ToList();
        if (list.Count is < 1 or > MaxMeasures)
        {
            throw new DomainException($"Give one to {MaxMeasures} measures of success.");
        }
        foreach (var plan in list)
        {
            ProjectMeasure.Check(plan);
        }
        var removed = _measures.Where(m => list.All(p => p.Id != m.Id)).ToList();
        if (removed.Any(m => m.LatestOn is not null))
        {
            throw new DomainException("A measure with progress recorded against it cannot be removed.");
        }
        _measures.RemoveAll(removed.Contains);
        var position = 1;
        foreach (var plan in list)
        {
            var existing = plan.Id is { } id ? _measures.FirstOrDefault(m => m.Id == id) : null;
            if (existing is null)
            {
                _measures.Add(new ProjectMeasure(position, plan));
            }
            else
            {
                existing.Change(position, plan);
            }
            position++;
        }
        UpdatedAt = now;
    }

    public void Accept(string coordinatorId, string supportPlan, DateTime now)
    {
        if (Status != ProjectStatus.Proposed)
        {
            throw new DomainException("Only a proposed project can be accepted.");
        }
        SupportPlan = Guard.Required(supportPlan, "The support plan");
        Status = ProjectStatus.Active;
        DecidedById = coordinatorId;
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void Decline(string coordinatorId, string reason, DateTime now)
    {
        if (Status != ProjectStatus.Proposed)
        {
            throw new DomainException("Only a proposed project can be declined.");
        }
        DeclineReason = Guard.Required(reason, "The reason");
        Status = ProjectStatus.Declined;
        DecidedById = coordinatorId;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Changes the support plan of an accepted project.</summary>
    public void ChangeSupportPlan(string supportPlan, DateTime now)
    {
        if (Status != ProjectStatus.Active)
        {
            throw new DomainException("The support plan belongs to an active project.");
        }
        SupportPlan = Guard.Required(supportPlan, "The support plan");
        UpdatedAt = now;
    }

    /// <summary>
    /// The lead reports progress: a RAG status, a narrative, the milestones done since, and the latest value
    /// of any measure (dated between its baseline date and today).
    /// </summary>
    public ProjectUpdate PostUpdate(string personId, RagStatus rag, string narrative, IEnumerable<int> milestonesDone,
        IEnumerable<MeasureReadingInput> readings, DateOnly today, DateTime now)
    {
        if (!IsLead(personId))
        {
            throw new DomainException("Only the project's lead posts progress updates.");
        }
        if (Status != ProjectStatus.Active)
        {
            throw new DomainException("Progress is posted on an active project.");
        }
        if (!Enum.IsDefined(rag))
        {
            throw new DomainException("Choose red, amber or green.");
        }
        var update = new ProjectUpdate(personId, rag, Guard.Required(narrative, "What has happened"), today, now);
        foreach (var reading in readings)
        {
            var measure = _measures.FirstOrDefault(m => m.Id == reading.MeasureId)
                ?? throw new DomainException("That measure is not one of this project's.");
            if (reading.On < measure.BaselineOn || reading.On > today)
            {
                throw new DomainException($"The date of the value for “{measure.Name}” must be between its baseline date and today.");
            }
            update.AddReading(measure.Id, reading.Value, reading.On);
            measure.Record(reading.Value, reading.On);
        }
        var done = milestonesDone.Distinct().ToList();
        foreach (var milestoneId in done)
        {
            var milestone = _milestones.FirstOrDefault(m => m.Id == milestoneId)
                ?? throw new DomainException("That milestone is not one of this project's.");
            milestone.MarkDone(today);
            update.AddMilestoneDone(milestone.Id);
        }
        _updates.Add(update);
        if (LastUpdateOn is null || today > LastUpdateOn)
        {
            LastUpdateOn = today;
        }
        UpdatedAt = now;
        return update;
    }

    /// <summary>Active and no update for <paramref name="days"/> days (counting from acceptance when none yet).</summary>
    public bool IsQuietOn(DateOnly today, int days) =>
        Status == ProjectStatus.Active
        && (LastUpdateOn ?? DateOnly.FromDateTime(DecidedAt ?? CreatedAt)).AddDays(days) <= today;

    /// <summary>Milestones of an active project past their due date and not done.</summary>
    public IReadOnlyList<ProjectMilestone> OverdueMilestones(DateOnly today) =>
        Status == ProjectStatus.Active ? _milestones.Where(m => m.DoneOn is null && m.DueOn < today).ToList() : [];

    /// <summary>
    /// The lead closes the project with its practical results: what changed, the final value of every
    /// measure, evidence, what the programme's support contributed, what they would do differently, and
    /// whether the summary may be published.
    /// </summary>
    public void Close(string personId, string whatChanged, IEnumerable<FinalValueInput> finalValues, IEnumerable<string> evidenceLinks,
        string supportContribution, string? doDifferently, bool publicConsent, DateTime now)
    {
        if (!IsLead(personId))
        {
            throw new DomainException("Only the project's lead closes it and records its results.");
        }
        if (Status != ProjectStatus.Active)
        {
            throw new DomainException("Only an active project can be closed.");
        }
        var finals = finalValues.ToList();
        foreach (var measure in _measures)
        {
            var final = finals.FirstOrDefault(f => f.MeasureId == measure.Id)
                ?? throw new DomainException($"Give the final value of “{measure.Name}”.");
            measure.Finish(final.Value);
        }
        if (finals.Any(f => _measures.All(m => m.Id != f.MeasureId)))
        {
            throw new DomainException("That measure is not one of this project's.");
        }
        var links = evidenceLinks.Select(Guard.Optional).OfType<string>().Distinct().ToList();
        if (links.Count > MaxEvidenceLinks)
        {
            throw new DomainException($"Give up to {MaxEvidenceLinks} links to evidence.");
        }
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new DomainException($"“{link}” is not a web address: links to evidence start with https:// or http://.");
            }
        }
        Results = new ProjectResults(Guard.Required(whatChanged, "What changed"), links,
            Guard.Required(supportContribution, "What the programme's support contributed"), Guard.Optional(doDifferently), publicConsent, personId, now);
        Status = ProjectStatus.Closed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The lead gives or withdraws consent to publish the results summary.</summary>
    public void SetPublicConsent(string personId, bool consent, DateTime now)
    {
        if (!IsLead(personId))
        {
            throw new DomainException("Only the project's lead decides whether its results are public.");
        }
        if (Results is null)
        {
            throw new DomainException("The project has no results yet.");
        }
        Results.SetPublicConsent(consent);
        UpdatedAt = now;
    }

    /// <summary>
    /// Adds an evidence document (the library's rules: documents and images only, 5 MB each).
    /// <paramref name="attachedAlready"/> is counted by the caller so contents need not be loaded.
    /// </summary>
    public ProjectDocument AttachEvidence(string fileName, string contentType, byte[] content, DateTime now, int attachedAlready)
    {
        if (Status is ProjectStatus.Declined)
        {
            throw new DomainException("A declined project takes no evidence.");
        }
        if (attachedAlready >= MaxDocuments)
        {
            throw new DomainException($"A project can have up to {MaxDocuments} evidence documents, and this one has {attachedAlready}.");
        }
        var document = ProjectDocument.Create(fileName, contentType, content, now);
        _documents.Add(document);
        return document;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("A declined or closed project cannot be changed.");
        }
    }
}

public class ProjectTheme
{
    private ProjectTheme() { }

    internal ProjectTheme(int themeId) => ThemeId = themeId;

    public int ProjectId { get; private set; }
    public int ThemeId { get; private set; }
}

/// <summary>One need of the partnership's needs profile (survey × theme) that the project answers, with its level then.</summary>
public class ProjectNeed
{
    private ProjectNeed() { }

    internal ProjectNeed(int surveyId, int themeId, NeedLevel level)
    {
        SurveyId = surveyId;
        ThemeId = themeId;
        Level = level;
    }

    public int ProjectId { get; private set; }
    public int SurveyId { get; private set; }
    public int ThemeId { get; private set; }
    public NeedLevel Level { get; private set; }
}

public class ProjectNeighbourhood
{
    private ProjectNeighbourhood() { }

    internal ProjectNeighbourhood(string name, bool isDeprived)
    {
        Name = name;
        IsDeprived = isDeprived;
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>A deprived (NRF) neighbourhood.</summary>
    public bool IsDeprived { get; private set; }
}

public class ProjectMilestone
{
    private ProjectMilestone() { }

    internal ProjectMilestone(string title, DateOnly dueOn) => Change(title, dueOn);

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    public bool IsDone => DoneOn is not null;

    internal void Change(string title, DateOnly dueOn)
    {
        Title = Guard.Required(title, "Each milestone's title");
        DueOn = dueOn;
    }

    internal void MarkDone(DateOnly on)
    {
        if (DoneOn is not null)
        {
            throw new DomainException($"The milestone “{Title}” is already done.");
        }
        DoneOn = on;
    }
}

/// <summary>A measure of success: from a baseline to a target, with the latest value reported and, at the close, the final one.</summary>
public class ProjectMeasure
{
    private ProjectMeasure() { }

    internal ProjectMeasure(int position, MeasurePlan plan) => Change(position, plan);

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>What the numbers count: "% of residents", "young people", "days".</summary>
    public string Unit { get; private set; } = "";
    public decimal BaselineValue { get; private set; }
    public DateOnly BaselineOn { get; private set; }
    public decimal TargetValue { get; private set; }
    public DateOnly TargetOn { get; private set; }
    public decimal? LatestValue { get; private set; }
    public DateOnly? LatestOn { get; private set; }
    public decimal? FinalValue { get; private set; }

    /// <summary>Whether the final value reached the target (in the direction from baseline to target).</summary>
    public bool? TargetMet => FinalValue is not { } final ? null
        : TargetValue >= BaselineValue ? final >= TargetValue : final <= TargetValue;

    internal static void Check(MeasurePlan plan)
    {
        var name = Guard.Required(plan.Name, "Each measure's name");
        if (string.IsNullOrWhiteSpace(plan.Unit))
        {
            throw new DomainException($"Give the unit of “{name}” (for example “%” or “young people”).");
        }
        if (plan.TargetOn < plan.BaselineOn)
        {
            throw new DomainException($"The target date of “{name}” must be on or after its baseline date.");
        }
        if (plan.TargetValue == plan.BaselineValue)
        {
            throw new DomainException($"The target of “{name}” must differ from its baseline.");
        }
    }

    internal void Change(int position, MeasurePlan plan)
    {
        Check(plan);
        Position = position;
        Name = plan.Name.Trim();
        Unit = plan.Unit.Trim();
        BaselineValue = plan.BaselineValue;
        BaselineOn = plan.BaselineOn;
        TargetValue = plan.TargetValue;
        TargetOn = plan.TargetOn;
    }

    internal void Record(decimal value, DateOnly on)
    {
        if (LatestOn is null || on >= LatestOn)
        {
            LatestValue = value;
            LatestOn = on;
        }
    }

    internal void Finish(decimal value) => FinalValue = value;
}

/// <summary>A progress update by the lead: the project's timeline.</summary>
public class ProjectUpdate
{
    private readonly List<ProjectMeasureReading> _readings = [];

    private ProjectUpdate() { }

    internal ProjectUpdate(string authorId, RagStatus rag, string narrative, DateOnly postedOn, DateTime now)
    {
        AuthorId = authorId;
        Rag = rag;
        Narrative = narrative;
        PostedOn = postedOn;
        PostedAt = now;
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public RagStatus Rag { get; private set; }
    public string Narrative { get; private set; } = "";

    /// <summary>The UK date it was posted (what the reminders count from).</summary>
    public DateOnly PostedOn { get; private set; }
    public DateTime PostedAt { get; private set; }

    /// <summary>The milestones this update marked done.</summary>
    public List<int> MilestonesDone { get; private set; } = [];
    public IReadOnlyList<ProjectMeasureReading> Readings => _readings;

    internal void AddReading(int measureId, decimal value, DateOnly on) => _readings.Add(new ProjectMeasureReading(measureId, value, on));

    internal void AddMilestoneDone(int milestoneId) => MilestonesDone.Add(milestoneId);
}

/// <summary>The value of one measure as an update reported it.</summary>
public class ProjectMeasureReading
{
    private ProjectMeasureReading() { }

    internal ProjectMeasureReading(int measureId, decimal value, DateOnly on)
    {
        MeasureId = measureId;
        Value = value;
        On = on;
    }

    public int Id { get; private set; }
    public int UpdateId { get; private set; }
    public int MeasureId { get; private set; }
    public decimal Value { get; private set; }
    public DateOnly On { get; private set; }
}

/// <summary>The practical results recorded when the project closed (final values live on each measure).</summary>
public class ProjectResults
{
    private ProjectResults() { }

    internal ProjectResults(string whatChanged, List<string> evidenceLinks, string supportContribution, string? doDifferently,
        bool publicConsent, string recordedById, DateTime now)
    {
        WhatChanged = whatChanged;
        EvidenceLinks = evidenceLinks;
        SupportContribution = supportContribution;
        DoDifferently = doDifferently;
        PublicConsent = publicConsent;
        RecordedById = recordedById;
        RecordedAt = now;
    }

    public int ProjectId { get; private set; }
    public string WhatChanged { get; private set; } = "";
    public List<string> EvidenceLinks { get; private set; } = [];

    /// <summary>What the programme's support contributed to the change.</summary>
    public string SupportContribution { get; private set; } = "";
    public string? DoDifferently { get; private set; }

    /// <summary>The lead consents to the results summary being public (the library's "results" filter).</summary>
    public bool PublicConsent { get; private set; }
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    internal void SetPublicConsent(bool consent) => PublicConsent = consent;
}

/// <summary>An evidence document: held in the database like the library's attachments, served only as a download.</summary>
public class ProjectDocument
{
    private ProjectDocument() { }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime UploadedAt { get; private set; }

    internal static ProjectDocument Create(string fileName, string contentType, byte[] content, DateTime now)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0 || name.Length > 200)
        {
            throw new DomainException("The file needs a name of 200 characters or fewer.");
        }
        if (!Library.CaseStudyAttachment.Allowed.TryGetValue(Path.GetExtension(name), out var type))
        {
            throw new DomainException($"{name} is not a type we accept. Upload a {Library.CaseStudyAttachment.AcceptedTypes} file.");
        }
        if (content.Length == 0)
        {
            throw new DomainException($"{name} is empty.");
        }
        if (content.Length > Library.CaseStudyAttachment.MaxBytes)
        {
            throw new DomainException(Library.CaseStudyAttachment.TooLargeMessage);
        }
        // The stored type comes from the extension we allow, never from what the browser claimed.
        _ = contentType;
        return new ProjectDocument { FileName = name, ContentType = type, Size = content.Length, Content = content, UploadedAt = now };
    }
}
