namespace LspCapacity.Bench.Generator;

/// <summary>The vocabulary generated records are made of: programme words, so library search finds things.</summary>
internal static class Words
{
    public static readonly (string Code, string Name)[] Regions =
    [
        ("west-midlands", "West Midlands"), // loaded from seed/ with its 38 real LSPs
        ("north-east", "North East"),
        ("north-west", "North West"),
        ("yorkshire-and-the-humber", "Yorkshire and the Humber"),
        ("east-midlands", "East Midlands"),
        ("east-of-england", "East of England"),
        ("london", "London"),
        ("south-east", "South East"),
        ("south-west", "South West"),
    ];

    public static readonly string[] Places =
    [
        "Ashford", "Barnsley", "Bedford", "Blackburn", "Bolton", "Bradford", "Brighton", "Bristol", "Burnley", "Bury",
        "Cambridge", "Carlisle", "Chelmsford", "Chester", "Colchester", "Crawley", "Darlington", "Derby", "Doncaster",
        "Durham", "Exeter", "Gateshead", "Gloucester", "Grimsby", "Halifax", "Harlow", "Hastings", "Hull", "Ipswich",
        "Kendal", "Lancaster", "Leeds", "Leicester", "Lincoln", "Luton", "Maidstone", "Mansfield", "Middlesbrough",
        "Newcastle", "Northampton", "Norwich", "Nottingham", "Oldham", "Oxford", "Peterborough", "Plymouth", "Poole",
        "Portsmouth", "Preston", "Reading", "Rochdale", "Rotherham", "Salford", "Scarborough", "Sheffield", "Slough",
        "Southampton", "Southend", "St Helens", "Stockport", "Sunderland", "Swindon", "Taunton", "Thurrock", "Torbay",
        "Truro", "Wakefield", "Warrington", "Watford", "Wigan", "Winchester", "Worthing", "York",
    ];

    public static readonly string[] Quarters = ["North", "South", "East", "West", "Central", "Rural", "Vale of", "Forest of", "Borough of"];

    public static readonly string[] FirstNames =
    [
        "Aisha", "Alan", "Amir", "Ann", "Ben", "Carol", "Chen", "Claire", "David", "Deepa", "Emma", "Farah", "Gareth",
        "Grace", "Hannah", "Harjit", "Ian", "Imran", "Jane", "John", "Joy", "Karen", "Kwame", "Laura", "Liam", "Maria",
        "Mark", "Mei", "Nadia", "Neil", "Olu", "Paul", "Priya", "Rachel", "Raj", "Ruth", "Sam", "Sarah", "Simon", "Sunita",
        "Tom", "Yusuf", "Zara",
    ];

    public static readonly string[] LastNames =
    [
        "Ahmed", "Bennett", "Brown", "Campbell", "Chowdhury", "Clarke", "Davies", "Evans", "Green", "Hall", "Hughes",
        "Hussain", "Jackson", "Jones", "Kaur", "Khan", "Lewis", "Mensah", "Morris", "Nguyen", "O'Brien", "Okafor", "Patel",
        "Roberts", "Robinson", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Walker", "Williams", "Wilson", "Wright",
    ];

    public static readonly string[] Organisations =
    [
        "County Council", "Primary Care Trust", "Police", "Fire and Rescue Service", "Council for Voluntary Service",
        "Chamber of Commerce", "Housing Association", "Jobcentre Plus", "Learning and Skills Council", "University",
    ];

    public static readonly string[] ActivityTopics =
    [
        "in practice", "for board members", ": what works", "masterclass", "peer learning day", "from evidence to action",
        "for theme partnership chairs", "– a practitioners' workshop", "study tour", "showcase of local practice",
    ];

    public static readonly string[] Verbs =
    [
        "Pooling budgets for", "Engaging young people in", "Measuring progress on", "Commissioning together for",
        "Bending mainstream budgets towards", "Neighbourhood management of", "A shared evidence base for",
        "Community-led planning of", "Holding partners to account for", "Joint scrutiny of",
    ];

    public static readonly string[] Subjects =
    [
        "worklessness", "community safety", "health inequalities", "affordable housing", "older people's services",
        "children and young people", "the local economy", "cleaner, greener streets", "adult skills", "community cohesion",
        "financial inclusion", "domestic violence", "teenage pregnancy", "fuel poverty", "town centre renewal",
    ];

    public static readonly string[] Sentences =
    [
        "The partnership agreed a small number of shared priorities and named a lead partner for each.",
        "Community engagement was built into every stage, from setting priorities to reviewing results.",
        "Partners pooled budgets and commissioned one service instead of three overlapping ones.",
        "A performance framework with quarterly reporting let the board act on under-performance early.",
        "Neighbourhood renewal funding was used to test the approach before mainstream budgets were bent towards it.",
        "The Local Area Agreement targets gave the work a clear line of accountability.",
        "Voluntary and community sector partners took a real part in decisions, not only in consultation.",
        "Evidence and intelligence from every partner went into one shared needs assessment.",
        "Elected members were involved from the start, which helped when difficult choices had to be made.",
        "The sustainable community strategy was rewritten around outcomes residents said mattered to them.",
        "A secondment from the primary care trust brought commissioning skills into the partnership team.",
        "Peer review by a neighbouring partnership helped the board see its governance with fresh eyes.",
        "Mentoring for theme partnership chairs improved how meetings were run and decisions recorded.",
        "Results were shared at a regional showcase so that other partnerships could adapt the approach.",
    ];

    public static readonly string[] GoalSentences =
    [
        "Build a performance framework the board owns.",
        "Report LAA progress without a scramble.",
        "Run community engagement that changes decisions.",
        "Bring the voluntary sector into commissioning.",
        "Chair theme partnership meetings with confidence.",
    ];

    /// <summary>A peer review team's areas for improvement (its strengths are drawn from <see cref="Sentences"/>).</summary>
    public static readonly string[] Improvements =
    [
        "Performance reports reach the board, but under-performance is noted rather than challenged.",
        "Theme partnerships work well on their own but rarely on priorities that cross them.",
        "Residents are consulted on plans, but few of their views can be traced into decisions.",
        "The voluntary and community sector is represented on the board but not yet in commissioning.",
        "Partners share data informally; there is no agreed evidence base behind the priorities.",
        "Mainstream budgets have not yet been bent towards the neighbourhoods with the greatest need.",
        "Roles of the board, its executive and the theme partnerships overlap and slow decisions down.",
    ];

    public static readonly string[] Recommendations =
    [
        "Agree a small number of shared priorities and name a lead partner for each.",
        "Bring quarterly performance reports to the board with a named partner answering for each exception.",
        "Set out how residents' views will change decisions, and report back on what changed.",
        "Give the voluntary and community sector a seat in commissioning, not only in consultation.",
        "Build one shared needs assessment from every partner's evidence and intelligence.",
        "Agree with partners how mainstream budgets will follow the Local Area Agreement's priorities.",
        "Clarify the terms of reference of the board, its executive and the theme partnerships.",
    ];

    public static readonly string[] ActionOwnerRoles =
    [
        "LSP manager", "Chair of the board", "Performance officer", "Community engagement lead", "Head of policy",
        "Voluntary sector representative",
    ];

    public static readonly string[] ProgressNotes =
    [
        "Under way: a first draft has gone to the board.",
        "Under way: partners have agreed who leads and by when.",
        "Slower than planned: waiting for partners' data.",
        "Under way: discussed at the executive, back to the board next quarter.",
    ];

    public static string Pick(Random rng, IReadOnlyList<string> words) => words[rng.Next(words.Count)];

    public static string Paragraph(Random rng, int sentences) =>
        string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Pick(rng, Sentences)));
}
